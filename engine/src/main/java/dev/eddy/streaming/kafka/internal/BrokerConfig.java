package dev.eddy.streaming.kafka.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/**
 * The {@code server.properties} of a local single-node KRaft broker in its data directory: made
 * once with two free loopback ports (clients, controller), then read back so that a broker
 * started again on the directory keeps its ports. Immutable.
 *
 * @param file the properties file
 * @param port the port clients connect to
 * @param controllerPort the KRaft controller's port
 * @param clusterId the id to format new storage with (unused once the storage is formatted)
 */
public record BrokerConfig(Path file, int port, int controllerPort, String clusterId) {
  /** The name of the file, in the data directory, that the broker logs to. */
  public static final String LOG_FILE = "broker.log";
  private static final String FILE = "server.properties";

  /** Reads the configuration in {@code dataDir}, or writes a new one with free ports. */
  public static BrokerConfig loadOrCreate(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE);
    String clusterId = Uuid.randomUuid().toString();
    if (Files.exists(file)) {
      Properties p = new Properties();
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(in);
      }
      return new BrokerConfig(file, port(p, "eddy.port", file), port(p, "eddy.controller.port", file), clusterId);
    }
    int port = freePort();
    int controllerPort = freePort();
    while (controllerPort == port) {
      controllerPort = freePort();
    }
    Properties p = new Properties();
    p.setProperty("eddy.port", String.valueOf(port));
    p.setProperty("eddy.controller.port", String.valueOf(controllerPort));
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("log.dirs", dataDir.toAbsolutePath().resolve("kafka-logs").toString());
    p.setProperty("num.partitions", "1");
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "4");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(out, "Eddy's local Kafka broker (KRaft, one node); eddy.* keys are Eddy's, the others Kafka's");
    }
    return new BrokerConfig(file, port, controllerPort, clusterId);
  }

  private static int port(Properties p, String key, Path file) {
    String value = p.getProperty(key);
    if (value == null) {
      throw new IllegalStateException(file + " has no " + key + "; it was not written by Eddy's KafkaBroker");
    }
    return Integer.parseInt(value.trim());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port for the Kafka broker", e);
    }
  }
}
