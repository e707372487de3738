package dev.eddy.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import java.util.logging.Level;
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
 */
final class BlockingShellChannel extends ShellChannel {
  private static final long SHUTDOWN_CHECK_MS = 200;

  private final JupyterConnection connection;
  private final String name;
  private volatile boolean running;
  private Thread loop;

  BlockingShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean isControl, JupyterConnection connection) {
    super(context, hmac, isControl, connection);
    this.connection = connection;
    this.name = isControl ? "control" : "shell";
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

  /** Reads and dispatches messages until the channel is closed. */
  private void serve() {
    ZMQ.Poller poller = ctx.poller(1);
    poller.register(this, ZMQ.Poller.POLLIN);
    try {
      while (running) {
        if (pollOnce(poller)) {
          dispatchOne();
        }
      }
    } finally {
      poller.close();
    }
  }

  private boolean pollOnce(ZMQ.Poller poller) {
    try {
      return poller.poll(SHUTDOWN_CHECK_MS) > 0 && poller.pollin(0);
    } catch (RuntimeException e) {
      if (running) {
        logger.log(Level.WARNING, name + ": poll failed", e);
      }
      return false;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void dispatchOne() {
    Message message;
    try {
      message = readMessage();
    } catch (RuntimeException e) {
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
    if (loop != null && loop != Thread.currentThread()) {
      try {
        loop.join(2 * SHUTDOWN_CHECK_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
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
