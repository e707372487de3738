package dev.eddy.scheduler;

import java.util.List;

/** Records every job event it receives, in order. */
final class RecordingListener implements JobListener {
  private final List<JobEvent> events;

  RecordingListener(List<JobEvent> events) {
    this.events = events;
  }

  @Override
  public void onJobStart(JobStart event) {
    events.add(event);
  }

  @Override
  public void onJobEnd(JobEnd event) {
    events.add(event);
  }

  @Override
  public void onStageSubmitted(StageSubmitted event) {
    events.add(event);
  }

  @Override
  public void onStageCompleted(StageCompleted event) {
    events.add(event);
  }

  @Override
  public void onTaskStart(TaskStart event) {
    events.add(event);
  }

  @Override
  public void onTaskEnd(TaskEnd event) {
    events.add(event);
  }
}
