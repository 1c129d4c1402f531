package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import dev.kubepci.collect.CollectedInput;
import dev.kubepci.collect.RenderOptions;
import dev.kubepci.scan.ScanListener;
import dev.kubepci.scan.Scanner;
import dev.kubepci.netpol.NetworkPolicies;
import dev.kubepci.netpol.ReachQuery;
import dev.kubepci.report.reach.ReachReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubepci reach FROM TO PATH...}: can traffic flow, and which policies decide it. */
@Command(
    name = "reach",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Tell whether traffic can flow from FROM to TO under the network policies in the input, evaluated with the "
            + "semantics of the cluster's network plugin (Kubernetes, Calico or Cilium), and which rules decide it.",
        "",
        "FROM and TO: internet, namespace:NAME (every workload of the namespace), Kind/namespace/name, "
            + "namespace/name, or an IP address or CIDR."},
    footer = {
        "",
        "Examples:",
        "  kubepci reach namespace:web Deployment/payments/payment-api --port 8443 \\",
        "      examples/payment-platform/manifests",
        "  kubepci reach payments/settlement-batch internet \\",
        "      examples/payment-platform/manifests",
        "  kubepci reach namespace:monitoring namespace:payments --expect denied \\",
        "      cluster-dump.yaml",
        "",
        "Exit codes: 0 evaluated (and as --expect says), 1 a flow contradicts --expect, 2 usage error, "
            + "3 unreadable input, 4 internal error."})
public final class ReachCommand extends KubepciSubcommand {
  @Parameters(index = "0", paramLabel = "FROM", description = "Where traffic starts.")
  String from;

  @Parameters(index = "1", paramLabel = "TO", description = "Where traffic goes.")
  String to;

  @Parameters(index = "2..*", paramLabel = "PATH", arity = "1..*",
      description = "Manifest files or directories (.yaml, .yml, .json), or - for standard input, as for scan.")
  List<String> paths = new ArrayList<>();

  @Mixin
  NamespaceOption namespace;

  @Option(names = {"-p", "--port"}, paramLabel = "PORT",
      description = "The destination port: 5432, 5432/TCP, UDP/53, or a port name of the destination's containers. "
          + "Default: any port.")
  String port;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--expect", paramLabel = "allowed|denied",
      description = "Exit with code 1 unless every flow is allowed (or every flow is denied): a segmentation test.")
  String expect;

  @Override
  public Integer call() {
    Environment env = env();
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!fmt.equals("text") && !fmt.equals("json")) {
      throw new UserException(ExitCode.USAGE, "unknown format '" + format + "' (expected text or json)");
    }
    Boolean expectAllowed = expect == null ? null : switch (expect.toLowerCase(Locale.ROOT)) {
      case "allowed" -> true;
      case "denied" -> false;
      default -> throw new UserException(ExitCode.USAGE, "--expect must be allowed or denied, not '" + expect + "'");
    };
    CollectedInput input = Scanner.offline(paths, env.stdin(), RenderOptions.inNamespace(namespace.orDefault()),
        ScanListener.NONE);
    ReachQuery query;
    try {
      query = ReachQuery.run(NetworkPolicies.of(input.inventory()), from, to, port);
    } catch (IllegalArgumentException e) {
      throw new UserException(ExitCode.USAGE, e.getMessage());
    }
    env.out().print(fmt.equals("json") ? ReachReport.json(query) : ReachReport.text(query));
    env.out().flush();
    if (!input.errors().isEmpty()) {
      input.errors().forEach(e -> env.say(e.describe()));
      return ExitCode.INPUT_ERROR.code();
    }
    if (expectAllowed != null && query.pairs().stream().anyMatch(p -> p.allowed() != expectAllowed)) {
      env.say("expected every flow to be " + expect.toLowerCase(Locale.ROOT) + "; "
          + query.allowedCount() + " of " + query.pairs().size() + " allowed");
      return ExitCode.FINDINGS.code();
    }
    return ExitCode.OK.code();
  }
}
