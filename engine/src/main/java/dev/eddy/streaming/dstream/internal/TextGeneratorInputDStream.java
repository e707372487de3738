package dev.eddy.streaming.dstream.internal;

import dev.eddy.rdd.RDD;
import dev.eddy.streaming.StreamingContext;
import dev.eddy.streaming.Time;
import dev.eddy.streaming.util.TextGenerator;
import java.util.Optional;

/**
 * Eddy's demo source: each batch is {@code linesPerBatch} lines made by {@link TextGenerator}
 * from the seed and the batch's index since start, in default-parallelism partitions. Thread-safe.
 */
public final class TextGeneratorInputDStream extends InputDStream<String> {
  /** The seed of {@code ssc.textGeneratorStream(n)}. */
  public static final long DEFAULT_SEED = 42L;

  private final int linesPerBatch;
  private final long seed;

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
    var lines = TextGenerator.lines(seed, batchIndex(validTime), linesPerBatch);
    reportRecords(validTime, lines.size());
    return Optional.of(context().sparkContext().parallelize(lines));
  }
}
