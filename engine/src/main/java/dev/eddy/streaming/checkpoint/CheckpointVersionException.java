package dev.eddy.streaming.checkpoint;

import dev.eddy.EddyException;

/**
 * Thrown when a checkpoint was written in a format version this Eddy does not read. Never skipped
 * silently: falling back to an older checkpoint would replay data the newer one had processed.
 */
public final class CheckpointVersionException extends EddyException {
  public CheckpointVersionException(String message) {
    super(message);
  }
}
