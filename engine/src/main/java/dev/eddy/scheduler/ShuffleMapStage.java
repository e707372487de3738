package dev.eddy.scheduler;

import dev.eddy.rdd.ShuffleDependency;
import java.util.List;

/** A stage whose tasks write the map side of one shuffle. Immutable. */
final class ShuffleMapStage extends Stage {
  private final ShuffleDependency<?, ?, ?> shuffleDependency;

  ShuffleMapStage(int id, ShuffleDependency<?, ?, ?> dep, List<ShuffleMapStage> parents) {
    super(id, dep.rdd(), parents);
    this.shuffleDependency = dep;
  }

  @Override
  int numTasks() {
    return rdd().getNumPartitions();
  }

  ShuffleDependency<?, ?, ?> shuffleDependency() {
    return shuffleDependency;
  }
}
