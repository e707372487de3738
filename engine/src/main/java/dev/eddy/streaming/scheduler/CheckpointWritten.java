package dev.eddy.streaming.scheduler;

import dev.eddy.streaming.Time;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A streaming checkpoint was written after the batch at {@code checkpointTime}, or writing it
 * failed (the stream goes on; a recovery would start from the previous checkpoint).
 *
 * @param checkpointTime the batch time the checkpoint is of
 * @param directory the checkpoint's directory, empty if writing failed
 * @param failureReason why writing failed, empty if it succeeded
 */
public record CheckpointWritten(Time checkpointTime, Optional<Path> directory, Optional<String> failureReason) {
  /** Returns whether the checkpoint was written. */
  public boolean succeeded() {
    return failureReason.isEmpty();
  }
}
