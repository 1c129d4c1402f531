package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import dev.kubepci.server.FleetServer;
import dev.kubepci.server.ServerSettings;
import dev.kubepci.server.security.NewToken;
import dev.kubepci.server.security.Role;
import dev.kubepci.server.security.TokenStore;
import dev.kubepci.store.AssessmentStore;
import dev.kubepci.store.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kubepci serve}: the fleet server, on the embedded store or a shared PostgreSQL. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Runs the kubepci server: clusters push their JSON reports to it, and the dashboard shows the "
        + "fleet, each cluster's posture over time, findings, changes, waivers and attestations; /metrics serves "
        + "Prometheus. On an empty database it prints a one-time admin token to sign in with."})
public final class ServeCommand extends KubepciSubcommand {
  @Option(names = "--database", paramLabel = "URL",
      description = "jdbc:postgresql://HOST/DB?user=U&password=P to share one PostgreSQL between replicas "
          + "(default: $KUBEPCI_DATABASE_URL, else the embedded store in the user's data directory).")
  String database;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks one).")
  int port;

  @Option(names = "--tls-cert", paramLabel = "FILE", description = "PEM certificate chain: serve HTTPS.")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "FILE", description = "PKCS#8 PEM private key of --tls-cert.")
  Path tlsKey;

  @Option(names = "--secure-cookies",
      description = "Mark cookies Secure without --tls-cert (the server sits behind a TLS-terminating proxy).")
  boolean secureCookies;

  @Option(names = "--max-report-size", paramLabel = "MiB", defaultValue = "32",
      description = "Largest report ingest accepts, compressed or expanded (default: ${DEFAULT-VALUE} MiB).")
  int maxReportMiB;

  @Option(names = "--stale-after", paramLabel = "HOURS", defaultValue = "36",
      description = "Flag a cluster whose last assessment is older (default: ${DEFAULT-VALUE} h).")
  int staleHours;

  /** Released by tests (and never otherwise: the server runs until the process is stopped). */
  static volatile CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    Environment env = env();
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new UserException(ExitCode.USAGE, "--tls-cert and --tls-key go together");
    }
    if (maxReportMiB < 1 || maxReportMiB > 1024 || staleHours < 1) {
      throw new UserException(ExitCode.USAGE, "--max-report-size is 1 to 1024 MiB, --stale-after at least 1 h");
    }
    ServerSettings settings = new ServerSettings(host, port,
        tlsCert == null ? null : new ServerSettings.TlsFiles(tlsCert, tlsKey), secureCookies,
        maxReportMiB * 1024L * 1024L, Duration.ofHours(staleHours), ServerSettings.DEFAULT_SESSION_TTL, env.clock());
    AssessmentStore store = ServerStores.open(database, env);
    FleetServer server;
    try {
      NewToken admin = null;
      TokenStore tokens = new TokenStore(store.dataSource(), env.clock());
      if (tokens.noAdmin()) {
        admin = tokens.create(Role.ADMIN, null, "first admin");
      }
      server = FleetServer.start(settings, store);
      env.out().println("kubepci server listening on " + server.url() + " (store: " + store.location().display()
          + ")");
      if (admin != null) {
        env.out().println("Admin token (shown once; sign in with it, then create viewer and ingest tokens):");
        env.out().println("  " + admin.secret());
      }
      env.out().flush();
      if (admin != null && env.out().checkError()) {
        // the only admin token, and nobody saw it: revoke it and do not serve (the next start makes another)
        server.close();
        String id = admin.info().id();
        try {
          tokens.revoke(id);
        } catch (RuntimeException e) {
          throw new UserException(ExitCode.USAGE, "the first admin token " + id + " could not be written to "
              + "standard output, and revoking it failed (" + e.getMessage() + "): revoke it with 'kubepci server "
              + "token revoke " + id + "'; not serving");
        }
        throw new UserException(ExitCode.USAGE, "the first admin token " + id + " was revoked: it could not be "
            + "written to standard output " + Main.STDOUT_CAUSES + "; not "
            + "serving, as nobody could sign in. Start again with a standard output that can be written: the next "
            + "start prints a new admin token");
      }
    } catch (IllegalArgumentException e) {
      store.close();
      throw new UserException(ExitCode.USAGE, e.getMessage());
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    CountDownLatch latch = stop;
    Runtime.getRuntime().addShutdownHook(new Thread(latch::countDown, "kubepci-serve-stop"));
    try {
      latch.await();
    } finally {
      server.close();
      store.close();
    }
    return 0;
  }

  /** Opening the server's store, for serve and the token commands. */
  static final class ServerStores {
    private ServerStores() {}

    static AssessmentStore open(String database, Environment env) {
      String url = database != null ? database : env.env().get("KUBEPCI_DATABASE_URL");
      try {
        return AssessmentStore.open(dev.kubepci.store.StoreLocation.parse(url, env.env()),
            java.util.List.of(FleetServer.MIGRATIONS));
      } catch (StoreException e) {
        throw new UserException(ExitCode.INPUT_ERROR, e.getMessage());
      }
    }
  }
}
