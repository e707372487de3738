package dev.eddy.streaming.scheduler;

import dev.eddy.streaming.Time;
import java.util.List;
import java.util.Optional;

/**
 * The jobs of one batch, in output-operation order, with the number of records its input streams
 * read, or the error that kept the batch from being generated. Immutable.
 */
public record JobSet(Time time, List<Job> jobs, long numRecords, Optional<Throwable> generationError) {
  public JobSet {
    jobs = List.copyOf(jobs);
  }

  /** Returns the jobs of a batch that was generated. */
  public static JobSet of(Time time, List<Job> jobs, long numRecords) {
    return new JobSet(time, jobs, numRecords, Optional.empty());
  }

  /** Returns a batch whose generation failed with {@code error}. */
  public static JobSet failed(Time time, Throwable error) {
    return new JobSet(time, List.of(), 0, Optional.of(error));
  }
}
