package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import dev.kubepci.server.security.AuditLog;
import dev.kubepci.server.security.NewToken;
import dev.kubepci.server.security.Role;
import dev.kubepci.server.security.TokenInfo;
import dev.kubepci.server.security.TokenStore;
import dev.kubepci.store.AssessmentStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kubepci server token create|list|revoke}: the server's tokens, straight in its database. */
@Command(name = "server", mixinStandardHelpOptions = true,
    description = "Manages the kubepci server's database: its access tokens.",
    subcommands = {ServerCommand.Token.class})
public final class ServerCommand extends CommandGroup {
  /** Run alone it is a usage error naming the missing command, not the usage help. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: token");
  }

  /** The token commands. */
  @Command(name = "token", mixinStandardHelpOptions = true,
      description = "Creates, lists and revokes tokens (stored as SHA-256 hashes; a secret is shown once).")
  public static final class Token {
    @ParentCommand
    ServerCommand server;

    @Option(names = "--database", paramLabel = "URL", scope = CommandLine.ScopeType.INHERIT,
        description = "The server's database (default: $KUBEPCI_DATABASE_URL, else the embedded store).")
    String database;

    private <T> T withTokens(java.util.function.Function<TokenStore, T> action) {
      return withTokens((tokens, audit) -> action.apply(tokens));
    }

    /** Runs {@code action} on the server's tokens; changes are written to the audit log as the command line's. */
    private <T> T withTokens(java.util.function.BiFunction<TokenStore, AuditLog, T> action) {
      Environment env = server.parent.environment();
      try (AssessmentStore store = ServeCommand.ServerStores.open(database, env)) {
        return action.apply(new TokenStore(store.dataSource(), env.clock()),
            new AuditLog(store.dataSource(), env.clock()));
      }
    }

    private String actor() {
      return "command line (" + server.parent.environment().env().getOrDefault("USER", "unknown user") + ")";
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Creates a token and prints its secret alone on standard output (once: save it, e.g. "
            + "> prod.token). An ingest token pushes the assessments of one cluster: "
            + "kubepci scan ... --push URL --token-file prod.token."})
    int create(
        @Option(names = "--cluster", paramLabel = "NAME", description = "The cluster an ingest token pushes.")
        String cluster,
        @Option(names = "--role", defaultValue = "ingest", paramLabel = "ROLE",
            description = "ingest (default), viewer or admin.") String role,
        @Option(names = "--label", paramLabel = "TEXT", description = "What the token is for.") String label) {
      Environment env = server.parent.environment();
      Role r;
      try {
        r = Role.valueOf(role.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UserException(ExitCode.USAGE, "--role: ingest, viewer or admin, not '" + role + "'");
      }
      if (r == Role.INGEST && cluster == null) {
        throw new UserException(ExitCode.USAGE, "an ingest token needs --cluster NAME");
      }
      NewToken t;
      try {
        t = withTokens((tokens, audit) -> {
          NewToken made = tokens.create(r, r == Role.INGEST ? cluster : null, label);
          audit.record(actor(), "token.create", made.info().id(), made.info().role()
              + (made.info().cluster() == null ? "" : " for cluster " + made.info().cluster()) + ", label "
              + made.info().label());
          return made;
        });
      } catch (IllegalArgumentException e) {
        throw new UserException(ExitCode.USAGE, e.getMessage());
      }
      env.say("created " + r.name().toLowerCase(java.util.Locale.ROOT) + " token "
          + t.info().id() + (cluster == null || r != Role.INGEST ? "" : " for cluster " + cluster)
          + "; its secret is printed once, below");
      env.out().println(t.secret());
      if (env.out().checkError()) {
        // nobody has the secret: a valid token that no one can use, or that someone could read later from wherever
        // part of it went, is revoked at once
        revokeUnseen(t.info().id());
      }
      return 0;
    }

    /** Revokes a token just created whose secret could not be written, and fails saying so (exit 2). */
    private void revokeUnseen(String id) {
      String why = "its secret could not be written to standard output";
      try {
        withTokens((tokens, audit) -> {
          if (tokens.revoke(id)) {
            audit.record(actor(), "token.revoke", id, why);
          }
          return null;
        });
      } catch (RuntimeException e) {
        throw new UserException(ExitCode.USAGE, "token " + id + " was created but " + why + ", and revoking it "
            + "failed (" + e.getMessage() + "): revoke it with 'kubepci server token revoke " + id + "'");
      }
      throw new UserException(ExitCode.USAGE, "token " + id + " was revoked: " + why + " " + Main.STDOUT_CAUSES
          + "; create another");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists tokens (never their secrets).")
    int list() {
      Environment env = server.parent.environment();
      List<TokenInfo> all = withTokens(TokenStore::list);
      env.out().printf("%-16s %-7s %-20s %-21s %-21s %s%n", "ID", "ROLE", "CLUSTER", "CREATED", "REVOKED", "LABEL");
      for (TokenInfo t : all) {
        env.out().printf("%-16s %-7s %-20s %-21s %-21s %s%n", t.id(), t.role().name().toLowerCase(
            java.util.Locale.ROOT), t.cluster() == null ? "-" : t.cluster(), second(t.createdAt()),
            t.revokedAt() == null ? "-" : second(t.revokedAt()), dev.kubepci.report.Printable.text(t.label()));
      }
      env.out().flush();
      return 0;
    }

    private static String second(java.time.Instant i) {
      return i.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes a token by its id.")
    int revoke(@Parameters(paramLabel = "ID") String id) {
      Environment env = server.parent.environment();
      boolean revoked = withTokens((tokens, audit) -> {
        boolean done = tokens.revoke(id);
        if (done) {
          audit.record(actor(), "token.revoke", id, null);
        }
        return done;
      });
      if (!revoked) {
        throw new UserException(ExitCode.USAGE, "no valid token with id '" + id + "' (kubepci server token list)");
      }
      env.out().println("kubepci: revoked token " + id);
      env.out().flush();
      return 0;
    }
  }
}
