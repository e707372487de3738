package dev.eddy.storage;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where and how a persisted RDD's partitions are kept, as Spark's {@code StorageLevel}: in memory
 * as objects or as serialized bytes, on disk, or both, in one or two copies.
 *
 * <pre>{@code
 * rdd.persist(StorageLevel.MEMORY_AND_DISK_SER());
 * }</pre>
 *
 * <p>Levels without memory or without {@code deserialized} write elements through the context's
 * serializer, so their elements must be serializable; so must those of a {@code _2} level, which
 * keeps a second, independent copy of each block rebuilt from bytes (as a replica sent to another
 * executor would be), so that losing one copy does not force a recompute. Immutable.
 */
public final class StorageLevel implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final StorageLevel NONE = new StorageLevel("NONE", false, false, false, 1);
  public static final StorageLevel DISK_ONLY = new StorageLevel("DISK_ONLY", true, false, false, 1);
  public static final StorageLevel DISK_ONLY_2 = new StorageLevel("DISK_ONLY_2", true, false, false, 2);
  public static final StorageLevel MEMORY_ONLY = new StorageLevel("MEMORY_ONLY", false, true, true, 1);
  public static final StorageLevel MEMORY_ONLY_2 = new StorageLevel("MEMORY_ONLY_2", false, true, true, 2);
  public static final StorageLevel MEMORY_ONLY_SER = new StorageLevel("MEMORY_ONLY_SER", false, true, false, 1);
  public static final StorageLevel MEMORY_ONLY_SER_2 =
      new StorageLevel("MEMORY_ONLY_SER_2", false, true, false, 2);
  public static final StorageLevel MEMORY_AND_DISK = new StorageLevel("MEMORY_AND_DISK", true, true, true, 1);
  public static final StorageLevel MEMORY_AND_DISK_2 =
      new StorageLevel("MEMORY_AND_DISK_2", true, true, true, 2);
  public static final StorageLevel MEMORY_AND_DISK_SER =
      new StorageLevel("MEMORY_AND_DISK_SER", true, true, false, 1);
  public static final StorageLevel MEMORY_AND_DISK_SER_2 =
      new StorageLevel("MEMORY_AND_DISK_SER_2", true, true, false, 2);

  /** Every named level, in Spark's order. */
  public static final List<StorageLevel> ALL = List.of(
      NONE, DISK_ONLY, DISK_ONLY_2, MEMORY_ONLY, MEMORY_ONLY_2, MEMORY_ONLY_SER, MEMORY_ONLY_SER_2,
      MEMORY_AND_DISK, MEMORY_AND_DISK_2, MEMORY_AND_DISK_SER, MEMORY_AND_DISK_SER_2);

  private final String name;
  private final boolean useDisk;
  private final boolean useMemory;
  private final boolean deserialized;
  private final int replication;

  private StorageLevel(String name, boolean useDisk, boolean useMemory, boolean deserialized, int replication) {
    this.name = name;
    this.useDisk = useDisk;
    this.useMemory = useMemory;
    this.deserialized = deserialized;
    this.replication = replication;
  }

  /**
   * Returns the level with these flags, as Spark's {@code StorageLevel.apply}: a named constant
   * when one matches.
   *
   * @throws IllegalArgumentException if replication is not 1 or 2 (one JVM keeps at most two copies)
   */
  public static StorageLevel create(boolean useDisk, boolean useMemory, boolean deserialized, int replication) {
    if (replication < 1 || replication > 2) {
      throw new IllegalArgumentException("replication must be 1 or 2, not " + replication);
    }
    for (StorageLevel level : ALL) {
      if (level.useDisk == useDisk && level.useMemory == useMemory && level.deserialized == deserialized
          && level.replication == replication) {
        return level;
      }
    }
    return new StorageLevel(null, useDisk, useMemory, deserialized, replication);
  }

  /**
   * Returns the named level, as Spark's {@code StorageLevel.fromString}.
   *
   * @throws IllegalArgumentException naming the valid names if {@code name} is none of them
   */
  public static StorageLevel fromString(String name) {
    String wanted = name.trim().toUpperCase(Locale.ROOT);
    for (StorageLevel level : ALL) {
      if (level.name.equals(wanted)) {
        return level;
      }
    }
    List<String> names = ALL.stream().map(l -> l.name).toList();
    throw new IllegalArgumentException("Invalid StorageLevel: " + name + " (valid: " + names + ")");
  }

  // Spark's Java API reaches the constants through static methods: StorageLevel.MEMORY_ONLY().

  public static StorageLevel NONE() { return NONE; }
  public static StorageLevel DISK_ONLY() { return DISK_ONLY; }
  public static StorageLevel DISK_ONLY_2() { return DISK_ONLY_2; }
  public static StorageLevel MEMORY_ONLY() { return MEMORY_ONLY; }
  public static StorageLevel MEMORY_ONLY_2() { return MEMORY_ONLY_2; }
  public static StorageLevel MEMORY_ONLY_SER() { return MEMORY_ONLY_SER; }
  public static StorageLevel MEMORY_ONLY_SER_2() { return MEMORY_ONLY_SER_2; }
  public static StorageLevel MEMORY_AND_DISK() { return MEMORY_AND_DISK; }
  public static StorageLevel MEMORY_AND_DISK_2() { return MEMORY_AND_DISK_2; }
  public static StorageLevel MEMORY_AND_DISK_SER() { return MEMORY_AND_DISK_SER; }
  public static StorageLevel MEMORY_AND_DISK_SER_2() { return MEMORY_AND_DISK_SER_2; }

  public boolean useDisk() {
    return useDisk;
  }

  public boolean useMemory() {
    return useMemory;
  }

  /** Returns whether memory copies are kept as objects rather than serialized bytes. */
  public boolean deserialized() {
    return deserialized;
  }

  /** Returns how many copies of each block are kept: 1 or 2. */
  public int replication() {
    return replication;
  }

  /** Returns whether blocks are kept at all: false only for {@link #NONE} and levels like it. */
  public boolean isValid() {
    return useMemory || useDisk;
  }

  /** Returns the constant's name ({@code "MEMORY_ONLY"}), or {@link #toString()} for an unnamed level. */
  public String description() {
    return name != null ? name : toString();
  }

  /** Returns Spark's form, such as {@code "StorageLevel(memory, deserialized, 1 replicas)"}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (useDisk) {
      parts.add("disk");
    }
    if (useMemory) {
      parts.add("memory");
    }
    if (deserialized) {
      parts.add("deserialized");
    }
    parts.add(replication + " replicas");
    return "StorageLevel(" + String.join(", ", parts) + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StorageLevel l && l.useDisk == useDisk && l.useMemory == useMemory
        && l.deserialized == deserialized && l.replication == replication;
  }

  @Override
  public int hashCode() {
    return (useDisk ? 8 : 0) + (useMemory ? 4 : 0) + (deserialized ? 2 : 0) + 16 * replication;
  }

  private Object readResolve() {
    return name == null ? this : fromString(name);
  }
}
