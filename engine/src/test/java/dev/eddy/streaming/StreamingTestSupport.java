package dev.eddy.streaming;

import dev.eddy.streaming.scheduler.BatchCompleted;
import dev.eddy.streaming.scheduler.BatchStarted;
import dev.eddy.streaming.scheduler.BatchSubmitted;
import dev.eddy.streaming.scheduler.OutputRows;
import dev.eddy.streaming.scheduler.StreamingListener;
import dev.eddy.streaming.scheduler.StreamingStarted;
import dev.eddy.streaming.scheduler.StreamingStopped;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Helpers for streaming tests: a recording listener and stdout/stderr capture. */
final class StreamingTestSupport {
  private StreamingTestSupport() {}

  /** Records every event it receives, with the receiving thread's name for synchronous ones. */
  static final class RecordingListener implements StreamingListener {
    final List<Object> events = new CopyOnWriteArrayList<>();
    final List<String> syncThreads = new CopyOnWriteArrayList<>();

    @Override
    public void onStreamingStarted(StreamingStarted event) {
      events.add(event);
      syncThreads.add(Thread.currentThread().getName());
    }

    @Override
    public void onBatchSubmitted(BatchSubmitted event) {
      events.add(event);
    }

    @Override
    public void onBatchStarted(BatchStarted event) {
      events.add(event);
    }

    @Override
    public void onBatchCompleted(BatchCompleted event) {
      events.add(event);
    }

    @Override
    public void onOutputRows(OutputRows event) {
      events.add(event);
    }

    @Override
    public void onStreamingStopped(StreamingStopped event) {
      events.add(event);
      syncThreads.add(Thread.currentThread().getName());
    }

    <E> List<E> ofType(Class<E> type) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }

  /** Runs {@code body} with System.out (or System.err) captured; returns what it wrote. */
  static String capture(boolean stderr, Runnable body) {
    PrintStream original = stderr ? System.err : System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    if (stderr) {
      System.setErr(capture);
    } else {
      System.setOut(capture);
    }
    try {
      body.run();
    } finally {
      if (stderr) {
        System.setErr(original);
      } else {
        System.setOut(original);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  static <T> T captureStderr(Supplier<T> body) {
    Object[] result = new Object[1];
    capture(true, () -> result[0] = body.get());
    @SuppressWarnings("unchecked")
    T t = (T) result[0];
    return t;
  }
}
