package dev.eddy.kafka.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The main class of the child JVM that runs a local Kafka broker for Eddy's {@code KafkaBroker}:
 * formats the broker's log directory on first use (KRaft storage), then runs {@code kafka.Kafka}.
 *
 * <p>The broker must not outlive the JVM that started it, even when that JVM is killed and runs
 * no shutdown hook: the parent keeps this process's standard input open, and a watchdog thread
 * exits the broker when it reads end-of-file there.
 *
 * <p>Usage: {@code BrokerLauncher <server.properties> <cluster id>}.
 */
public final class BrokerLauncher {
  /** How long an orderly exit may take before the process halts. */
  private static final long EXIT_GRACE_MILLIS = 15_000;

  private BrokerLauncher() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: BrokerLauncher <server.properties> <cluster id>");
      System.exit(2);
    }
    watchParent(System.in);
    Path config = Path.of(args[0]);
    formatIfNeeded(config, args[1]);
    kafka.Kafka.main(new String[] {config.toString()});
  }

  /** Exits when {@code parent} (the parent's pipe) reaches end-of-file: the parent has gone. */
  private static void watchParent(InputStream parent) {
    Thread watchdog = new Thread(() -> {
      try {
        while (parent.read() >= 0) {
          // the parent writes nothing; any byte is ignored
        }
      } catch (IOException e) {
        // a broken pipe means the same as end-of-file
      }
      System.err.println("BrokerLauncher: the parent process has gone; stopping the broker");
      Thread halter = new Thread(() -> {
        try {
          Thread.sleep(EXIT_GRACE_MILLIS);
        } catch (InterruptedException ignored) {
          // halt now
        }
        Runtime.getRuntime().halt(1);
      }, "broker-exit-deadline");
      halter.setDaemon(true);
      halter.start();
      System.exit(0);
    }, "broker-parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  /** Formats the log directory named in {@code config} unless it already holds meta.properties. */
  private static void formatIfNeeded(Path config, String clusterId) throws IOException {
    Properties props = new Properties();
    try (var in = Files.newInputStream(config)) {
      props.load(in);
    }
    Path logDir = Path.of(props.getProperty("log.dirs").split(",")[0].trim());
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    int status = kafka.tools.StorageTool.execute(
        new String[] {"format", "-t", clusterId, "-c", config.toString()}, new PrintStream(System.out, true));
    if (status != 0) {
      throw new IllegalStateException("formatting the broker's storage in " + logDir + " failed with status " + status);
    }
  }
}
