package dev.eddy.streaming.kafka;

import dev.eddy.streaming.kafka.internal.BrokerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Apache Kafka broker (KRaft mode, one node acting as broker and controller) on a free
 * loopback port, for notebooks and tests; not a mock.
 *
 * <pre>{@code
 * try (KafkaBroker broker = KafkaBroker.start()) {
 *   broker.createTopic("events", 4);
 *   Map<String, Object> params = Map.of("bootstrap.servers", broker.bootstrapServers(), ...);
 *   ...
 * }
 * }</pre>
 *
 * <p>The broker runs in a child JVM, so that its 45 MB of jars (Scala, log4j) stay off the
 * kernel's class path. That class path comes from the system property
 * {@value #CLASSPATH_PROPERTY}, which the kernelspec and the engine's tests set to the
 * {@code kafka-broker} module's build output. The broker writes its log to {@link #logFile()} in
 * its data directory, never to the notebook. It stops with {@link #stop()}, when the JVM that
 * started it exits (a shutdown hook), and also when that JVM is killed: the child watches the
 * pipe to its parent and exits at end-of-file.
 *
 * <p>{@link #start()} uses a temporary data directory, deleted by {@link #stop()};
 * {@link #start(Path)} keeps its data directory and, started again on it, serves the same topics
 * and records on the same ports. Thread-safe.
 */
public final class KafkaBroker implements AutoCloseable {
  /** The system property holding the broker's class path (entries may end in {@code *}). */
  public static final String CLASSPATH_PROPERTY = "eddy.kafka.broker.classpath";

  /** The child JVM's main class, from the kafka-broker module. */
  private static final String LAUNCHER = "dev.eddy.kafka.broker.BrokerLauncher";
  private static final long START_TIMEOUT_MILLIS = 90_000;
  private static final long STOP_TIMEOUT_MILLIS = 30_000;

  private final Path dataDir;
  private final boolean temporary;
  private final BrokerConfig config;
  private final Process process;
  private final Thread shutdownHook;
  private boolean stopped;

  private KafkaBroker(Path dataDir, boolean temporary, BrokerConfig config, Process process) {
    this.dataDir = dataDir;
    this.temporary = temporary;
    this.config = config;
    this.process = process;
    this.shutdownHook = new Thread(this::stopAndClean, "eddy-kafka-broker-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts a broker on free loopback ports with a new temporary data directory, and returns once
   * it serves requests.
   *
   * @throws IllegalStateException if the broker's class path is not configured, or the broker did
   *     not come up within 90 s (the message quotes its log)
   */
  public static KafkaBroker start() {
    try {
      return start(Files.createTempDirectory("eddy-kafka-"), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for the Kafka broker", e);
    }
  }

  /**
   * Starts a broker keeping its data in {@code dataDir} (created if missing), and returns once it
   * serves requests. A directory a broker used before keeps its topics, records, committed offsets
   * and ports, so a stopped broker can be started again where it left off; a new directory gets
   * free loopback ports. The directory is not deleted on stop.
   *
   * @throws IllegalStateException as {@link #start()}, or if the recorded ports are taken
   */
  public static KafkaBroker start(Path dataDir) {
    return start(dataDir, false);
  }

  /** Returns whether the broker's class path is configured and present, so {@link #start()} can work. */
  public static boolean isAvailable() {
    try {
      brokerClasspath();
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private static KafkaBroker start(Path dataDir, boolean temporary) {
    String classpath = brokerClasspath();
    try {
      Files.createDirectories(dataDir);
      BrokerConfig config = BrokerConfig.loadOrCreate(dataDir);
      Path log = dataDir.resolve(BrokerConfig.LOG_FILE);
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          // as the kernel: C1 only; on a loaded 2-core machine the broker started in 5-8 s, against 13-19 s with C2
          "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
          "-cp", classpath, LAUNCHER, config.file().toString(), config.clusterId()));
      Process process = new ProcessBuilder(command)
          .directory(dataDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(Redirect.appendTo(log.toFile()))
          .start();
      KafkaBroker broker = new KafkaBroker(dataDir, temporary, config, process);
      broker.awaitServing();
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a Kafka broker in " + dataDir, e);
    }
  }

  private static String brokerClasspath() {
    String cp = System.getProperty(CLASSPATH_PROPERTY);
    String howTo = "build it with ./mvnw -pl kafka-broker package (./install.sh does, and sets it in the"
        + " kernelspec), then start the JVM with -D" + CLASSPATH_PROPERTY + "=<repo>/kafka-broker/target/broker-lib/*";
    if (cp == null || cp.isBlank()) {
      throw new IllegalStateException("The Kafka broker's class path (system property " + CLASSPATH_PROPERTY
          + ") is not set: " + howTo);
    }
    String first = cp.split(java.io.File.pathSeparator)[0];
    Path dir = first.endsWith("*") ? Path.of(first.substring(0, first.length() - 1)) : Path.of(first);
    boolean present = first.endsWith("*")
        ? Files.isRegularFile(dir.resolve("eddy-kafka-broker.jar"))
        : Files.exists(dir);
    if (!present) {
      throw new IllegalStateException("The Kafka broker's class path " + cp + " (system property "
          + CLASSPATH_PROPERTY + ") does not exist: " + howTo);
    }
    return cp;
  }

  // ---------------------------------------------------------------- accessors

  /** Returns the {@code bootstrap.servers} value for clients, such as {@code 127.0.0.1:40123}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + config.port();
  }

  /** Returns the port clients connect to. */
  public int port() {
    return config.port();
  }

  /** Returns the directory holding the broker's configuration, log file and data. */
  public Path dataDir() {
    return dataDir;
  }

  /** Returns the file the broker writes its log to. */
  public Path logFile() {
    return dataDir.resolve(BrokerConfig.LOG_FILE);
  }

  /** Returns whether the broker process is running. */
  public boolean isRunning() {
    return process.isAlive();
  }

  // ---------------------------------------------------------------- topics

  /**
   * Creates a topic with {@code partitions} partitions (replication factor 1) and returns once the
   * broker has it; does nothing if the topic exists.
   *
   * @throws IllegalStateException if the broker refuses or does not answer within 30 s
   */
  public void createTopic(String name, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("a topic needs at least one partition, not " + partitions);
    }
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create Kafka topic '" + name + "': " + e.getCause().getMessage(), e);
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("the Kafka broker did not create topic '" + name + "' within 30 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating Kafka topic '" + name + "'", e);
    }
  }

  private Admin admin() {
    return Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
  }

  // ---------------------------------------------------------------- lifecycle

  /** Waits until the broker answers a describeCluster request, or fails with its log's tail. */
  private void awaitServing() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
    try (Admin admin = admin()) {
      while (true) {
        if (!process.isAlive()) {
          failStart("exited with status " + process.exitValue() + " while starting");
        }
        try {
          admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes().get(3, TimeUnit.SECONDS);
          return;
        } catch (ExecutionException | TimeoutException e) {
          if (System.nanoTime() > deadline) {
            failStart("did not serve requests within " + START_TIMEOUT_MILLIS / 1000 + " s");
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
      throw new IllegalStateException("interrupted while waiting for the Kafka broker to start", e);
    }
  }

  private void failStart(String what) {
    stop();
    throw new IllegalStateException("The Kafka broker " + what + " (port " + port() + ", data " + dataDir
        + "); the end of its log " + logFile() + ":\n" + logTail(30));
  }

  private String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /**
   * Stops the broker (an orderly Kafka shutdown, forced after 30 s) and waits until its process
   * has exited; deletes the data directory if {@link #start()} made it. Idempotent.
   */
  public void stop() {
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down; the hook stops the process
    }
    stopAndClean();
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private void stopAndClean() {
    stopProcess();
    if (temporary) {
      deleteRecursively(dataDir);
    }
  }

  private void stopProcess() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }

  @Override
  public String toString() {
    return "KafkaBroker[" + bootstrapServers() + ", data " + dataDir + (isRunning() ? "" : ", stopped") + "]";
  }
}
