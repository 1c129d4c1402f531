package dev.kubepci.rules.platform;

import dev.kubepci.model.Workload;
import dev.kubepci.rule.ContainerRule;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Flags cluster components started with flags that turn off certificate verification of the kubelet or API server
 * they call: {@code --kubelet-insecure-tls} (metrics-server), {@code --insecure-skip-tls-verify} (client-go and
 * kubectl based tools).
 */
@RuleInfo(id = "KPCI-0316", name = "component-tls-verification", severity = Severity.MEDIUM)
public final class KubeletTlsVerificationRule implements ContainerRule {
  private static final Set<String> FLAGS = Set.of("--kubelet-insecure-tls", "--insecure-skip-tls-verify",
      "--kubelet-insecure-skip-tls-verify");

  @Override
  public List<Violation> check(Workload.ContainerRef c, Workload workload, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    scan(c.container().getCommand(), c, "command", out);
    scan(c.container().getArgs(), c, "args", out);
    return out;
  }

  private static void scan(List<String> args, Workload.ContainerRef c, String field, List<Violation> out) {
    if (args == null) {
      return;
    }
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i) == null ? "" : args.get(i).trim();
      String flag = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : "true";
      if (FLAGS.contains(flag) && "true".equalsIgnoreCase(value)) {
        out.add(Violation.at(c.path().child(field).index(i), a, c.describe() + " skips certificate verification ("
            + flag + ")"));
      }
    }
  }
}
