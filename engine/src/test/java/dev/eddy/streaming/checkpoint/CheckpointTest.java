package dev.eddy.streaming.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyConf;
import dev.eddy.EddyContext;
import dev.eddy.api.Tuple2;
import dev.eddy.rdd.RDD;
import dev.eddy.serializer.Serializer;
import dev.eddy.serializer.Serializers;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Durations;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.Time;
import dev.eddy.util.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
  @TempDir Path dir;
  private final EddyContext sc = new EddyContext("local[1]", "checkpoint-test");
  private StreamingContext ssc;
  private GraphSignature graph;

  @BeforeEach
  void defineStreams() {
    ssc = new StreamingContext(sc, Durations.seconds(1), new ManualClock());
    Queue<RDD<String>> queue = new ArrayDeque<>();
    ssc.queueStream(queue).mapToPair(w -> new Tuple2<>(w, 1)).reduceByKey(Integer::sum).print();
    graph = GraphSignature.of(ssc.graph());
  }

  @AfterEach
  void stop() {
    ssc.stop();
    sc.stop();
  }

  private Checkpoint checkpoint(long time) {
    return Checkpoint.builder(new Time(time), Durations.seconds(1), graph)
        .pendingTimes(List.of(new Time(time), new Time(time + 1000)))
        .inputPosition(0, "{\"topic\": \"words\", \"offsets\": {\"0\": " + time + ", \"1\": 7}}")
        .blob("state-4", List.of(List.of(new Tuple2<>("a", 3), new Tuple2<>("b", 1)), List.of(), List.of(new Tuple2<>("c", (int) time))))
        .blob("window", List.of(List.of("x", "y")))
        .build();
  }

  private static <T> T captureStderr(Supplier<T> body, StringBuilder err) {
    PrintStream original = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      return body.get();
    } finally {
      System.setErr(original);
      err.append(bytes.toString(StandardCharsets.UTF_8));
    }
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aCheckpointComesBackAsWrittenWithKryoAndJava() {
    for (Serializer serializer : List.of(sc.serializer(), Serializers.fromConf(Map.of("spark.serializer", "java")))) {
      Path sub = dir.resolve(serializer.name());
      Checkpoint written = checkpoint(3000);
      Path where = new CheckpointWriter(sub, serializer, 10).write(written);
      assertEquals(sub.resolve("checkpoint-3000").toAbsolutePath(), where);
      Checkpoint read = CheckpointReader.latest(sub, serializer).orElseThrow();
      assertEquals(written, read);
      assertEquals(new Time(3000), read.checkpointTime());
      assertEquals(Durations.seconds(1), read.batchDuration());
      assertEquals(graph, read.graph());
      assertEquals(List.of(new Time(3000), new Time(4000)), read.pendingTimes());
      assertEquals(List.of(List.of(new Tuple2<>("a", 3), new Tuple2<>("b", 1)), List.of(), List.of(new Tuple2<>("c", 3000))),
          read.blob("state-4"));
      assertEquals(List.of(List.of("x", "y")), read.blob("window"));
      assertEquals(List.of("state-4", "window"), List.copyOf(read.blobNames()));
      read.checkCompatible(Durations.seconds(1), GraphSignature.of(ssc.graph()));
    }
  }

  @Test
  void theMetadataIsReadableJsonWithOpaquePositions() throws IOException {
    Path where = new CheckpointWriter(dir, sc.serializer(), 10).write(checkpoint(2000));
    String json = Files.readString(where.resolve("metadata.json"));
    assertTrue(json.contains("\"format\" : \"eddy-streaming-checkpoint\""), json);
    assertTrue(json.contains("\"version\" : 1"), json);
    assertTrue(json.contains("\"checkpointTime\" : 2000"), json);
    assertTrue(json.contains("\"kind\" : \"ShuffledDStream\""), json);
    assertTrue(json.contains("\"topic\" : \"words\""), json);
    assertTrue(Files.exists(where.resolve("blob-state-4.bin")));
    Checkpoint read = CheckpointReader.read(where, sc.serializer());
    assertTrue(read.inputPositions().get(0).contains("\"offsets\":{\"0\":2000,\"1\":7}"),
        read.inputPositions().get(0));
  }

  @Test
  void anEmptyOrMissingDirectoryHasNoCheckpoint() {
    assertEquals(Optional.empty(), CheckpointReader.latest(dir, sc.serializer()));
    assertEquals(Optional.empty(), CheckpointReader.latest(dir.resolve("nothing-here"), sc.serializer()));
  }

  @Test
  void aLeftoverTemporaryDirectoryIsIgnoredAndTidiedAway() throws IOException {
    CheckpointWriter writer = new CheckpointWriter(dir, sc.serializer(), 10);
    writer.write(checkpoint(4000));
    Path tmp = Files.createDirectory(dir.resolve("checkpoint-5000.tmp"));
    Files.writeString(tmp.resolve("metadata.json"), "{\"format\": \"eddy-streaming-che");
    assertEquals(new Time(4000), CheckpointReader.latest(dir, sc.serializer()).orElseThrow().checkpointTime());
    new CheckpointWriter(dir, sc.serializer(), 10);
    assertEquals(List.of("checkpoint-4000"), names());
  }

  @Test
  void aTornNewestCheckpointFallsBackToThePreviousAndIsReportedOnce() throws IOException {
    CheckpointWriter writer = new CheckpointWriter(dir, sc.serializer(), 10);
    writer.write(checkpoint(1000));
    Path newest = writer.write(checkpoint(2000));
    Path blob = newest.resolve("blob-state-4.bin");
    byte[] bytes = Files.readAllBytes(blob);
    bytes[bytes.length / 2] ^= 0x20;
    Files.write(blob, bytes);

    StringBuilder err = new StringBuilder();
    Checkpoint latest = captureStderr(() -> CheckpointReader.latest(dir, sc.serializer()).orElseThrow(), err);
    assertEquals(checkpoint(1000), latest);
    List<String> lines = err.toString().lines().toList();
    assertEquals(1, lines.size(), err.toString());
    assertTrue(lines.get(0).contains("checkpoint-2000") && lines.get(0).contains("blob-state-4.bin"), lines.get(0));
    CorruptCheckpointException direct = assertThrows(CorruptCheckpointException.class,
        () -> CheckpointReader.read(newest, sc.serializer()));
    assertTrue(direct.getMessage().contains("CRC32C"), direct.getMessage());

    StringBuilder again = new StringBuilder();
    captureStderr(() -> CheckpointReader.latest(dir, sc.serializer()), again);
    assertEquals("", again.toString(), "reported once");

    Path metadata = writer.write(checkpoint(3000)).resolve("metadata.json");
    byte[] json = Files.readAllBytes(metadata);
    Files.write(metadata, java.util.Arrays.copyOf(json, json.length / 2));
    StringBuilder torn = new StringBuilder();
    assertEquals(new Time(1000),
        captureStderr(() -> CheckpointReader.latest(dir, sc.serializer()).orElseThrow(), torn).checkpointTime());
    assertTrue(torn.toString().contains("checkpoint-3000") && torn.toString().contains("not valid JSON"), torn.toString());
  }

  @Test
  void aMissingBlobOrForeignMetadataAlsoFallsBack() throws IOException {
    CheckpointWriter writer = new CheckpointWriter(dir, sc.serializer(), 10);
    writer.write(checkpoint(1000));
    Files.delete(writer.write(checkpoint(2000)).resolve("blob-window.bin"));
    Path foreign = writer.write(checkpoint(3000)).resolve("metadata.json");
    Files.writeString(foreign, "{\"format\": \"something-else\", \"version\": 1}");
    StringBuilder err = new StringBuilder();
    assertEquals(new Time(1000),
        captureStderr(() -> CheckpointReader.latest(dir, sc.serializer()).orElseThrow(), err).checkpointTime());
    List<String> lines = err.toString().lines().toList();
    assertEquals(2, lines.size(), err.toString());
    assertTrue(lines.get(0).contains("checkpoint-3000") && lines.get(0).contains("eddy-streaming-checkpoint"), lines.get(0));
    assertTrue(lines.get(1).contains("checkpoint-2000") && lines.get(1).contains("blob-window.bin is missing"), lines.get(1));
  }

  @Test
  void readingWithAnotherSerializerNamesBoth() {
    Path where = new CheckpointWriter(dir, sc.serializer(), 10).write(checkpoint(1000));
    Serializer java = Serializers.fromConf(Map.of("spark.serializer", "java"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CheckpointReader.read(where, java));
    assertTrue(e.getMessage().contains(sc.serializer().name()) && e.getMessage().contains("java"), e.getMessage());
  }

  @Test
  void onlyTheNewestCheckpointsAreKept() throws IOException {
    EddyConf conf = new EddyConf(false).set(CheckpointWriter.KEEP, "3");
    CheckpointWriter writer = CheckpointWriter.fromConf(dir, sc.serializer(), conf);
    for (long t = 1000; t <= 5000; t += 1000) {
      writer.write(checkpoint(t));
    }
    assertEquals(List.of("checkpoint-3000", "checkpoint-4000", "checkpoint-5000"), names());
    assertEquals(3, CheckpointReader.checkpoints(dir).size());
    assertEquals(dir.resolve("checkpoint-5000").toAbsolutePath(), CheckpointReader.checkpoints(dir).get(0).toAbsolutePath());
    assertThrows(IllegalArgumentException.class, () -> new CheckpointWriter(dir, sc.serializer(), 0));
  }

  @Test
  void theDefaultKeepsTenAsSpark() throws IOException {
    CheckpointWriter writer = CheckpointWriter.fromConf(dir, sc.serializer(), new EddyConf(false));
    for (long t = 1; t <= 12; t++) {
      writer.write(checkpoint(t * 1000));
    }
    assertEquals(10, names().size());
    assertFalse(names().contains("checkpoint-2000"));
  }

  @Test
  void rewritingATimeReplacesItAndAnInterruptedReplacementIsUndone() throws IOException {
    CheckpointWriter writer = new CheckpointWriter(dir, sc.serializer(), 10);
    writer.write(checkpoint(1000));
    Checkpoint other = Checkpoint.builder(new Time(1000), Durations.seconds(1), graph).build();
    writer.write(other);
    assertEquals(other, CheckpointReader.latest(dir, sc.serializer()).orElseThrow());
    assertEquals(List.of("checkpoint-1000"), names());

    Files.move(dir.resolve("checkpoint-1000"), dir.resolve("checkpoint-1000.old"));
    new CheckpointWriter(dir, sc.serializer(), 10);
    assertEquals(List.of("checkpoint-1000"), names());
    assertEquals(other, CheckpointReader.latest(dir, sc.serializer()).orElseThrow());
  }

  @Test
  void anotherFormatVersionIsAClearErrorNotAFallback() throws IOException {
    CheckpointWriter writer = new CheckpointWriter(dir, sc.serializer(), 10);
    writer.write(checkpoint(1000));
    Path metadata = writer.write(checkpoint(2000)).resolve("metadata.json");
    Files.writeString(metadata, Files.readString(metadata).replace("\"version\" : 1", "\"version\" : 2"));
    CheckpointVersionException e = assertThrows(CheckpointVersionException.class,
        () -> CheckpointReader.latest(dir, sc.serializer()));
    assertTrue(e.getMessage().contains("checkpoint-2000") && e.getMessage().contains("format version 2")
        && e.getMessage().contains("reads version 1") && e.getMessage().contains("newer Eddy"), e.getMessage());
  }

  @Test
  void aCheckpointOfAnotherGraphOrBatchDurationIsRejectedWithTheDifference() {
    new CheckpointWriter(dir, sc.serializer(), 10).write(checkpoint(1000));
    Checkpoint cp = CheckpointReader.latest(dir, sc.serializer()).orElseThrow();
    StreamingContext other = new StreamingContext(sc, Durations.seconds(1), new ManualClock());
    try {
      Queue<RDD<String>> queue = new ArrayDeque<>();
      other.queueStream(queue).mapToPair(w -> new Tuple2<>(w.toUpperCase(), 2)).reduceByKey(Math::max).print();
      cp.checkCompatible(Durations.seconds(1), GraphSignature.of(other.graph()));
      other.queueStream(queue).count().print();
      IncompatibleGraphException e = assertThrows(IncompatibleGraphException.class,
          () -> cp.checkCompatible(new Duration(500), GraphSignature.of(other.graph())));
      assertEquals(List.of("the batch duration was 1000 ms, is now 500 ms", "stream 5 (QueueInputDStream) is new",
          "stream 6 (CountDStream) is new", "output 1 (print of stream 6) is new"), e.differences());
    } finally {
      other.stop();
    }
  }

  @Test
  void badPartsAreRejectedWhenBuilt() {
    Checkpoint.Builder b = Checkpoint.builder(new Time(0), Durations.seconds(1), graph);
    IllegalArgumentException notObject = assertThrows(IllegalArgumentException.class, () -> b.inputPosition(0, "[1, 2]"));
    assertTrue(notObject.getMessage().contains("JSON object"), notObject.getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.inputPosition(0, "{\"a\": "));
    IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> b.blob("../escape", List.of()));
    assertTrue(name.getMessage().contains("../escape"), name.getMessage());
    b.blob("s", List.of());
    assertThrows(IllegalArgumentException.class, () -> b.blob("s", List.of()));
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> b.build().blob("t"));
    assertTrue(missing.getMessage().contains("[s]"), missing.getMessage());
  }
}
