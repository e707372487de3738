package dev.eddy.streaming.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.streaming.Duration;
import dev.eddy.streaming.Time;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a checkpoint directory and the JSON of its metadata (docs/fault-tolerance.md). The
 * JSON is built field by field, not bound by reflection, so the format changes only on purpose.
 * Stateless and thread-safe.
 */
final class CheckpointFormat {
  static final String FORMAT_NAME = "eddy-streaming-checkpoint";
  static final String METADATA_FILE = "metadata.json";
  static final String PREFIX = "checkpoint-";
  static final String TEMP_SUFFIX = ".tmp";
  static final String OLD_SUFFIX = ".old";

  private static final Pattern NAME = Pattern.compile(PREFIX + "(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CheckpointFormat() {}

  /** What a metadata file says about one blob file. */
  record BlobEntry(String file, long bytes, long crc32c, int partitions, String serializer) {}

  /** A checkpoint's metadata: the checkpoint without its blobs' contents. */
  record Metadata(
      Time checkpointTime, Duration batchDuration, GraphSignature graph, List<Time> pendingTimes,
      Map<Integer, String> inputPositions, Map<String, BlobEntry> blobs, Optional<Time> zeroTime) {}

  static String directoryName(Time time) {
    return PREFIX + time.milliseconds();
  }

  /** Returns the time in a complete checkpoint directory's name, or -1 for any other name. */
  static long timeOf(Path dir) {
    Matcher m = NAME.matcher(dir.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  static String blobFile(String name) {
    return "blob-" + name + ".bin";
  }

  /** Returns {@code json} parsed; it must be a JSON object. */
  static JsonNode parseObject(String json) {
    JsonNode node;
    try {
      node = json == null ? null : JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("an input position must be a JSON object, not '" + json + "': "
          + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("an input position must be a JSON object, not '" + json + "'");
    }
    return node;
  }

  static byte[] toJson(Metadata m) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT_NAME);
    root.put("version", Checkpoint.FORMAT_VERSION);
    root.put("checkpointTime", m.checkpointTime().milliseconds());
    root.put("batchDurationMs", m.batchDuration().milliseconds());
    m.zeroTime().ifPresent(z -> root.put("zeroTimeMs", z.milliseconds()));
    root.set("graph", graphToJson(m.graph()));
    ArrayNode pending = root.putArray("pendingTimes");
    m.pendingTimes().forEach(t -> pending.add(t.milliseconds()));
    ObjectNode inputs = root.putObject("inputPositions");
    m.inputPositions().forEach((k, v) -> inputs.set(String.valueOf(k), parseObject(v)));
    ObjectNode blobs = root.putObject("blobs");
    m.blobs().forEach((name, b) -> {
      ObjectNode o = blobs.putObject(name);
      o.put("file", b.file());
      o.put("bytes", b.bytes());
      o.put("crc32c", b.crc32c());
      o.put("partitions", b.partitions());
      o.put("serializer", b.serializer());
    });
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write checkpoint metadata: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Returns the metadata in {@code bytes}, read from {@code checkpoint}.
   *
   * @throws CheckpointVersionException if it is in another format version
   * @throws CorruptCheckpointException if it is not the metadata of a checkpoint
   */
  static Metadata fromJson(Path checkpoint, byte[] bytes) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (java.io.IOException e) {
      throw corrupt(checkpoint, "its metadata is not valid JSON (" + e.getMessage() + ")", e);
    }
    if (root == null || !root.isObject() || !FORMAT_NAME.equals(root.path("format").asText())) {
      throw corrupt(checkpoint, "its metadata does not say \"format\": \"" + FORMAT_NAME + "\"", null);
    }
    int version = root.path("version").asInt(-1);
    if (version != Checkpoint.FORMAT_VERSION) {
      throw new CheckpointVersionException("checkpoint " + checkpoint + " has format version " + version
          + "; this Eddy reads version " + Checkpoint.FORMAT_VERSION
          + (version > Checkpoint.FORMAT_VERSION ? " (it was written by a newer Eddy)" : ""));
    }
    try {
      List<Time> pending = new ArrayList<>();
      for (JsonNode t : array(root, "pendingTimes")) {
        pending.add(new Time(t.longValue()));
      }
      Map<Integer, String> inputs = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = object(root, "inputPositions").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        inputs.put(Integer.parseInt(e.getKey()), e.getValue().toString()); // compact JSON
      }
      Map<String, BlobEntry> blobs = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = object(root, "blobs").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode b = e.getValue();
        blobs.put(e.getKey(), new BlobEntry(
            text(b, "file"), number(b, "bytes"), number(b, "crc32c"), (int) number(b, "partitions"), text(b, "serializer")));
      }
      return new Metadata(new Time(number(root, "checkpointTime")), new Duration(number(root, "batchDurationMs")),
          graphFromJson(object(root, "graph")), pending, inputs, blobs,
          root.has("zeroTimeMs") ? Optional.of(new Time(number(root, "zeroTimeMs"))) : Optional.empty());
    } catch (IllegalArgumentException e) {
      throw corrupt(checkpoint, "its metadata is incomplete: " + e.getMessage(), e);
    }
  }

  private static ObjectNode graphToJson(GraphSignature g) {
    ObjectNode node = JSON.createObjectNode();
    ArrayNode streams = node.putArray("streams");
    for (GraphSignature.Stream s : g.streams()) {
      ObjectNode o = streams.addObject();
      o.put("kind", s.kind());
      o.put("slideMs", s.slideMs());
      ArrayNode deps = o.putArray("dependencies");
      s.dependencies().forEach(deps::add);
    }
    ArrayNode outputs = node.putArray("outputs");
    for (GraphSignature.Output out : g.outputs()) {
      outputs.addObject().put("operation", out.operation()).put("stream", out.stream());
    }
    return node;
  }

  private static GraphSignature graphFromJson(JsonNode node) {
    List<GraphSignature.Stream> streams = new ArrayList<>();
    for (JsonNode s : array(node, "streams")) {
      List<Integer> deps = new ArrayList<>();
      array(s, "dependencies").forEach(d -> deps.add(d.intValue()));
      streams.add(new GraphSignature.Stream(text(s, "kind"), number(s, "slideMs"), deps));
    }
    List<GraphSignature.Output> outputs = new ArrayList<>();
    for (JsonNode o : array(node, "outputs")) {
      outputs.add(new GraphSignature.Output(text(o, "operation"), (int) number(o, "stream")));
    }
    return GraphSignature.of(streams, outputs);
  }

  private static JsonNode array(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || !n.isArray()) {
      throw new IllegalArgumentException("\"" + field + "\" is not an array");
    }
    return n;
  }

  private static JsonNode object(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("\"" + field + "\" is not an object");
    }
    return n;
  }

  private static long number(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || !n.canConvertToLong()) {
      throw new IllegalArgumentException("\"" + field + "\" is not a whole number");
    }
    return n.longValue();
  }

  private static String text(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || !n.isTextual()) {
      throw new IllegalArgumentException("\"" + field + "\" is not a string");
    }
    return n.textValue();
  }

  static CorruptCheckpointException corrupt(Path checkpoint, String what, Throwable cause) {
    return new CorruptCheckpointException(checkpoint, "checkpoint " + checkpoint + " cannot be read: " + what, cause);
  }
}
