package dev.eddy.streaming.dstream.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eddy.rdd.RDD;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.util.TextGenerator;
import java.util.Optional;

/**
 * Eddy's demo source: each batch is {@code linesPerBatch} lines made by {@link TextGenerator}
 * from the seed and the batch's index since start, in default-parallelism partitions. Its
 * checkpoint position is a batch time and that batch's index ({@code {"batchTimeMs": 5000,
 * "batchIndex": 4}}): a recovered stream numbers its batches on from there, so it makes the same
 * lines for the same batch times as the run that wrote the checkpoint. Thread-safe.
 */
public final class TextGeneratorInputDStream extends InputDStream<String> {
  /** The seed of {@code ssc.textGeneratorStream(n)}. */
  public static final long DEFAULT_SEED = 42L;

  private final int linesPerBatch;
  private final long seed;
  /** The batch time and index restored from a checkpoint, or null; batches after it count on from it. */
  private volatile long[] restored;

  public TextGeneratorInputDStream(StreamingContext ssc, int linesPerBatch, long seed) {
    super(ssc);
    if (linesPerBatch < 0) {
      throw new IllegalArgumentException("linesPerBatch cannot be negative: " + linesPerBatch);
    }
    this.linesPerBatch = linesPerBatch;
    this.seed = seed;
  }

  @Override
  public Optional<RDD<String>> compute(Time validTime) {
    var lines = TextGenerator.lines(seed, index(validTime), linesPerBatch);
    reportRecords(validTime, lines.size());
    return Optional.of(context().sparkContext().parallelize(lines));
  }

  @Override
  public void start(Time zeroTime) {
    restored = null;
    super.start(zeroTime);
  }

  @Override
  public Optional<String> checkpointPosition(Time time) {
    return Optional.of("{\"batchTimeMs\":" + time.milliseconds() + ",\"batchIndex\":" + index(time) + "}");
  }

  @Override
  public void restorePosition(String json) {
    JsonNode node;
    try {
      node = new ObjectMapper().readTree(json);
    } catch (java.io.IOException e) {
      node = null;
    }
    if (node == null || !node.path("batchTimeMs").canConvertToLong() || !node.path("batchIndex").canConvertToLong()) {
      throw new IllegalArgumentException("a text generator position is {\"batchTimeMs\": <ms>, \"batchIndex\": <n>}, not "
          + json);
    }
    restored = new long[] {node.get("batchTimeMs").asLong(), node.get("batchIndex").asLong()};
  }

  private long index(Time time) {
    long[] from = restored;
    if (from == null) {
      return batchIndex(time);
    }
    return from[1] + Math.floorDiv(time.milliseconds() - from[0], slideDuration().milliseconds());
  }
}
