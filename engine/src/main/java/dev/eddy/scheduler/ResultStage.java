package dev.eddy.scheduler;

import dev.eddy.rdd.RDD;
import java.util.List;

/** The last stage of a job: its tasks run the action's function on the requested partitions. Immutable. */
final class ResultStage extends Stage {
  private final List<Integer> partitions;

  ResultStage(int id, RDD<?> rdd, List<Integer> partitions, List<ShuffleMapStage> parents) {
    super(id, rdd, parents);
    this.partitions = List.copyOf(partitions);
  }

  @Override
  int numTasks() {
    return partitions.size();
  }

  List<Integer> partitions() {
    return partitions;
  }
}
