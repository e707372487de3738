package dev.eddy.scheduler;

import dev.eddy.rdd.Dependency;
import dev.eddy.rdd.RDD;
import dev.eddy.rdd.ShuffleDependency;
import dev.eddy.storage.BlockId;
import dev.eddy.storage.BlockManager;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Cuts one job's lineage into stages at shuffle dependencies. A shuffle reached twice (a diamond
 * in the lineage) gets one stage; the lineage above an RDD whose partitions are all cached is not
 * walked, so the shuffles it needed do not run again. Not thread-safe: one builder per job.
 */
final class StageBuilder {
  private final IntSupplier newStageId;
  private final Map<Integer, ShuffleMapStage> byShuffleId = new LinkedHashMap<>();

  StageBuilder(IntSupplier newStageId) {
    this.newStageId = newStageId;
  }

  /** Returns the result stage computing {@code partitions} of {@code rdd}, with its parent stages. */
  ResultStage resultStage(RDD<?> rdd, List<Integer> partitions) {
    List<ShuffleMapStage> parents = parentStages(rdd);
    return new ResultStage(newStageId.getAsInt(), rdd, partitions, parents);
  }

  /** Returns every map stage of {@code stage}'s ancestry, each after its own parents. */
  static List<ShuffleMapStage> mapStagesInRunOrder(Stage stage) {
    List<ShuffleMapStage> order = new ArrayList<>();
    addParentsFirst(stage, order, new HashSet<>());
    return order;
  }

  private static void addParentsFirst(Stage stage, List<ShuffleMapStage> order, Set<Integer> seen) {
    for (ShuffleMapStage parent : stage.parents()) {
      if (seen.add(parent.id())) {
        addParentsFirst(parent, order, seen);
        order.add(parent);
      }
    }
  }

  /**
   * Returns the RDDs a stage ending in {@code rdd} computes: {@code rdd} and every ancestor reached
   * through narrow dependencies only, one per id (a pair view and the RDD it shows are one), in
   * ascending id order.
   */
  static List<RDD<?>> narrowAncestry(RDD<?> rdd) {
    Map<Integer, RDD<?>> byId = new java.util.TreeMap<>();
    Deque<RDD<?>> toVisit = new ArrayDeque<>();
    toVisit.push(rdd);
    while (!toVisit.isEmpty()) {
      RDD<?> current = toVisit.pop();
      if (byId.putIfAbsent(current.id(), current) != null) {
        continue;
      }
      for (Dependency<?> dep : current.dependencies()) {
        if (!(dep instanceof ShuffleDependency<?, ?, ?>)) {
          toVisit.push(dep.rdd());
        }
      }
    }
    return new ArrayList<>(byId.values());
  }

  /** Walks narrow dependencies from {@code rdd} and returns a stage per shuffle met. */
  private List<ShuffleMapStage> parentStages(RDD<?> rdd) {
    List<ShuffleMapStage> parents = new ArrayList<>();
    Set<Integer> visited = new HashSet<>();
    Deque<RDD<?>> toVisit = new ArrayDeque<>();
    toVisit.push(rdd);
    while (!toVisit.isEmpty()) {
      RDD<?> current = toVisit.pop();
      if (!visited.add(current.id()) || isFullyCached(current)) {
        continue; // as Spark: the parents of a cached RDD need not run
      }
      for (Dependency<?> dep : current.dependencies()) {
        if (dep instanceof ShuffleDependency<?, ?, ?> shuffle) {
          ShuffleMapStage stage = mapStage(shuffle);
          if (!parents.contains(stage)) {
            parents.add(stage);
          }
        } else {
          toVisit.push(dep.rdd());
        }
      }
    }
    return parents;
  }

  private static boolean isFullyCached(RDD<?> rdd) {
    if (!rdd.getStorageLevel().isValid()) {
      return false;
    }
    BlockManager blocks = rdd.context().blockManager();
    for (int p = 0; p < rdd.getNumPartitions(); p++) {
      if (!blocks.contains(BlockId.rdd(rdd.id(), p))) {
        return false;
      }
    }
    return true;
  }

  private ShuffleMapStage mapStage(ShuffleDependency<?, ?, ?> shuffle) {
    ShuffleMapStage existing = byShuffleId.get(shuffle.shuffleId());
    if (existing != null) {
      return existing;
    }
    List<ShuffleMapStage> parents = parentStages(shuffle.rdd());
    ShuffleMapStage stage = new ShuffleMapStage(newStageId.getAsInt(), shuffle, parents);
    byShuffleId.put(shuffle.shuffleId(), stage);
    return stage;
  }
}
