package dev.eddy.serializer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eddy.api.Tuple2;
import dev.eddy.serializer.Fixtures.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KryoConcurrencyTest {
  private static final int THREADS = 4;
  private static final int ROUND_TRIPS = 10_000;

  @Test
  void fourThreadsShareOneSerializer() throws Exception {
    KryoSerializer kryo = new KryoSerializer();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          start.await();
          int ok = 0;
          for (int i = 0; i < ROUND_TRIPS; i++) {
            Object value = new Tuple2<>("t" + thread + "-" + i, List.of(new Person("p" + i, i % 100, i), i));
            if (value.equals(kryo.deserialize(kryo.serialize(value)))) {
              ok++;
            }
            if (thread == 0 && i == ROUND_TRIPS / 2) {
              kryo.registerKryoClasses(Person.class); // a registration in the middle of the traffic
            }
          }
          return ok;
        }));
      }
      start.countDown();
      for (Future<Integer> result : results) {
        assertEquals(ROUND_TRIPS, result.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
