package dev.kubepci.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs kubepci in memory, as the tests' user. */
final class Cli {
  /** The example cluster, from the module directory Maven runs tests in. */
  static final Path EXAMPLES = Path.of("..", "examples", "payment-platform");
  static final String MANIFESTS = EXAMPLES.resolve("manifests").toString();
  static final String DUMP = EXAMPLES.resolve("cluster-dump.yaml").toString();

  /** The tests' environment: a fixed clock and a fixed redaction key, so that reports are the same on every run. */
  static final Map<String, String> ENV = Map.of("SOURCE_DATE_EPOCH", "1767261600",
      "KUBEPCI_REDACTION_KEY", "kubepci-cli-tests-fixed-redaction-key");

  /** What one run printed and returned. */
  record Run(int code, String out, String err) {}

  private Cli() {}

  static Run run(String... args) {
    return runWithStdin("", args);
  }

  /** Runs with this environment and these terminals, as a user at a terminal (or in a pod) would. */
  static Run runIn(Map<String, String> env, Environment.Terminals terminals, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Environment environment = new Environment(new PrintWriter(out, true), new PrintWriter(err, true),
        new ByteArrayInputStream(new byte[0]), env, Main.clock(env), terminals);
    int code = Main.commandLine(environment).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static Run runWithStdin(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), ENV);
    return new Run(code, out.toString(), err.toString());
  }
}
