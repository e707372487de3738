package dev.eddy.streaming;

/**
 * Placeholder so that the engine compiles: the listener events in {@code scheduler} name this
 * type, and the real streaming context is being written on another branch. Replace this file
 * with that one when it lands.
 */
public class StreamingContext {
}
