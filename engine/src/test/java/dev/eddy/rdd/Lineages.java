package dev.eddy.rdd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Test helpers that inspect lineages and results. */
final class Lineages {
  private Lineages() {}

  /** Returns the number of distinct shuffles in {@code rdd}'s lineage: the map stages a job on it runs. */
  static int shuffles(RDD<?> rdd) {
    Set<Integer> shuffleIds = new HashSet<>();
    Set<Integer> seen = new HashSet<>();
    Deque<RDD<?>> toVisit = new ArrayDeque<>(List.of(rdd));
    while (!toVisit.isEmpty()) {
      RDD<?> current = toVisit.pop();
      if (!seen.add(current.id())) {
        continue;
      }
      for (Dependency<?> dep : current.dependencies()) {
        if (dep instanceof ShuffleDependency<?, ?, ?> s) {
          shuffleIds.add(s.shuffleId());
        }
        toVisit.push(dep.rdd());
      }
    }
    return shuffleIds.size();
  }

  /** Returns each partition's elements, in partition order. */
  static <T> List<List<T>> partitions(RDD<T> rdd) {
    return rdd.context().runJob(rdd, Lineages::drain);
  }

  /** Returns the elements' strings sorted, to compare results whose order is not specified. */
  static List<String> sortedStrings(Iterable<?> items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(String.valueOf(i)));
    out.sort(Comparator.naturalOrder());
    return out;
  }

  /** Returns whether {@code t} or one of its causes is a {@code type} whose message contains {@code text}. */
  static boolean causedBy(Throwable t, Class<? extends Throwable> type, String text) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c) && c.getMessage() != null && c.getMessage().contains(text)) {
        return true;
      }
    }
    return false;
  }

  private static <T> List<T> drain(Iterator<T> it) {
    List<T> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
