package dev.eddy.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * A shell or control channel that blocks on its socket instead of polling with a sleep, and that
 * survives any failure of a single message.
 *
 * <p>The library's channel loop checks the socket, then sleeps 50 ms, so every request waits up to
 * 50 ms before it is even read. This channel blocks in {@link ZMQ.Poller#poll(long)} (woken at once
 * by a message; the timeout only bounds how long a shutdown takes to be noticed), which brings a
 * trivial round trip down to a few milliseconds. A message that cannot be read (bad signature, bad
 * JSON) or a handler that throws is logged and the loop carries on: the library's loop thread
 * would die and the kernel would never answer again.
 *
 * <p>On the shell channel, {@code execute_request}s are handled one after another on a thread of
 * their own, so that completion, inspection, {@code is_complete} and {@code kernel_info} are
 * answered while a cell runs (a cell waiting for stream batches would otherwise hold back every
 * completion request). ZeroMQ sockets are not thread-safe, so only the loop thread touches the
 * socket: replies made on the execute thread are queued and the loop is woken through an
 * in-process socket pair to send them.
 *
 * <p>A message is received whole before the library parses it: the library reads frame by frame
 * and, given a message without the identity delimiter, would block and swallow the next client's
 * message, routing its reply to the sender of the bad one.
 */
final class BlockingShellChannel extends ShellChannel {
  private static final long SHUTDOWN_CHECK_MS = 200;
  private static final AtomicInteger WAKE_IDS = new AtomicInteger();
  private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
  /** Signature, header, parent header, metadata and content follow the delimiter. */
  private static final int FRAMES_AFTER_DELIMITER = 5;

  private final JupyterConnection connection;
  private final String name;
  private volatile boolean running;
  private Thread loop;
  private final ExecutorService executeThread;
  private final Queue<Message<?>> outbox = new ConcurrentLinkedQueue<>();
  private final ZMQ.Socket wakeReceiver;
  private final ZMQ.Socket wakeSender;
  /** The frames of the message being parsed, read by the library's parser; loop thread only. */
  private Deque<byte[]> replay;

  BlockingShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean isControl, JupyterConnection connection) {
    super(context, hmac, isControl, connection);
    this.connection = connection;
    this.name = isControl ? "control" : "shell";
    if (isControl) {
      this.executeThread = null;
      this.wakeReceiver = null;
      this.wakeSender = null;
    } else {
      this.executeThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "eddy-execute");
        t.setDaemon(true);
        return t;
      });
      String address = "inproc://eddy-shell-wake-" + WAKE_IDS.incrementAndGet();
      this.wakeReceiver = context.socket(SocketType.PULL);
      this.wakeReceiver.bind(address);
      this.wakeSender = context.socket(SocketType.PUSH);
      this.wakeSender.connect(address);
    }
  }

  @Override
  public void bind(KernelConnectionProperties props) {
    int port = name.equals("control") ? props.getControlPort() : props.getShellPort();
    String address = props.getTransport() + "://" + props.getIp() + ":" + port;
    logger.info("Binding " + name + " to " + address);
    super.bind(address);
    running = true;
    loop = new Thread(this::serve, "eddy-" + name);
    loop.setDaemon(true);
    loop.start();
  }

  /** Sends on the loop thread; from any other thread, queues the message and wakes the loop. */
  @Override
  public void sendMessage(Message<?> message) {
    if (wakeSender == null || Thread.currentThread() == loop) {
      super.sendMessage(message);
      return;
    }
    outbox.add(message);
    synchronized (wakeSender) {
      wakeSender.send(new byte[0], ZMQ.DONTWAIT);
    }
  }

  /** Reads and dispatches messages until the channel is closed. */
  private void serve() {
    ZMQ.Poller poller = ctx.poller(2);
    poller.register(this, ZMQ.Poller.POLLIN);
    if (wakeReceiver != null) {
      poller.register(wakeReceiver, ZMQ.Poller.POLLIN);
    }
    try {
      while (running) {
        if (pollOnce(poller)) {
          if (poller.pollin(0)) {
            dispatchOne();
          }
          if (wakeReceiver != null && poller.pollin(1)) {
            while (wakeReceiver.recv(ZMQ.DONTWAIT) != null) {
              // drain the wake-ups; the outbox holds the messages
            }
          }
        }
        sendQueued();
      }
    } finally {
      poller.close();
    }
  }

  private void sendQueued() {
    Message<?> queued;
    while ((queued = outbox.poll()) != null) {
      try {
        super.sendMessage(queued);
      } catch (RuntimeException e) {
        logger.log(Level.WARNING, name + ": could not send a reply", e);
      }
    }
  }

  private boolean pollOnce(ZMQ.Poller poller) {
    try {
      return poller.poll(SHUTDOWN_CHECK_MS) > 0;
    } catch (RuntimeException e) {
      if (running) {
        logger.log(Level.WARNING, name + ": poll failed", e);
      }
      return false;
    }
  }

  /** Serves the library's parser from the frames of the current message, if there is one. */
  @Override
  public byte[] recv(int flags) {
    Deque<byte[]> frames = replay;
    if (frames == null) {
      return super.recv(flags);
    }
    byte[] next = frames.poll();
    if (next == null) {
      throw new IllegalStateException("truncated message");
    }
    return next;
  }

  @Override
  public boolean hasReceiveMore() {
    Deque<byte[]> frames = replay;
    return frames != null ? !frames.isEmpty() : super.hasReceiveMore();
  }

  /** Receives every frame of one message, checks its framing, then lets the library parse it. */
  private Message<?> readWholeMessage() {
    List<byte[]> frames = new ArrayList<>();
    do {
      byte[] frame = super.recv(0);
      if (frame == null) {
        break;
      }
      frames.add(frame);
    } while (super.hasReceiveMore());
    int delimiter = -1;
    for (int i = 0; i < frames.size() && delimiter < 0; i++) {
      if (Arrays.equals(DELIMITER, frames.get(i))) {
        delimiter = i;
      }
    }
    if (delimiter < 0 || frames.size() - delimiter - 1 < FRAMES_AFTER_DELIMITER) {
      throw new IllegalArgumentException("malformed message of " + frames.size() + " frames"
          + (delimiter < 0 ? ", no <IDS|MSG> delimiter" : ", fewer than 5 frames after the delimiter"));
    }
    replay = new ArrayDeque<>(frames);
    try {
      return readMessage();
    } finally {
      replay = null;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void dispatchOne() {
    Message message;
    try {
      message = readWholeMessage();
    } catch (RuntimeException e) {
      // The exception names what is wrong (signature, JSON); never the key.
      logger.log(Level.WARNING, name + ": dropped an unreadable message: " + e);
      return;
    }
    if (message == null) {
      return;
    }
    ShellHandler handler = connection.getHandler(message.getHeader().getType());
    if (handler == null) {
      logger.warning(name + ": no handler for " + message.getHeader().getType().getName());
      return;
    }
    if (executeThread != null && message.getHeader().getType() == MessageType.EXECUTE_REQUEST) {
      Message execute = message;
      try {
        executeThread.execute(() -> handle(handler, execute));
      } catch (RejectedExecutionException e) {
        logger.warning(name + ": closing, dropped an execute request");
      }
      return;
    }
    handle(handler, message);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void handle(ShellHandler handler, Message message) {
    ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
    try {
      handler.handle(env, message);
    } catch (Throwable e) {
      logger.log(Level.SEVERE, name + ": handler of " + message.getHeader().getType().getName() + " failed", e);
    } finally {
      try {
        env.resolveDeferrals();
      } catch (RuntimeException e) {
        logger.log(Level.SEVERE, name + ": could not send deferred replies", e);
      }
    }
  }

  @Override
  public void close() {
    running = false;
    if (executeThread != null) {
      executeThread.shutdownNow();
    }
    if (loop != null && loop != Thread.currentThread()) {
      try {
        loop.join(2 * SHUTDOWN_CHECK_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (wakeSender != null) {
      synchronized (wakeSender) {
        wakeSender.close();
      }
      wakeReceiver.close();
    }
    super.close();
  }

  @Override
  public void waitUntilClose() {
    Thread t = loop;
    if (t != null) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
