package dev.eddy.kernel;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.publish.PublishClearOutput;
import io.github.spencerpark.jupyter.messages.publish.PublishDisplayData;
import io.github.spencerpark.jupyter.messages.publish.PublishUpdateDisplayData;
import java.util.UUID;

/**
 * Publishes what cells display: {@code display(x)}, its {@link DisplayHandle} updates and {@code
 * clearOutput()}, on IOPub with an explicit parent so that it also works from other threads and
 * after the cell returned. Thread-safe.
 */
final class Displays {
  private final IOPub iopub;
  private final CurrentCell cell;

  Displays(IOPub iopub, CurrentCell cell) {
    this.iopub = iopub;
    this.cell = cell;
  }

  /** Shows {@code value} in the running cell and returns its handle. */
  DisplayHandle show(Object value) {
    MessageContext request = cell.get();
    DisplayHandle handle = new DisplayHandle(UUID.randomUUID().toString(), this, request);
    if (request != null) {
      DisplayData data = Renderers.displayData(value);
      data.setDisplayId(handle.displayId());
      System.out.flush();
      System.err.flush();
      iopub.publish(request, new PublishDisplayData(data));
    }
    return handle;
  }

  /** Replaces the output of {@code handle} with {@code bundle}. */
  void update(DisplayHandle handle, MimeBundle bundle) {
    MessageContext running = cell.get();
    MessageContext parent = running != null ? running : (MessageContext) handle.origin();
    if (parent == null) {
      return;
    }
    DisplayData data = Renderers.toDisplayData(bundle);
    data.setDisplayId(handle.displayId());
    iopub.publish(parent, new PublishUpdateDisplayData(data));
  }

  /** Clears the running cell's output so far (nothing happens between cells). */
  void clearOutput() {
    MessageContext request = cell.get();
    if (request != null) {
      System.out.flush();
      System.err.flush();
      iopub.publish(request, PublishClearOutput.NOW);
    }
  }
}
