package dev.eddy.streaming.kafka;

import static dev.eddy.streaming.kafka.KafkaTestSupport.produce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyContext;
import dev.eddy.streaming.Durations;
import dev.eddy.streaming.StreamingContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What happens when a JVM dies without running its shutdown hooks (SIGKILL): the broker it
 * started exits too, and a stream restarted in a new JVM continues from the committed offsets
 * without waiting for the dead consumer's group session to time out.
 */
class KafkaProcessDeathTest {
  @TempDir
  Path dir;

  @BeforeAll
  static void brokerBuilt() {
    KafkaTestSupport.assumeBrokerAvailable();
  }

  /** Starts a broker, prints "READY", and waits to be killed. */
  public static final class BrokerOwner {
    public static void main(String[] args) throws InterruptedException {
      KafkaBroker.start(Path.of(args[0]));
      System.out.println("READY");
      Thread.currentThread().join();
    }
  }

  /**
   * Runs a direct stream with 200 ms batches on the wall clock, committing each batch; prints
   * "FIRST <ms from start()> <ranges>" for the first batch with records, then "BATCH <n>" lines,
   * and "COMMITTED {topic-partition=offset, ...}" when Kafka acknowledged a commit.
   */
  public static final class StreamOwner {
    public static void main(String[] args) throws InterruptedException {
      EddyContext sc = new EddyContext("local[2]", "stream-owner");
      StreamingContext ssc = new StreamingContext(sc, Durations.milliseconds(200));
      var params = new java.util.HashMap<String, Object>();
      params.put("bootstrap.servers", args[0]);
      params.put("group.id", args[2]);
      params.put("auto.offset.reset", "earliest");
      params.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class);
      params.put("value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class);
      var stream = KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
          ConsumerStrategies.<String, String>Subscribe(List.of(args[1]), params));
      AtomicInteger batches = new AtomicInteger();
      long[] started = new long[1];
      stream.foreachRDD(rdd -> {
        OffsetRange[] ranges = ((HasOffsetRanges) rdd).offsetRanges();
        long n = rdd.count();
        if (n > 0 && batches.get() == 0) {
          System.out.println("FIRST " + (System.nanoTime() - started[0]) / 1_000_000 + " " + Arrays.toString(ranges));
          batches.incrementAndGet();
        } else if (batches.get() > 0) {
          System.out.println("BATCH " + batches.incrementAndGet());
        }
        stream.commitAsync(ranges, (offsets, error) -> {
          if (error == null && !offsets.isEmpty()) {
            System.out.println("COMMITTED " + new java.util.TreeMap<>(offsets.entrySet().stream().collect(
                java.util.stream.Collectors.toMap(e -> e.getKey().toString(), e -> e.getValue().offset()))));
          }
        });
      });
      started[0] = System.nanoTime();
      ssc.start();
      Thread.currentThread().join();
    }
  }

  private Process launch(Class<?> main, String... args) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-D" + KafkaBroker.CLASSPATH_PROPERTY + "=" + System.getProperty(KafkaBroker.CLASSPATH_PROPERTY),
        "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectError(Redirect.appendTo(dir.resolve(main.getSimpleName() + ".err").toFile()))
        .start();
  }

  /** Returns the first line of {@code p}'s output starting with {@code prefix}, waiting at most 90 s. */
  private String awaitLine(Process p, String prefix) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
      try {
        for (String l = out.readLine(); l != null; l = out.readLine()) {
          if (l.startsWith(prefix)) {
            return l;
          }
        }
        return null;
      } catch (IOException e) {
        return null;
      }
    });
    try {
      String l = line.get(90, TimeUnit.SECONDS);
      if (l == null) {
        throw new AssertionError("the child exited before printing " + prefix + "; its stderr is in " + dir);
      }
      return l;
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the child did not print " + prefix + " within 90 s; its stderr is in " + dir, e);
    }
  }

  @Test
  void aBrokerExitsWhenTheJvmThatStartedItIsKilled() throws Exception {
    Path data = dir.resolve("broker");
    Process owner = launch(BrokerOwner.class, data.toString());
    try {
      awaitLine(owner, "READY");
      List<ProcessHandle> brokers = owner.toHandle().children().toList();
      assertEquals(1, brokers.size(), "one broker child process");
      ProcessHandle broker = brokers.get(0);
      int port = Integer.parseInt(Files.readAllLines(data.resolve("server.properties")).stream()
          .filter(l -> l.startsWith("eddy.port=")).findFirst().orElseThrow().substring("eddy.port=".length()));
      assertTrue(accepts(port));
      owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      broker.onExit().get(60, TimeUnit.SECONDS);
      assertFalse(broker.isAlive());
      assertFalse(accepts(port));
    } finally {
      owner.destroyForcibly();
      owner.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void aStreamRestartedInANewJvmContinuesFromTheCommittedOffsetsAtOnce() throws Exception {
    KafkaBroker broker = KafkaTestSupport.sharedBroker();
    broker.createTopic("restarted", 2);
    produce(broker, "restarted", 0, 0, 6);
    produce(broker, "restarted", 1, 0, 4);
    Process first = launch(StreamOwner.class, broker.bootstrapServers(), "restarted", "g-restart");
    try {
      assertEquals("[restarted 0: 0 -> 6, restarted 1: 0 -> 4]", awaitLine(first, "FIRST").split(" ", 3)[2]);
      awaitLine(first, "COMMITTED {restarted-0=6, restarted-1=4}");
    } finally {
      first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    produce(broker, "restarted", 0, 6, 2);
    produce(broker, "restarted", 1, 4, 3);
    Process second = launch(StreamOwner.class, broker.bootstrapServers(), "restarted", "g-restart");
    try {
      String[] line = awaitLine(second, "FIRST").split(" ", 3);
      assertEquals("[restarted 0: 6 -> 8, restarted 1: 4 -> 7]", line[2]);
      long millis = Long.parseLong(line[1]);
      System.out.println("Kafka direct stream: first batch with records " + millis + " ms after start() in a new JVM");
      assertTrue(millis < 10_000, "no wait for the killed consumer's session timeout (45 s): " + millis + " ms");
    } finally {
      second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
