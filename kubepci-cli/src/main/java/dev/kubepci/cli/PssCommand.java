package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import dev.kubepci.collect.CollectedInput;
import dev.kubepci.collect.RenderOptions;
import dev.kubepci.scan.ScanListener;
import dev.kubepci.scan.Scanner;
import dev.kubepci.pss.PodSecurityReview;
import dev.kubepci.pss.PssLevel;
import dev.kubepci.pss.PssVersion;
import dev.kubepci.report.pss.PssJsonWriter;
import dev.kubepci.report.pss.PssTerminalWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubepci pss}: the Pod Security Standards verdict of every Pod and pod template in the input, as the Pod
 * Security admission controller would give it for a namespace enforcing the chosen level and version.
 */
@Command(
    name = "pss",
    description = "Evaluate every Pod and pod template (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, "
        + "ReplicationController, PodTemplate) against a Pod Security Standards level: one verdict per object.",
    footer = {
        "",
        "Objects without a pod spec are skipped: the terminal report counts them, the JSON array leaves them out.",
        "Note: on this command --version is the policy version; run 'kubepci --version' for kubepci's own.",
        "",
        "Examples:",
        "  kubepci pss --level baseline examples/payment-platform/manifests",
        "  kubepci pss --level restricted --version v1.30 --format json deploy.yaml",
        "  helm template ./chart | kubepci pss -",
        "",
        "Exit codes: 0 every object allowed, 1 at least one denied, 2 usage error, 3 unreadable input, "
            + "4 internal error."})
public final class PssCommand extends KubepciSubcommand {
  @Mixin
  NamespaceOption namespace;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = {"-l", "--level"}, paramLabel = "LEVEL", defaultValue = "restricted",
      description = "Pod Security level: privileged, baseline or restricted. Default: ${DEFAULT-VALUE}.")
  String level;

  @Option(names = "--version", paramLabel = "VERSION", defaultValue = "latest",
      description = "Policy version: latest or v1.N (v1.0 to the newest). Default: ${DEFAULT-VALUE}.")
  String version;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "terminal",
      description = "terminal or json (an array with one verdict per object). Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--no-color", description = "Never colour the terminal output (colour is used only on a terminal).")
  boolean noColor;

  @Mixin
  SingleOutput output;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Manifest files or directories (.yaml, .yml, .json, searched recursively), "
          + "or - for standard input.")
  List<String> paths = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    Environment env = env();
    PssLevel pssLevel = parse(() -> PssLevel.parse(level), "--level");
    PssVersion pssVersion = parse(() -> PssVersion.parse(version), "--version");
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!fmt.equals("terminal") && !fmt.equals("json")) {
      throw new UserException(ExitCode.USAGE, "--format: unknown format '" + format + "' (expected terminal or json)");
    }
    if (paths.isEmpty()) {
      throw new UserException(ExitCode.USAGE,
          "no input given: name manifest files or directories, or - for standard input");
    }
    output.check(paths);
    CollectedInput input = Scanner.offline(paths, env.stdin(), RenderOptions.inNamespace(namespace.orDefault()),
        ScanListener.NONE);
    PodSecurityReview review = PodSecurityReview.of(input.inventory().all(), pssLevel, pssVersion);

    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    if (fmt.equals("json")) {
      PssJsonWriter.write(review, buffer);
    } else {
      boolean color = !output.toFile() && !noColor && env.colorTerminal();
      new PssTerminalWriter(color).write(review, input.errors(), buffer);
    }
    output.write(env, buffer.toByteArray());
    if (!input.errors().isEmpty()) {
      // said here unless the terminal answer listed them, and reached standard output
      if (fmt.equals("json") || output.toFile() || env.out().checkError()) {
        input.errors().forEach(e -> env.say(e.describe()));
      }
      env.say(input.errors().size() + " input error(s); the rest was evaluated");
      return ExitCode.INPUT_ERROR.code();
    }
    return review.deniedCount() > 0 ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
  }

  private static <T> T parse(java.util.function.Supplier<T> parser, String option) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new UserException(ExitCode.USAGE, option + ": " + e.getMessage());
    }
  }
}
