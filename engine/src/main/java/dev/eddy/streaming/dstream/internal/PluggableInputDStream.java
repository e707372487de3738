package dev.eddy.streaming.dstream.internal;

import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.receiver.Receiver;

/** The stream of a user's {@link Receiver}, as Spark's {@code PluggableInputDStream}. Thread-safe. */
public final class PluggableInputDStream<T> extends ReceiverInputDStream<T> {
  private final Receiver<T> receiver;

  public PluggableInputDStream(StreamingContext ssc, Receiver<T> receiver) {
    super(ssc);
    if (receiver == null) {
      throw new IllegalArgumentException("receiverStream needs a receiver, not null");
    }
    this.receiver = receiver;
  }

  @Override
  public Receiver<T> getReceiver() {
    return receiver;
  }
}
