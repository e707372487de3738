package dev.eddy.scheduler;

import dev.eddy.rdd.RDD;
import java.util.List;

/**
 * A set of tasks that compute partitions of one RDD through narrow dependencies only, as Spark's
 * {@code Stage}. Stages are cut at shuffles; a stage runs after its parents. Immutable.
 */
abstract sealed class Stage permits ShuffleMapStage, ResultStage {
  private final int id;
  private final RDD<?> rdd;
  private final List<ShuffleMapStage> parents;

  Stage(int id, RDD<?> rdd, List<ShuffleMapStage> parents) {
    this.id = id;
    this.rdd = rdd;
    this.parents = List.copyOf(parents);
  }

  int id() {
    return id;
  }

  RDD<?> rdd() {
    return rdd;
  }

  /** Returns how many tasks the stage runs: one per partition it computes. */
  abstract int numTasks();

  /** Returns the map stages whose shuffle outputs this stage reads. */
  List<ShuffleMapStage> parents() {
    return parents;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + " " + id + " (" + rdd + ")";
  }
}
