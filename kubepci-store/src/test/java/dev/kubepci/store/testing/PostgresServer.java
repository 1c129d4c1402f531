package dev.kubepci.store.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server for tests: Debian's binaries ({@code /usr/lib/postgresql/N/bin}, newest N; or the
 * directory in {@code KUBEPCI_PG_BIN}), a fresh data directory under the temporary directory, a free port on
 * 127.0.0.1, trust authentication for the user {@code kubepci}. PostgreSQL refuses to run as root: when the tests
 * run as root (CI does), the server runs as the system user {@code nobody} through {@code runuser}, owning its
 * directory.
 */
public final class PostgresServer implements AutoCloseable {
  private static final String USER = "kubepci";
  private final Path bin;
  private final Path dir;
  private final int port;
  private final String runAs;
  private final AtomicInteger databases = new AtomicInteger();

  private PostgresServer(Path bin, Path dir, int port, String runAs) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.runAs = runAs;
  }

  /** The directory with {@code initdb} and {@code pg_ctl}, or null when PostgreSQL is not installed. */
  public static Path binaries() {
    String env = System.getenv("KUBEPCI_PG_BIN");
    if (env != null && Files.isExecutable(Path.of(env, "initdb"))) {
      return Path.of(env);
    }
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.filter(p -> Files.isExecutable(p.resolve("bin/initdb")))
          .max(Comparator.comparingInt(p -> version(p.getFileName().toString())))
          .map(p -> p.resolve("bin")).orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static int version(String name) {
    try {
      return Integer.parseInt(name);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Initialises and starts a server; fails with the server's own words when it cannot. */
  public static PostgresServer start() throws IOException, InterruptedException {
    Path bin = binaries();
    if (bin == null) {
      throw new IllegalStateException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): "
          + "apt-get install postgresql, or set KUBEPCI_PG_BIN");
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    String runAs = root ? "nobody" : null;
    // nobody must reach the directory: under root, /tmp rather than a temporary directory root may have made private
    Path parent = root && Files.isDirectory(Path.of("/tmp")) ? Path.of("/tmp")
        : Path.of(System.getProperty("java.io.tmpdir"));
    Path dir = Files.createTempDirectory(parent, "kubepci-pg-", PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwx------")));
    if (runAs != null) {
      UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
      UserPrincipal owner = users.lookupPrincipalByName(runAs);
      Files.setOwner(dir, owner);
    }
    PostgresServer server = new PostgresServer(bin, dir, freePort(), runAs);
    try {
      server.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
          "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"));
      server.run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
          dir.resolve("log").toString(), "-w", "-t", "60", "-o",
          "-p " + server.port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
              + " -c synchronous_commit=off -c full_page_writes=off", "start"));
    } catch (IOException | RuntimeException e) {
      String log = Files.exists(dir.resolve("log")) ? Files.readString(dir.resolve("log")) : "";
      server.delete();
      throw new IllegalStateException(e.getMessage() + "\n" + log, e);
    }
    return server;
  }

  /** A JDBC URL of the server's database {@code postgres}. */
  public String adminUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + USER;
  }

  /** Creates an empty database and returns its JDBC URL. */
  public String newDatabase() {
    String name = "kubepci_" + databases.incrementAndGet();
    try (Connection c = DriverManager.getConnection(adminUrl()); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + name + "?user=" + USER;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    try {
      run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w",
          "stop"));
    } catch (IOException | InterruptedException | RuntimeException e) {
      // the directory goes anyway; a server that did not stop dies with its files
    } finally {
      delete();
    }
  }

  private void run(List<String> command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (runAs != null) {
      full.addAll(List.of("runuser", "-u", runAs, "--"));
    }
    full.addAll(command);
    Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", full) + " failed (" + p.exitValue() + "): "
          + new String(out, StandardCharsets.UTF_8));
    }
  }

  private void delete() {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
