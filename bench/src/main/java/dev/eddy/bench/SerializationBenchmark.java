package dev.eddy.bench;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import dev.eddy.api.Tuple2;
import dev.eddy.serializer.DeserializationStream;
import dev.eddy.serializer.JavaSerializer;
import dev.eddy.serializer.KryoSerializer;
import dev.eddy.serializer.SerializationStream;
import dev.eddy.serializer.Serializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Compares Java and Kryo serialization on one stream of many small objects, the shape of a
 * shuffle spill or a {@code _SER} cached partition. Each (data set, serializer) pair runs in a JVM
 * of its own, with this JVM's flags, so that one variant's JIT profile does not slow another: the
 * child builds the data (the same objects, from a fixed seed, for every variant), warms up, then
 * times five rounds of writing the whole stream to memory and reading it back, and reports the
 * medians. The parent prints them as a Markdown table with ratios against Java.
 *
 * <p>Besides Eddy's serializers, the "bare Kryo" rows run Kryo 5 by itself as its README shows it
 * (one {@code Output} over the byte stream, {@code writeClassAndObject} per object, classes
 * registered, references off), as the yardstick for what Kryo can do with this data.
 *
 * <p>{@code bench/run.sh serialization [objects]} (default one million objects per data set).
 */
public final class SerializationBenchmark {
  private static final int WARMUP_ROUNDS = 3;
  private static final int MEASURED_ROUNDS = 5;
  private static final List<String> DATA = List.of("Person", "Person (plain class)", "Tuple2<String,Integer>",
      "Point");
  private static final List<String> VARIANTS = List.of("java",
      "kryo, unregistered", "kryo, registered",
      "kryo, unregistered, references off", "kryo, registered, references off",
      "bare Kryo (registered, references off)");

  /** A small user record: a short name, two numbers. */
  public record Person(String name, int age, long id) implements Serializable {}

  /** The same fields as {@link Person} in a plain class, which Kryo writes with its FieldSerializer. */
  public static final class PersonClass implements Serializable {
    private String name;
    private int age;
    private long id;

    public PersonClass() {}

    PersonClass(String name, int age, long id) {
      this.name = name;
      this.age = age;
      this.id = id;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PersonClass p && p.name.equals(name) && p.age == age && p.id == id;
    }

    @Override
    public int hashCode() {
      return (name.hashCode() * 31 + age) * 31 + Long.hashCode(id);
    }
  }

  /** A primitive-heavy user record. */
  public record Point(double x, double y, long t) implements Serializable {}

  private record Result(String data, String variant, long bytes, double serializeMs, double deserializeMs) {}

  /** A byte sink that can be emptied and read without copying. */
  private static final class Sink extends ByteArrayOutputStream {
    Sink(int size) {
      super(size);
    }

    ByteArrayInputStream reader() {
      return new ByteArrayInputStream(buf, 0, count);
    }
  }

  /** One way of writing and reading a whole stream. */
  private interface Codec {
    void write(List<Object> objects, Sink sink);

    long read(Sink sink, int expected) throws EOFException;
  }

