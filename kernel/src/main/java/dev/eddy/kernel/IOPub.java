package dev.eddy.kernel;

import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes messages on the IOPub channel from any kernel thread, each with an explicit parent.
 *
 * <p>The library binds publishing to the request being handled, so nothing can be published for a
 * cell once it has returned. The kernel publishes cell output, displays and live-view updates
 * through this class instead, naming the parent request itself. ZeroMQ sockets are not
 * thread-safe; all sends go through the socket's own {@code sendMessage}, which is synchronized on
 * the socket, the same lock the library's own sends take.
 */
final class IOPub {
  private static final Logger LOG = Logger.getLogger(IOPub.class.getName());

  private final JupyterSocket socket;

  IOPub(JupyterSocket socket) {
    this.socket = socket;
  }

  /** Sends {@code content} as a child of {@code parent}; a failure is logged, never thrown. */
  <T extends ContentType<T>> void publish(MessageContext parent, T content) {
    try {
      socket.sendMessage(new Message<>(parent, content.getType(), content));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not publish " + content.getType().getName(), e);
    }
  }
}
