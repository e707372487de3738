package dev.eddy.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.channels.IOPubChannel;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZMQ;

/** When a cell's reply may go out relative to the live-view updates it caused. */
class LiveViewPublisherTest {
  private final ZMQ.Context zmq = ZMQ.context(1);
  private final IOPubChannel socket = new IOPubChannel(zmq, HMACGenerator.NO_AUTH_INSTANCE);
  private final LiveViewPublisher publisher = new LiveViewPublisher(new IOPub(socket), new CurrentCell());

  @AfterEach
  void close() {
    publisher.close();
    socket.close();
    zmq.term();
  }

  @Test
  void flushWaitsForAnUpdateAlreadyBeingSent() throws Exception {
    LiveView view = new LiveView(null, 1_000);
    Thread flush = new Thread(publisher::flushPending, "flush");
    synchronized (view) { // the publisher's snapshot of the view waits for this block to end
      publisher.changed(view);
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (view.flushScheduled().get()) { // cleared by the publisher thread just before it sends
        assertTrue(System.nanoTime() < deadline, "the publisher never took the update");
        Thread.onSpinWait();
      }
      flush.start();
      flush.join(300);
      assertTrue(flush.isAlive(), "the flush returned while an update was still being sent");
    }
    flush.join(5_000);
    assertFalse(flush.isAlive(), "the flush did not return once the update was sent");
  }
}
