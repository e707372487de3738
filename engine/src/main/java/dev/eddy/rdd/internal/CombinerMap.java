package dev.eddy.rdd.internal;

import dev.eddy.api.Function;
import dev.eddy.api.Function2;
import dev.eddy.api.Tuple2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The combiners of a map-side combine, keyed by key, in the order keys were first added: as
 * Spark's {@code AppendOnlyMap}, one hash probe per added value (a {@code HashMap} needs two or
 * three: containsKey, get, put). Keys and combiners sit in append-only arrays, and an open-addressing
 * table of indexes points into them, so iteration follows insertion order without links. Null
 * keys and null combiners are ordinary values.
 *
 * <p>Not thread-safe: one task fills and reads it.
 *
 * @param <K> the key type
 * @param <C> the combiner type
 */
public final class CombinerMap<K, C> {
  private Object[] keys;
  private Object[] combiners;
  private int[] hashes;
  private int size;
  /** Index + 1 of the entry in each slot; 0 marks an empty slot. */
  private int[] table;

  /** Creates a map sized for about {@code expectedKeys} keys; it grows as needed. */
  public CombinerMap(int expectedKeys) {
    int capacity = Math.max(16, Integer.highestOneBit(Math.max(1, expectedKeys) - 1) << 1);
    keys = new Object[capacity];
    combiners = new Object[capacity];
    hashes = new int[capacity];
    table = new int[capacity * 2];
  }

  /**
   * Merges {@code value} into the combiner of {@code key} with {@code mergeValue}, or starts it
   * with {@code createCombiner} if the key is new.
   *
   * @throws RuntimeException what the functions throw, checked exceptions wrapped as
   *     {@link UserFunctionException}
   */
  @SuppressWarnings("unchecked")
  public <V> void addValue(K key, V value, Function<V, C> createCombiner, Function2<C, V, C> mergeValue) {
    int h = hash(key);
    int mask = table.length - 1;
    int slot = h & mask;
    try {
      while (true) {
        int entry = table[slot];
        if (entry == 0) {
          append(slot, h, key, createCombiner.call(value));
          return;
        }
        int i = entry - 1;
        if (hashes[i] == h && Objects.equals(keys[i], key)) {
          combiners[i] = mergeValue.call((C) combiners[i], value);
          return;
        }
        slot = (slot + 1) & mask;
      }
    } catch (Exception e) {
      throw UserFunctionException.wrap(e);
    }
  }

  /** Returns the number of keys. */
  public int size() {
    return size;
  }

  /** Returns one (key, combiner) pair per key, in the order keys were first added. */
  @SuppressWarnings("unchecked")
  public List<Tuple2<K, C>> toPairs() {
    List<Tuple2<K, C>> pairs = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      pairs.add(new Tuple2<>((K) keys[i], (C) combiners[i]));
    }
    return pairs;
  }

  private void append(int slot, int h, K key, C combiner) {
    if (size == keys.length) {
      grow();
      slot = freeSlot(h);
    }
    keys[size] = key;
    combiners[size] = combiner;
    hashes[size] = h;
    table[slot] = ++size;
  }

  /** Doubles the arrays and rebuilds the table, keeping it at most half full. */
  private void grow() {
    int capacity = keys.length * 2;
    keys = Arrays.copyOf(keys, capacity);
    combiners = Arrays.copyOf(combiners, capacity);
    hashes = Arrays.copyOf(hashes, capacity);
    table = new int[capacity * 2];
    for (int i = 0; i < size; i++) {
      table[freeSlot(hashes[i])] = i + 1;
    }
  }

  private int freeSlot(int h) {
    int mask = table.length - 1;
    int slot = h & mask;
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static int hash(Object key) {
    int h = key == null ? 0 : key.hashCode();
    return h ^ (h >>> 16);
  }
}
