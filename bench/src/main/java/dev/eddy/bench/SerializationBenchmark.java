package dev.eddy.bench;

import dev.eddy.api.Tuple2;
import dev.eddy.serializer.DeserializationStream;
import dev.eddy.serializer.JavaSerializer;
import dev.eddy.serializer.KryoSerializer;
import dev.eddy.serializer.SerializationStream;
import dev.eddy.serializer.Serializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Compares Java and Kryo serialization on one stream of many small objects, the shape of a
 * shuffle spill or a {@code _SER} cached partition. For each data set and serializer it warms up,
 * then times five rounds of writing the whole stream to memory and reading it back, and prints
 * the medians as a Markdown table with ratios against Java.
 *
 * <p>{@code bench/run.sh serialization [objects]} (default one million objects per data set).
 */
public final class SerializationBenchmark {
  private static final int WARMUP_ROUNDS = 3;
  private static final int MEASURED_ROUNDS = 5;

  /** The small user object of the benchmark. */
  public record Person(String name, int age, long id) implements Serializable {}

  private record Result(String data, String serializer, long bytes, double serializeMs, double deserializeMs) {}

  /** A byte sink that can be emptied and read without copying. */
  private static final class Sink extends ByteArrayOutputStream {
    Sink(int size) {
      super(size);
    }

    ByteArrayInputStream reader() {
      return new ByteArrayInputStream(buf, 0, count);
    }
  }

  private SerializationBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    List<Object> people = new ArrayList<>(count);
    List<Object> pairs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      people.add(new Person("person-" + i, 18 + i % 80, 1_000_000_000L + i));
      pairs.add(new Tuple2<>("key-" + (i % 10_000), i));
    }
    List<Result> results = new ArrayList<>();
    for (String data : List.of("Person", "Tuple2<String,Integer>")) {
      List<Object> objects = data.equals("Person") ? people : pairs;
      results.add(measure(data, "java", JavaSerializer::new, objects));
      results.add(measure(data, "kryo (unregistered)", KryoSerializer::new, objects));
      results.add(measure(data, "kryo (registered)", () -> {
        KryoSerializer kryo = new KryoSerializer();
        kryo.registerKryoClasses(Person.class);
        return kryo;
      }, objects));
    }
    print(count, results);
  }

  private static Result measure(String data, String name, Supplier<Serializer> factory, List<Object> objects)
      throws EOFException {
    Serializer serializer = factory.get();
    Sink sink = new Sink(64 * 1024 * 1024);
    double[] write = new double[MEASURED_ROUNDS];
    double[] read = new double[MEASURED_ROUNDS];
    long bytes = 0;
    for (int round = -WARMUP_ROUNDS; round < MEASURED_ROUNDS; round++) {
      sink.reset();
      long t0 = System.nanoTime();
      try (SerializationStream out = serializer.serializeStream(sink)) {
        for (Object o : objects) {
          out.writeObject(o);
        }
      }
      long t1 = System.nanoTime();
      int read_count = 0;
      long checksum = 0;
      try (DeserializationStream in = serializer.deserializeStream(sink.reader())) {
        while (true) {
          Object o;
          try {
            o = in.readObject();
          } catch (EOFException end) {
            break;
          }
          checksum += o.hashCode();
          read_count++;
        }
      }
      long t2 = System.nanoTime();
      if (read_count != objects.size()) {
        throw new IllegalStateException(name + " read " + read_count + " of " + objects.size() + " objects");
      }
      if (checksum == 42) {
        System.out.print(""); // keeps the read objects alive for the JIT
      }
      if (round >= 0) {
        write[round] = (t1 - t0) / 1e6;
        read[round] = (t2 - t1) / 1e6;
      }
      bytes = sink.size();
    }
    return new Result(data, name, bytes, median(write), median(read));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void print(int count, List<Result> results) {
    System.out.printf(Locale.ROOT, "%n%,d objects per data set, one stream each; median of %d rounds after %d warm-up"
        + " rounds; %s %s%n%n", count, MEASURED_ROUNDS, WARMUP_ROUNDS, System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
    System.out.println("| data | serializer | bytes | bytes/object | serialize ms | deserialize ms"
        + " | smaller than Java | serialize speed-up | deserialize speed-up |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    Result java = null;
    for (Result r : results) {
      if (r.serializer().equals("java")) {
        java = r;
      }
      System.out.printf(Locale.ROOT, "| %s | %s | %,d | %.1f | %.0f | %.0f | %.2fx | %.1fx | %.1fx |%n",
          r.data(), r.serializer(), r.bytes(), (double) r.bytes() / count, r.serializeMs(), r.deserializeMs(),
          (double) java.bytes() / r.bytes(), java.serializeMs() / r.serializeMs(),
          java.deserializeMs() / r.deserializeMs());
    }
  }
}