  private SerializationBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("--child")) {
      child(args[1], args[2]);
      return;
    }
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    // -Dbench.data=... and -Dbench.variants=... (names separated by semicolons) run a subset
    List<String> dataSets = DATA.stream().filter(d -> selected("bench.data", d)).toList();
    List<String> variants = VARIANTS.stream().filter(v -> selected("bench.variants", v)).toList();
    List<Result> results = new ArrayList<>();
    for (String data : dataSets) {
      for (String variant : variants) {
        results.add(fork(count, data, variant));
      }
    }
    print(count, results);
  }

  private static boolean selected(String property, String name) {
    String wanted = System.getProperty(property);
    return wanted == null || Arrays.stream(wanted.split(";")).anyMatch(w -> name.equals(w.trim()));
  }

  /** Runs one (data, variant) pair in a fresh JVM with this JVM's flags and class path. */
  private static Result fork(int count, String data, String variant) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-Dbench.objects=" + count);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), SerializationBenchmark.class.getName(),
        "--child", data, variant));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(process.getInputStream().readAllBytes()).trim();
    if (process.waitFor() != 0) {
      throw new IllegalStateException(data + " / " + variant + " failed: " + out);
    }
    String[] f = out.split("\t");
    System.err.printf(Locale.ROOT, "%s / %s: %s bytes, %s ms, %s ms%n", data, variant, f[0], f[1], f[2]);
    return new Result(data, variant, Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
  }

  private static void child(String data, String variant) throws EOFException {
    int count = Integer.getInteger("bench.objects");
    List<Object> objects = data(data, count);
    Codec codec = codec(variant);
    Sink sink = new Sink(64 * 1024 * 1024);
    double[] write = new double[MEASURED_ROUNDS];
    double[] read = new double[MEASURED_ROUNDS];
    long checksum = 0;
    for (int round = -WARMUP_ROUNDS; round < MEASURED_ROUNDS; round++) {
      sink.reset();
      long t0 = System.nanoTime();
      codec.write(objects, sink);
      long t1 = System.nanoTime();
      checksum += codec.read(sink, objects.size());
      long t2 = System.nanoTime();
      if (round >= 0) {
        write[round] = (t1 - t0) / 1e6;
        read[round] = (t2 - t1) / 1e6;
      }
    }
    if (checksum == 42) {
      System.err.print(""); // keeps the read objects alive for the JIT
    }
    System.out.printf(Locale.ROOT, "%d\t%.1f\t%.1f%n", sink.size(), median(write), median(read));
  }

  /** The data sets, built from fixed seeds so that every variant gets the same objects. */
  private static List<Object> data(String data, int count) {
    Random random = new Random(42);
    List<Object> objects = new ArrayList<>(count);
    switch (data) {
      case "Person", "Person (plain class)" -> {
        String[] names = new String[1000];
        for (int i = 0; i < names.length; i++) {
          char[] name = new char[3 + random.nextInt(6)];
          for (int j = 0; j < name.length; j++) {
            name[j] = (char) ((j == 0 ? 'A' : 'a') + random.nextInt(26));
          }
          names[i] = new String(name);
        }
        for (int i = 0; i < count; i++) {
          String name = names[random.nextInt(names.length)];
          int age = 18 + random.nextInt(80);
          long id = 1_000_000_000L + i;
          objects.add(data.equals("Person") ? new Person(name, age, id) : new PersonClass(name, age, id));
        }
      }
      case "Tuple2<String,Integer>" -> {
        for (int i = 0; i < count; i++) {
          objects.add(new Tuple2<>("key-" + (i % 10_000), i));
        }
      }
      case "Point" -> {
        long start = 1_764_000_000_000L;
        for (int i = 0; i < count; i++) {
          objects.add(new Point(random.nextDouble() * 1000, random.nextDouble() * 1000, start + i * 10L));
        }
      }
      default -> throw new IllegalArgumentException("unknown data set " + data);
    }
    return objects;
  }

  private static Codec codec(String variant) {
    if (variant.startsWith("bare Kryo")) {
      return bareKryo();
    }
    Serializer serializer;
    if (variant.equals("java")) {
      serializer = new JavaSerializer();
    } else {
      KryoSerializer kryo = variant.contains("references off") ? new KryoSerializer(false, false) : new KryoSerializer();
      if (!variant.contains("unregistered")) {
        kryo.registerKryoClasses(Person.class, PersonClass.class, Point.class);
      }
      serializer = kryo;
    }
    return new Codec() {
      @Override
      public void write(List<Object> objects, Sink sink) {
        try (SerializationStream out = serializer.serializeStream(sink)) {
          for (Object o : objects) {
            out.writeObject(o);
          }
        }
      }

      @Override
      public long read(Sink sink, int expected) throws EOFException {
        long checksum = 0;
        int read = 0;
        try (DeserializationStream in = serializer.deserializeStream(sink.reader())) {
          while (true) {
            Object o;
            try {
              o = in.readObject();
            } catch (EOFException end) {
              break;
            }
            checksum += o.hashCode();
            read++;
          }
        }
        if (read != expected) {
          throw new IllegalStateException(variant + " read " + read + " of " + expected + " objects");
        }
        return checksum;
      }
    };
  }

  /**
   * Kryo by itself: registration required (its default), references off (its default), and
   * Objenesis for classes without a no-arg constructor such as Tuple2 (as Kryo's README shows).
   */
  private static Codec bareKryo() {
    Kryo kryo = new Kryo();
    kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
    kryo.register(Person.class);
    kryo.register(PersonClass.class);
    kryo.register(Point.class);
    kryo.register(Tuple2.class);
    return new Codec() {
      @Override
      public void write(List<Object> objects, Sink sink) {
        try (Output out = new Output(sink, 64 * 1024)) {
          for (Object o : objects) {
            kryo.writeClassAndObject(out, o);
          }
        }
      }

      @Override
      public long read(Sink sink, int expected) {
        long checksum = 0;
        try (Input in = new Input(sink.reader(), 64 * 1024)) {
          for (int i = 0; i < expected; i++) {
            checksum += kryo.readClassAndObject(in).hashCode();
          }
          if (!in.end()) {
            throw new IllegalStateException("bare Kryo: bytes left after " + expected + " objects");
          }
        }
        return checksum;
      }
    };
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void print(int count, List<Result> results) {
    System.out.printf(Locale.ROOT, "%n%,d objects per data set, one stream each, one JVM per row; median of %d"
        + " rounds after %d warm-up rounds; %s %s%n%n", count, MEASURED_ROUNDS, WARMUP_ROUNDS,
        System.getProperty("java.vm.name"), System.getProperty("java.version"));
    System.out.println("| data | serializer | bytes/object | serialize ms | deserialize ms"
        + " | smaller than Java | serialize speed-up | deserialize speed-up |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
    Result java = null;
    for (Result r : results) {
      if (r.variant().equals("java")) {
        java = r;
      }
      System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.0f | %.0f | %.2fx | %.1fx | %.1fx |%n",
          r.data(), r.variant(), (double) r.bytes() / count, r.serializeMs(), r.deserializeMs(),
          (double) java.bytes() / r.bytes(), java.serializeMs() / r.serializeMs(),
          java.deserializeMs() / r.deserializeMs());
    }
  }
}
