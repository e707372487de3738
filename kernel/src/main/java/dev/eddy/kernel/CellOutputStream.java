package dev.eddy.kernel;

import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.publish.PublishStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One of the JVM's standard streams, sent to the running cell as Jupyter {@code stream} messages.
 *
 * <p>Installed once at start-up as {@code System.out} / {@code System.err} (not swapped per
 * request, which races with threads that keep a reference), so anything any thread writes while a
 * cell runs reaches that cell: the cell's own code on the worker thread as well as engine threads.
 * Between cells the bytes go to the original stream, i.e. the kernel's log.
 *
 * <p>Bytes are gathered for a few milliseconds and sent as one message, so that a {@code printf}
 * or a loop of small prints becomes one {@code stream} output rather than hundreds; an explicit
 * {@code flush()} (the kernel calls it before a display and at the end of a cell) sends at once.
 */
final class CellOutputStream extends OutputStream {
  private final PublishStream.StreamType type;
  private final IOPub iopub;
  private final CurrentCell cell;
  private final PrintStream fallback;
  private static final long GATHER_MILLIS = 20;
  private static final ScheduledExecutorService SENDER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "eddy-cell-output");
    thread.setDaemon(true);
    return thread;
  });

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
  private boolean sendScheduled;

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
    // no auto-flush: bytes reach this stream on every print, and are sent in gathered messages
    return new PrintStream(out, false, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) {
    buffer.write(b);
    scheduleSend();
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    buffer.write(b, off, len);
    scheduleSend();
  }

  private void scheduleSend() {
    if (!sendScheduled) {
      sendScheduled = true;
      SENDER.schedule(this::flushQuietly, GATHER_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void flushQuietly() {
    sendScheduled = false;
    try {
      flush();
    } catch (IOException | RuntimeException e) {
      fallback.println("eddy: could not send cell output: " + e);
    }
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
