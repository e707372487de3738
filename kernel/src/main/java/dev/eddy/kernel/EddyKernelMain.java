package dev.eddy.kernel;

import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the kernel: {@code java -jar eddy-kernel.jar <connection file>}; or, with {@code
 * --cds-warmup} instead of a connection file, runs the scripted session of {@link CdsWarmUp} and
 * exits (0 if its cells ran), for building a class-data archive at install time.
 *
 * <p>Binds the sockets and answers the client at once; JShell and the engine are built in the
 * background (see {@link CellRunner}). Never logs the connection properties: they hold the
 * signing key.
 */
public final class EddyKernelMain {
  private EddyKernelMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: java -jar eddy-kernel.jar <connection file> | --cds-warmup");
      System.exit(2);
    }
    if (args[0].equals("--cds-warmup")) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
      int ok = CdsWarmUp.run(System.err);
      int expected = CdsWarmUp.CELLS.size() - 1;
      System.out.println("eddy: class-data warm-up ran " + ok + " of " + expected + " cells");
      System.exit(ok == expected ? 0 : 1);
    }
    // Libraries that log through SLF4J find no provider; keep its notice out of cell output.
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    PrintStream log = configureLogging();
    String json = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
    KernelConnectionProperties props = KernelConnectionProperties.parse(json);

    EddyConnection connection = new EddyConnection(props);
    EddyKernel kernel = new EddyKernel(connection, log);
    kernel.becomeHandlerForConnection(connection);
    connection.connect();
    connection.waitUntilClose();
  }

  /**
   * Sends log records to the original stderr at WARNING and above (EDDY_KERNEL_LOG=INFO etc.
   * lowers the bar), before stdout and stderr are redirected into cells.
   */
  private static PrintStream configureLogging() {
    PrintStream original = System.err;
    Level level = Level.WARNING;
    String wanted = System.getenv("EDDY_KERNEL_LOG");
    if (wanted != null && !wanted.isBlank()) {
      try {
        level = Level.parse(wanted.trim().toUpperCase());
      } catch (IllegalArgumentException ignored) {
        // keep WARNING
      }
    }
    Logger root = Logger.getLogger("");
    root.setLevel(level);
    for (Handler handler : root.getHandlers()) {
      handler.setLevel(level);
    }
    return original;
  }
}
