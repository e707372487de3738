package dev.eddy.streaming.dstream.internal;

import dev.eddy.api.Function;
import dev.eddy.storage.StorageLevel;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.receiver.Receiver;
import java.io.InputStream;

/** A stream of records read from a TCP server by a {@link SocketReceiver}, as Spark's {@code SocketInputDStream}. Thread-safe. */
public final class SocketInputDStream<T> extends ReceiverInputDStream<T> {
  private final String host;
  private final int port;
  private final Function<InputStream, Iterable<T>> converter;
  private final StorageLevel level;

  public SocketInputDStream(
      StreamingContext ssc, String host, int port, Function<InputStream, Iterable<T>> converter, StorageLevel level) {
    super(ssc);
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("socketStream needs a host name, not '" + host + "'");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("socketStream port must be within 0-65535, not " + port);
    }
    if (converter == null || level == null) {
      throw new IllegalArgumentException("socketStream needs a converter and a storage level, not null");
    }
    this.host = host;
    this.port = port;
    this.converter = converter;
    this.level = level;
  }

  @Override
  public Receiver<T> getReceiver() {
    return new SocketReceiver<>(host, port, converter, level);
  }
}
