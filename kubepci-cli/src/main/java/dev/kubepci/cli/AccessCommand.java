package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import dev.kubepci.model.Inventory;
import dev.kubepci.rbac.AccessReview;
import dev.kubepci.rbac.Identity;
import dev.kubepci.rbac.Subject;
import dev.kubepci.report.access.AccessWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubepci access}: everything RBAC lets one subject do, cluster-wide and per namespace. */
@Command(
    name = "access",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Show what a user, group or service account may do, cluster-wide and per namespace, with the "
        + "binding, role and rule of every grant, including grants through the groups Kubernetes adds "
        + "(system:authenticated, system:serviceaccounts, system:serviceaccounts:NAMESPACE).",
    footer = {
        "",
        "SUBJECT is user:NAME, group:NAME or serviceaccount:NAMESPACE:NAME (also sa:NAMESPACE:NAME and",
        "system:serviceaccount:NAMESPACE:NAME).",
        "",
        "Examples:",
        "  kubepci access serviceaccount:payments:ci-deployer \\",
        "      examples/payment-platform/cluster-dump.yaml",
        "  kubepci access user:alice@example.com --group platform-admins \\",
        "      cluster-dump.yaml",
        "  kubepci access group:system:unauthenticated cluster-dump.yaml --format json",
        "",
        "Exit codes: 0 answered, 2 usage error, 3 some input unreadable (the answer covers the rest)."})
public final class AccessCommand extends RbacQueryCommand {
  @Parameters(index = "0", paramLabel = "SUBJECT", description = "user:NAME, group:NAME or "
      + "serviceaccount:NAMESPACE:NAME.")
  String subject;

  @Parameters(index = "1..*", paramLabel = "PATH", arity = "0..*", description = PATHS)
  List<String> paths = new ArrayList<>();

  @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
      description = "Show cluster-wide grants and the grants in this namespace only. " + PLACED_IN_NAMESPACE)
  String namespace;

  @Option(names = {"-g", "--group"}, paramLabel = "GROUP",
      description = "A group the user belongs to in the identity provider (repeatable); RBAC cannot know it.")
  List<String> groups = new ArrayList<>();

  private Subject who;

  @Override
  public Integer call() {
    return answer(paths, namespace);
  }

  @Override
  void checkArguments() {
    try {
      who = Subject.parse(subject);
    } catch (IllegalArgumentException e) {
      throw new UserException(ExitCode.USAGE, e.getMessage());
    }
    if (!groups.isEmpty() && who.kind() != Subject.Kind.USER) {
      throw new UserException(ExitCode.USAGE, "--group applies to users only");
    }
  }

  @Override
  String render(Inventory inventory, boolean json) {
    Identity identity = switch (who.kind()) {
      case USER -> Identity.user(who.name(), groups);
      case GROUP -> Identity.memberOf(who.name(), List.of());
      case SERVICE_ACCOUNT -> Identity.serviceAccount(who.namespace(), who.name());
    };
    AccessReview.Access answer = AccessReview.access(inventory, who, identity, namespace);
    return json ? AccessWriter.json(answer) : AccessWriter.text(answer);
  }
}
