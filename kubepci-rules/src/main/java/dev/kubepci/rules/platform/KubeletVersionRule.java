package dev.kubepci.rules.platform;

import dev.kubepci.model.Resource;
import dev.kubepci.rule.EachObject;
import dev.kubepci.rule.ResourceRule;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.TableHeader;
import dev.kubepci.rule.Violation;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks every node's kubelet against the version skew policy (never newer than the API server, at most three minor
 * releases older from 1.28 on, two before) and against the support table (its minor release must still be patched).
 */
@RuleInfo(id = "KPCI-0351", name = "kubelet-version-skew", severity = Severity.HIGH, reads = {"Node", "Pod"})
@EachObject(value = "*/Node", ifNone = "no Node reports its kubelet version",
    ifAbsent = "no Node objects are in the input; add kubectl get nodes -o yaml")
public final class KubeletVersionRule implements ResourceRule {
  private static final TableHeader VERSIONS = new TableHeader("kubelet-versions", "Kubelet versions",
      List.of("node", "kubelet", "skew", "support")).sorted();
  private final SupportWindows windows;

  public KubeletVersionRule(SupportWindows windows) {
    this.windows = windows;
  }

  @Override
  public List<TableHeader> tables() {
    return List.of(VERSIONS);
  }

  @Override
  public List<Violation> check(Resource node, RuleContext context) {
    Optional<Version> kubelet = ClusterVersion.kubeletVersion(node).flatMap(Version::find);
    if (kubelet.isEmpty()) {
      context.row(VERSIONS, List.of(node.name(), "unknown", "-", "-"));
      context.ignore();
      return List.of();
    }
    Optional<ClusterVersion> control = ClusterVersion.of(context.inventory());
    LocalDate today = LocalDate.ofInstant(context.now(), ZoneOffset.UTC);
    Version k = kubelet.get();
    List<Violation> v = new ArrayList<>();
    String text = ClusterVersion.kubeletVersion(node).orElse("");
    String skew = "-";
    if (control.isPresent() && !control.get().source().startsWith("newest kubelet")) {
      Version api = control.get().version();
      int allowed = api.minor() >= 28 ? 3 : 2;
      int behind = api.minor() - k.minor();
      skew = behind + " minor(s) behind the API server " + api.minorText();
      if (k.major() == api.major() && behind < 0) {
        v.add(Violation.at(ClusterVersion.KUBELET_PATH, text, "the kubelet of " + node.name() + " (" + k.minorText()
            + ") is newer than the API server (" + api.minorText() + ")"));
      } else if (k.major() == api.major() && behind > allowed) {
        v.add(Violation.at(ClusterVersion.KUBELET_PATH, text, "the kubelet of " + node.name() + " is " + behind
            + " minor releases behind the API server " + api.minorText() + " (at most " + allowed + " allowed)"));
      }
    }
    String support = windows.release(k.minorText()).map(r -> {
      if (today.isAfter(r.endOfLifeDate())) {
        v.add(Violation.at(ClusterVersion.KUBELET_PATH, text, "the kubelet of " + node.name() + " runs Kubernetes "
            + k.minorText() + ", past its end of life on " + r.endOfLife()));
        return "end of life " + r.endOfLife();
      }
      return "supported until " + r.endOfLife();
    }).orElse("not in the table");
    context.row(VERSIONS, List.of(node.name(), text, skew, support));
    return v;
  }
}
