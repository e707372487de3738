package dev.eddy.streaming.scheduler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one input stream read for one batch, as Spark's {@code StreamInputInfo}: how many records,
 * and source-specific metadata such as Kafka offset ranges or the receiver blocks taken. Shown per
 * batch by the live dashboard. Immutable.
 *
 * @param inputStreamId the id of the input stream ({@code DStream.id()})
 * @param numRecords records the stream read for the batch
 * @param metadata source-specific facts, in insertion order; values are shown with {@code toString}
 */
public record StreamInputInfo(int inputStreamId, long numRecords, Map<String, Object> metadata) {
  /** Metadata key whose value, a String, describes the input in one line (Spark's key). */
  public static final String METADATA_KEY_DESCRIPTION = "Description";

  public StreamInputInfo {
    if (numRecords < 0) {
      throw new IllegalArgumentException("numRecords must not be negative: " + numRecords);
    }
    metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** Returns the info of a stream that read {@code numRecords} and has no metadata. */
  public static StreamInputInfo of(int inputStreamId, long numRecords) {
    return new StreamInputInfo(inputStreamId, numRecords, Map.of());
  }

  /** Returns the one-line description in the metadata, if the source gave one. */
  public Optional<String> metadataDescription() {
    return Optional.ofNullable(metadata.get(METADATA_KEY_DESCRIPTION)).map(Object::toString);
  }
}
