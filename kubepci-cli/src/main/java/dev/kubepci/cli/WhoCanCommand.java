package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import dev.kubepci.model.Inventory;
import dev.kubepci.rbac.AccessRequest;
import dev.kubepci.rbac.AccessReview;
import dev.kubepci.rbac.Rbac;
import dev.kubepci.report.access.AccessWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubepci who-can}: every subject RBAC allows to make a request, with the grants that allow it. */
@Command(
    name = "who-can",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "List every user, group and service account that RBAC allows to make a request, with the "
        + "binding, role and rule that grant it. Aggregated ClusterRoles, implicit groups and Kubernetes' default "
        + "roles are resolved as the API server does.",
    footer = {
        "",
        "RESOURCE is RESOURCE[.GROUP][/SUBRESOURCE] (pods, pods/exec, deployments.apps, widgets.example.com) or a",
        "non-resource URL starting with / (/metrics). Without -n, namespaced resources are asked about in every",
        "namespace.",
        "",
        "Examples:",
        "  kubepci who-can get secrets -n payments \\",
        "      examples/payment-platform/cluster-dump.yaml",
        "  kubepci who-can create pods/exec examples/payment-platform/manifests",
        "  kubepci who-can impersonate users cluster-dump.yaml --format json",
        "",
        "Exit codes: 0 answered, 2 usage error, 3 some input unreadable (the answer covers the rest)."})
public final class WhoCanCommand extends RbacQueryCommand {
  @Parameters(index = "0", paramLabel = "VERB", description = "The verb: get, list, create, update, delete, "
      + "impersonate, bind, escalate, approve, * ...")
  String verb;

  @Parameters(index = "1", paramLabel = "RESOURCE", description = "RESOURCE[.GROUP][/SUBRESOURCE] or a non-resource "
      + "URL such as /metrics.")
  String resource;

  @Parameters(index = "2..*", paramLabel = "PATH", arity = "0..*", description = PATHS)
  List<String> paths = new ArrayList<>();

  @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
      description = "Ask about this namespace only (default: every namespace). " + PLACED_IN_NAMESPACE)
  String namespace;

  @Option(names = "--name", paramLabel = "NAME", description = "Ask about the object of this name (resourceNames).")
  String name;

  @Override
  public Integer call() {
    return answer(paths, namespace);
  }

  @Override
  String render(Inventory inventory, boolean json) {
    Rbac rbac = Rbac.of(inventory);
    AccessRequest request;
    if (resource.startsWith("/")) {
      if (namespace != null || name != null) {
        throw new UserException(ExitCode.USAGE, "a non-resource URL has no namespace or name");
      }
      request = AccessRequest.nonResource(verb, resource);
    } else {
      try {
        request = Rbac.request(verb, rbac.resolve(resource), namespace, name);
      } catch (IllegalArgumentException e) {
        throw new UserException(ExitCode.USAGE, e.getMessage());
      }
    }
    AccessReview.WhoCan answer = AccessReview.whoCan(inventory, request);
    return json ? AccessWriter.json(answer) : AccessWriter.text(answer);
  }
}
