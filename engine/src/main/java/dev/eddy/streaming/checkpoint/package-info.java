/**
 * Streaming checkpoints: what a {@code StreamingContext} saves at a batch time to continue after
 * a failure — data only, never code. A {@link dev.eddy.streaming.checkpoint.Checkpoint} holds
 * JSON metadata (format version, batch duration, the graph's
 * {@link dev.eddy.streaming.checkpoint.GraphSignature}, pending batches, each input's position)
 * and named blobs of partitioned data serialized through the engine's serializer; {@link
 * dev.eddy.streaming.checkpoint.CheckpointWriter} writes them atomically and keeps the last few,
 * {@link dev.eddy.streaming.checkpoint.CheckpointReader} finds the newest complete one. The format
 * is documented in docs/fault-tolerance.md.
 */
package dev.eddy.streaming.checkpoint;
