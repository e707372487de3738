package dev.eddy.streaming.dstream.internal;

import dev.eddy.api.Function;
import dev.eddy.storage.StorageLevel;
import dev.eddy.streaming.receiver.Receiver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * Reads records from a TCP server, as Spark's {@code SocketReceiver}: a thread connects to
 * {@code host:port}, turns the input stream into records with the converter and stores them one
 * by one. When the server closes the connection, or connecting or reading fails, the receiver
 * restarts after the restart delay and connects again; records stored before that are kept.
 * Thread-safe.
 */
public final class SocketReceiver<T> extends Receiver<T> {
  private final String host;
  private final int port;
  private final Function<InputStream, Iterable<T>> converter;
  private volatile Socket socket;

  public SocketReceiver(String host, int port, Function<InputStream, Iterable<T>> converter, StorageLevel level) {
    super(level);
    this.host = host;
    this.port = port;
    this.converter = converter;
  }

  /** Returns the lines of {@code in}, read as UTF-8, as Spark's {@code SocketReceiver.bytesToLines}. */
  public static Iterable<String> bytesToLines(InputStream in) {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    return () -> reader.lines().iterator();
  }

  @Override
  public void onStart() {
    Thread t = new Thread(this::receive, "eddy-socket-receiver-" + host + ":" + port);
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void onStop() {
    Socket s = socket;
    socket = null;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        // closing only unblocks the reading thread
      }
    }
  }

  private void receive() {
    try (Socket s = new Socket(host, port)) {
      socket = s;
      if (isStopped()) {
        return;
      }
      Iterator<T> records = converter.call(s.getInputStream()).iterator();
      while (!isStopped() && records.hasNext()) {
        store(records.next());
      }
      if (!isStopped()) {
        restart("Socket data stream had no more data");
      }
    } catch (ConnectException e) {
      restart("Error connecting to " + host + ":" + port, e);
    } catch (Exception e) {
      if (!isStopped()) {
        restart("Error receiving data from " + host + ":" + port, e);
      }
    }
  }

  @Override
  public String toString() {
    return "SocketReceiver[" + host + ":" + port + "]";
  }
}
