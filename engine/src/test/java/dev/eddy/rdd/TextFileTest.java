package dev.eddy.rdd;

import static dev.eddy.rdd.Lineages.partitions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyContext;
import dev.eddy.EddyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileTest {
  private final EddyContext sc = new EddyContext("local[2]", "text-file-test");

  @TempDir
  Path dir;

  @AfterEach
  void stop() {
    sc.stop();
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void saveAsTextFileThenTextFileRoundTrips() throws IOException {
    List<String> lines = Arrays.asList("a", "b", null, "ünïcode ✓", "", "last");
    Path out = dir.resolve("out");
    sc.parallelize(lines, 4).saveAsTextFile(out.toString());
    assertEquals(List.of("_SUCCESS", "part-00000", "part-00001", "part-00002", "part-00003"), names(out));
    assertEquals("a\n", Files.readString(out.resolve("part-00000")));
    assertEquals("b\nnull\n", Files.readString(out.resolve("part-00001")));
    assertEquals("ünïcode ✓\n", Files.readString(out.resolve("part-00002")));
    assertEquals("\nlast\n", Files.readString(out.resolve("part-00003")));
    assertEquals(Arrays.asList("a", "b", "null", "ünïcode ✓", "", "last"), sc.textFile(out.toString()).collect());
    assertEquals(6, sc.textFile("file:" + out).count());
  }

  @Test
  void emptyPartitionsWriteEmptyParts() throws IOException {
    Path out = dir.resolve("sparse");
    sc.parallelize(List.of(1, 2), 4).saveAsTextFile(out.toString());
    assertEquals("", Files.readString(out.resolve("part-00000")));
    assertEquals("2\n", Files.readString(out.resolve("part-00003")));
    assertEquals(List.of("1", "2"), sc.textFile(out.toString()).collect());
    Path none = dir.resolve("none");
    sc.emptyRDD().saveAsTextFile(none.toString());
    assertEquals(List.of("_SUCCESS"), names(none));
  }

  @Test
  void savingOverAnExistingDirectoryFails() throws IOException {
    Path out = Files.createDirectory(dir.resolve("taken"));
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> sc.parallelize(List.of(1), 1).saveAsTextFile(out.toString()));
    assertInstanceOf(FileAlreadyExistsException.class, e.getCause());
    assertEquals("Output directory file:" + out.toAbsolutePath() + " already exists", e.getMessage());
    assertEquals(List.of(), names(out), "the existing directory is left alone");
  }

  @Test
  void aFailedSaveLeavesNoDirectory() {
    Path out = dir.resolve("failed");
    RDD<Integer> failing = sc.parallelize(List.of(1, 2, 3, 4), 2).map(x -> {
      if (x == 4) {
        throw new IllegalStateException("boom at 4");
      }
      return x;
    });
    EddyException e = assertThrows(EddyException.class, () -> failing.saveAsTextFile(out.toString()));
    assertTrue(Lineages.causedBy(e, IllegalStateException.class, "boom at 4"));
    assertFalse(Files.exists(out));
  }

  @Test
  void aMultiMegabyteFileSplitsWithoutLosingOrDuplicatingALine() throws IOException {
    List<String> expected = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 60_000; i++) {
      String line = "line-" + i + "-" + "x".repeat(i % 97) + (i % 5 == 0 ? "é" : "");
      expected.add(line);
      text.append(line).append(i % 3 == 0 ? "\r\n" : "\n");
    }
    Path file = dir.resolve("big.txt");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    assertTrue(Files.size(file) > 3_000_000, "size " + Files.size(file));
    RDD<String> lines = sc.textFile(file.toString(), 7);
    assertTrue(lines.getNumPartitions() >= 7, "partitions " + lines.getNumPartitions());
    assertEquals(expected, lines.collect());
    int nonEmpty = 0;
    for (List<String> part : partitions(lines)) {
      nonEmpty += part.isEmpty() ? 0 : 1;
    }
    assertEquals(lines.getNumPartitions(), nonEmpty, "every split holds lines");
    assertEquals(60_000, lines.count());
  }

  @Test
  void aSplitStartingExactlyAtALineIsReadOnce() throws IOException {
    List<String> expected = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      String line = String.format("line%05d", i); // 9 bytes and \n: splits of 250 start on line starts
      expected.add(line);
      text.append(line).append('\n');
    }
    Path file = Files.writeString(dir.resolve("even.txt"), text);
    RDD<String> lines = sc.textFile(file.toString(), 4);
    assertEquals(4, lines.getNumPartitions());
    assertEquals(expected, lines.collect());
    assertEquals(List.of(26, 25, 25, 24), partitions(lines).stream().map(List::size).toList(),
        "a split reads the line that starts at its end; the next skips it");
  }

  @Test
  void noTrailingNewlineAndEmptyFiles() throws IOException {
    Path file = Files.writeString(dir.resolve("a.txt"), "one\ntwo\n\nthree");
    assertEquals(List.of("one", "two", "", "three"), sc.textFile(file.toString(), 3).collect());
    Path empty = Files.writeString(dir.resolve("empty.txt"), "");
    RDD<String> none = sc.textFile(empty.toString());
    assertEquals(1, none.getNumPartitions());
    assertEquals(List.of(), none.collect());
  }

  @Test
  void directoriesGlobsAndListsSkipHiddenFiles() throws IOException {
    Path logs = Files.createDirectory(dir.resolve("logs"));
    Files.writeString(logs.resolve("b.txt"), "b1\nb2\n");
    Files.writeString(logs.resolve("a.txt"), "a1\n");
    Files.writeString(logs.resolve("c.log"), "c1\n");
    Files.writeString(logs.resolve("_SUCCESS"), "");
    Files.writeString(logs.resolve(".a.txt.crc"), "junk\n");
    assertEquals(List.of("a1", "b1", "b2", "c1"), sc.textFile(logs.toString()).collect());
    assertEquals(List.of("a1", "b1", "b2"), sc.textFile(logs + "/*.txt").collect());
    assertEquals(List.of("a1", "c1"), sc.textFile(logs + "/{a.txt,c.log}").collect(), "a comma inside braces is the glob's");
    assertEquals(List.of("c1", "a1"), sc.textFile(logs.resolve("c.log") + "," + logs.resolve("a.txt")).collect());
    assertEquals(List.of("a1", "b1", "b2", "c1"), sc.textFile(dir + "/log?").collect(), "a glob matching a directory reads its files");
  }

  @Test
  void missingInputsAndBadArgumentsFailClearly() {
    Path missing = dir.resolve("missing.txt");
    IllegalArgumentException notThere = assertThrows(IllegalArgumentException.class, () -> sc.textFile(missing.toString()).count());
    assertEquals("Input path does not exist: file:" + missing.toAbsolutePath(), notThere.getMessage());
    IllegalArgumentException noMatch = assertThrows(IllegalArgumentException.class, () -> sc.textFile(dir + "/*.csv").collect());
    assertTrue(noMatch.getMessage().endsWith("matches 0 files"), noMatch.getMessage());
    assertThrows(IllegalArgumentException.class, () -> sc.textFile(dir.toString(), 0));
  }
}
