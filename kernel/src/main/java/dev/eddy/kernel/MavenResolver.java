package dev.eddy.kernel;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.repository.SimpleArtifactDescriptorPolicy;

/**
 * Resolves a Maven artifact and its run-time dependencies from Maven Central into the user's
 * local Maven repository ({@code ~/.m2/repository}, shared with Maven), for {@code %maven}.
 *
 * <p>Uses Maven's own resolver rather than hand-written POM handling: version ranges, exclusions,
 * scopes and dependency management are Maven's. The repository system is built on first use.
 * Thread-safe.
 */
final class MavenResolver {
  static final String CENTRAL = "https://repo.maven.apache.org/maven2/";
  private static final int CONNECT_TIMEOUT_MS = 10_000;
  private static final int REQUEST_TIMEOUT_MS = 60_000;

  private final Path localRepository;
  private RepositorySystem system;

  MavenResolver(Path localRepository) {
    this.localRepository = localRepository;
  }

  /** The resolver for the user's {@code ~/.m2/repository}. */
  static MavenResolver forUser() {
    return new MavenResolver(Path.of(System.getProperty("user.home"), ".m2", "repository"));
  }

  /**
   * Returns the jars of {@code coordinates} ({@code group:artifact:version}, or with extension and
   * classifier as Maven writes them) and of its run-time dependencies, downloading what is missing.
   *
   * @throws IllegalArgumentException if the coordinates are malformed or cannot be resolved (the
   *     message names the artifact and the cause, e.g. no network)
   */
  synchronized List<File> resolve(String coordinates) {
    DefaultArtifact artifact;
    try {
      artifact = new DefaultArtifact(coordinates.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not Maven coordinates: '" + coordinates
          + "' (expected group:artifact:version, e.g. org.apache.commons:commons-lang3:3.14.0)");
    }
    RepositorySystem repositories = system();
    DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
    session.setLocalRepositoryManager(
        repositories.newLocalRepositoryManager(session, new LocalRepository(localRepository.toFile())));
    // Newer sessions ignore unreadable POMs silently, which would drop dependencies: fail instead.
    session.setArtifactDescriptorPolicy(new SimpleArtifactDescriptorPolicy(false, false));
    // POM profiles activate on the JDK version and OS, as when Maven itself runs.
    session.setSystemProperties(System.getProperties());
    session.setConfigProperty("aether.connector.connectTimeout", CONNECT_TIMEOUT_MS);
    session.setConfigProperty("aether.connector.requestTimeout", REQUEST_TIMEOUT_MS);
    RemoteRepository central = new RemoteRepository.Builder("central", "default", CENTRAL).build();
    CollectRequest collect = new CollectRequest(new Dependency(artifact, JavaScopes.RUNTIME), List.of(central));
    DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
    try {
      List<File> jars = new ArrayList<>();
      for (ArtifactResult result : repositories.resolveDependencies(session, request).getArtifactResults()) {
        if (result.getArtifact() != null && result.getArtifact().getFile() != null) {
          jars.add(result.getArtifact().getFile());
        }
      }
      return jars;
    } catch (DependencyResolutionException | RuntimeException e) {
      throw new IllegalArgumentException("could not resolve " + coordinates.strip() + " from Maven Central ("
          + CENTRAL + "; offline?): " + rootMessage(e));
    }
  }

  private RepositorySystem system() {
    if (system == null) {
      system = new RepositorySystemSupplier().get();
    }
    return system;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    return root == e ? message : e.getMessage() + " <- " + message;
  }
}
