package dev.eddy.kernel;

import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.publish.PublishStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One of the JVM's standard streams, sent to the running cell as Jupyter {@code stream} messages.
 *
 * <p>Installed once at start-up as {@code System.out} / {@code System.err} (not swapped per
 * request, which races with threads that keep a reference), so anything any thread writes while a
 * cell runs reaches that cell: the cell's own code on the worker thread as well as engine threads.
 * Between cells the bytes go to the original stream, i.e. the kernel's log.
 */
final class CellOutputStream extends OutputStream {
  private final PublishStream.StreamType type;
  private final IOPub iopub;
  private final CurrentCell cell;
  private final PrintStream fallback;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);

  private CellOutputStream(PublishStream.StreamType type, IOPub iopub, CurrentCell cell, PrintStream fallback) {
    this.type = type;
    this.iopub = iopub;
    this.cell = cell;
    this.fallback = fallback;
  }

  /** Replaces {@code System.out} and {@code System.err} with streams into the running cell. */
  static void install(IOPub iopub, CurrentCell cell) {
    System.setOut(printStream(new CellOutputStream(PublishStream.StreamType.OUT, iopub, cell, System.out)));
    System.setErr(printStream(new CellOutputStream(PublishStream.StreamType.ERR, iopub, cell, System.err)));
  }

  private static PrintStream printStream(OutputStream out) {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) {
    buffer.write(b);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    buffer.write(b, off, len);
  }

  /** Sends what was written since the last flush. */
  @Override
  public synchronized void flush() throws IOException {
    if (buffer.size() == 0) {
      return;
    }
    MessageContext request = cell.get();
    if (request != null) {
      iopub.publish(request, new PublishStream(type, buffer.toString(StandardCharsets.UTF_8)));
    } else {
      buffer.writeTo(fallback);
      fallback.flush();
    }
    buffer.reset();
  }
}
