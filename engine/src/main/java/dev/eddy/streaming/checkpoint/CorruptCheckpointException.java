package dev.eddy.streaming.checkpoint;

import dev.eddy.EddyException;
import java.nio.file.Path;

/**
 * Thrown when a checkpoint cannot be read: its metadata is missing or not valid JSON, or a blob
 * is missing, has the wrong size or checksum, or cannot be deserialized. {@link
 * CheckpointReader#latest} skips such a checkpoint and falls back to the previous one.
 */
public final class CorruptCheckpointException extends EddyException {
  private final Path checkpoint;

  public CorruptCheckpointException(Path checkpoint, String message, Throwable cause) {
    super(message, cause);
    this.checkpoint = checkpoint;
  }

  /** Returns the checkpoint directory concerned. */
  public Path checkpoint() {
    return checkpoint;
  }
}
