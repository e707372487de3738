package dev.eddy.kernel;

import io.github.spencerpark.jupyter.channels.IOPubChannel;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.publish.PublishStatus;
import java.security.GeneralSecurityException;
import org.zeromq.ZMQ;

/**
 * The kernel's five Jupyter sockets, with the shell and control channels replaced by {@link
 * BlockingShellChannel}s.
 *
 * <p>The library's connection builds its polling shell and control channels in its constructor;
 * they are never bound here and are closed with the connection. The blocking channels live in a
 * ZeroMQ context of their own, which is independent of the library's (they only talk TCP). Handler
 * registration, heartbeat, stdin and IOPub stay the library's.
 */
final class EddyConnection extends JupyterConnection {
  private final KernelConnectionProperties props;
  private final ZMQ.Context blockingContext = ZMQ.context(1);
  private final BlockingShellChannel blockingShell;
  private final BlockingShellChannel blockingControl;
  private boolean connected;

  EddyConnection(KernelConnectionProperties props) throws GeneralSecurityException {
    super(props);
    this.props = props;
    HMACGenerator hmac = props.createHMACGenerator();
    this.blockingShell = new BlockingShellChannel(blockingContext, hmac, false, this);
    this.blockingControl = new BlockingShellChannel(blockingContext, hmac, true, this);
  }

  /** Binds every socket, starts the channel threads and announces {@code starting} on IOPub. */
  @Override
  public synchronized void connect() {
    if (connected) {
      return;
    }
    heartbeat.bind(props);
    iopub.bind(props);
    stdin.bind(props);
    blockingControl.bind(props);
    blockingShell.bind(props);
    iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    connected = true;
  }

  @Override
  public IOPubChannel getIOPub() {
    return iopub;
  }

  /** Closes all sockets, the library's unused ones included, and both ZeroMQ contexts. */
  @Override
  public synchronized void close() {
    blockingShell.close();
    blockingControl.close();
    blockingContext.close();
    super.close();
  }

  /** Blocks until the shell channel's thread has ended, i.e. until {@link #close()}. */
  @Override
  public void waitUntilClose() {
    blockingShell.waitUntilClose();
  }
}
