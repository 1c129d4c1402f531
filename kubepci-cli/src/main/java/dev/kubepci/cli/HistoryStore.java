package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import dev.kubepci.report.json.JsonReporter;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.store.AssessmentStore;
import dev.kubepci.store.Recorded;
import dev.kubepci.store.ReportExtras;
import dev.kubepci.store.StoreLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Stack;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The assessment history as the command line reaches it: {@code scan --store [URL]} records the report, and
 * {@code history}, {@code export} and {@code diff} open the store their {@code --store URL} names (by default the
 * embedded one in the user's data directory).
 */
final class HistoryStore {
  /** The value of a {@code --store} given without a URL. */
  static final String EMBEDDED = "embedded";

  private HistoryStore() {}

  /**
   * Records {@code report} in the store {@code url} names ({@link #EMBEDDED}: the embedded one), saying where on
   * standard error; does nothing when {@code url} is null (no {@code --store}).
   */
  static void record(String url, AssessmentReport report, Environment env) throws IOException {
    if (url == null) {
      return;
    }
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    new JsonReporter().write(report, json);
    try (AssessmentStore store = open(url, env, true)) {
      Recorded r = store.record(null, json.toByteArray(), ReportExtras.of(report), env.clock().instant());
      env.say((r.created() ? "stored" : "already stored:") + " assessment " + r.assessment().id() + " of "
          + r.assessment().cluster() + " (#" + r.assessment().seq() + ") in " + describe(url, env));
    }
  }

  /** Opens the store; with {@code create} false, an embedded store that does not exist yet is a clear error. */
  static AssessmentStore open(String url, Environment env, boolean create) {
    StoreLocation location = StoreLocation.parse(url == null || EMBEDDED.equals(url) ? null : url, env.env());
    if (!create && (url == null || EMBEDDED.equals(url))
        && !Files.exists(StoreLocation.defaultDirectory(env.env()).resolve("history.mv.db"))) {
      throw new UserException(ExitCode.USAGE, "no assessment is stored yet in " + describe(url, env)
          + ": kubepci scan ... --store records one");
    }
    return AssessmentStore.open(location);
  }

  /**
   * The store for people: the embedded one as {@code $XDG_DATA_HOME/kubepci/history} or
   * {@code ~/.local/share/kubepci/history}, another one by its URL without password.
   */
  static String describe(String url, Environment env) {
    if (url == null || EMBEDDED.equals(url)) {
      String xdg = env.env().get("XDG_DATA_HOME");
      return "the embedded store " + (xdg != null && !xdg.isBlank() && java.nio.file.Path.of(xdg).isAbsolute()
          ? "$XDG_DATA_HOME/kubepci/history" : "~/.local/share/kubepci/history");
    }
    return StoreLocation.parse(url, env.env()).display();
  }

  /**
   * Takes the URL after {@code --store} only when it is one ({@code jdbc:...}), so that {@code --store} followed by a
   * path to scan records in the embedded store; a URL of a database kubepci cannot use is refused before the scan.
   */
  static final class UrlConsumer implements CommandLine.IParameterConsumer {
    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
      String value = EMBEDDED;
      if (!args.isEmpty() && args.peek().toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
        value = args.pop();
        try {
          StoreLocation.parse(value, java.util.Map.of());
        } catch (dev.kubepci.store.StoreException e) {
          throw new CommandLine.ParameterException(commandSpec.commandLine(), "--store: " + e.getMessage());
        }
      }
      argSpec.setValue(value);
    }
  }

  /** {@code --store URL} of the commands that read the history. */
  static final class Option {
    @CommandLine.Option(names = "--store", paramLabel = "URL",
        description = "The store: jdbc:postgresql://HOST[:PORT]/DATABASE?user=NAME for PostgreSQL (the password in "
            + "KUBEPCI_STORE_PASSWORD, or &password=SECRET). Default: the embedded store in $XDG_DATA_HOME/kubepci "
            + "(~/.local/share/kubepci).")
    String url;
  }
}
