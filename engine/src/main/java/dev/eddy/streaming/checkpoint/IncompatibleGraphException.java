package dev.eddy.streaming.checkpoint;

import dev.eddy.EddyException;
import java.util.List;

/**
 * Thrown when the streams rebuilt from the user's code do not have the shape of the graph that
 * wrote a checkpoint, so its positions and state would land on the wrong streams. The message
 * names every difference.
 */
public final class IncompatibleGraphException extends EddyException {
  private final List<String> differences;

  public IncompatibleGraphException(List<String> differences) {
    super("the streams and outputs differ from the checkpoint's: " + String.join("; ", differences)
        + ". Recovery needs the same streams and outputs, defined in the same order (function bodies may change);"
        + " restore the definitions or start from a new checkpoint directory");
    this.differences = List.copyOf(differences);
  }

  /** Returns one sentence per difference. */
  public List<String> differences() {
    return differences;
  }
}
