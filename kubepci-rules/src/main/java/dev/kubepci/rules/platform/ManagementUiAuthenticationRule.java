package dev.kubepci.rules.platform;

import dev.kubepci.model.Workload;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rule.WorkloadRule;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flags administrative UIs configured to let people in without logging in: Kubernetes Dashboard with
 * {@code --enable-skip-login} or {@code --enable-insecure-login}, Grafana with anonymous access, Argo CD with
 * {@code --disable-auth}, and Prometheus or Alertmanager without a web configuration (they have no authentication
 * of their own otherwise).
 */
@RuleInfo(id = "KPCI-0314", name = "management-ui-authentication", severity = Severity.HIGH)
public final class ManagementUiAuthenticationRule implements WorkloadRule {
  @Override
  public List<Violation> check(Workload workload, RuleContext context) {
    Optional<String> tool = ManagementTools.of(workload);
    if (tool.isEmpty()) {
      return List.of();
    }
    List<Violation> out = new ArrayList<>();
    for (Workload.ContainerRef c : workload.containers()) {
      Container container = c.container();
      List<String> args = new ArrayList<>();
      if (container.getCommand() != null) {
        args.addAll(container.getCommand());
      }
      int argsOffset = args.size();
      if (container.getArgs() != null) {
        args.addAll(container.getArgs());
      }
      boolean webConfig = false;
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i) == null ? "" : args.get(i);
        var path = i < argsOffset ? c.path().child("command").index(i) : c.path().child("args").index(i - argsOffset);
        if (tool.get().equals("Kubernetes Dashboard") && enabled(a, "--enable-skip-login")) {
          out.add(Violation.at(path, a, "the Kubernetes Dashboard in " + c.describe()
              + " lets visitors skip the login (--enable-skip-login)"));
        }
        if (tool.get().equals("Kubernetes Dashboard") && enabled(a, "--enable-insecure-login")) {
          out.add(Violation.at(path, a, "the Kubernetes Dashboard in " + c.describe()
              + " accepts logins over plain http (--enable-insecure-login)"));
        }
        if (tool.get().equals("Argo CD") && enabled(a, "--disable-auth")) {
          out.add(Violation.at(path, a, "Argo CD in " + c.describe() + " runs with authentication disabled"));
        }
        if (a.startsWith("--web.config.file")) {
          webConfig = true;
        }
      }
      if (tool.get().equals("Grafana") && container.getEnv() != null) {
        for (int i = 0; i < container.getEnv().size(); i++) {
          EnvVar e = container.getEnv().get(i);
          if ("GF_AUTH_ANONYMOUS_ENABLED".equals(e.getName()) && "true".equalsIgnoreCase(e.getValue())) {
            out.add(Violation.at(c.path().child("env").index(i).child("value"), e.getValue(),
                "Grafana in " + c.describe() + " allows anonymous access (GF_AUTH_ANONYMOUS_ENABLED=true)"));
          }
        }
      }
      boolean serverContainer = container.getImage() != null && container.getImage().matches(
          ".*/(prometheus|alertmanager)(:.*|@.*)?");
      if ((tool.get().equals("Prometheus") || tool.get().equals("Alertmanager")) && serverContainer && !webConfig) {
        out.add(Violation.at(c.path().child("args"), null, tool.get() + " in " + c.describe() + " serves its UI and "
            + "API without authentication (no --web.config.file)").withSeverity(Severity.MEDIUM));
      }
    }
    return out;
  }

  private static boolean enabled(String arg, String flag) {
    return arg.equals(flag) || arg.equals(flag + "=true");
  }
}
