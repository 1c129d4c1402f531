package dev.kubepci.rules.platform;

import dev.kubepci.model.Inventory;
import dev.kubepci.model.ManagedProvider;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Table;
import dev.kubepci.rule.Violation;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Compares the control plane's Kubernetes version with the dated support table shipped with kubepci: past the
 * upstream end of life (or, on a managed provider with dates in the table, past its extended support) fails; a
 * patch release older than one known to exist fails at medium severity on self-managed clusters.
 */
@RuleInfo(id = "KPCI-0350", name = "kubernetes-version-supported", severity = Severity.HIGH, reads = {"Node", "Pod"})
public final class KubernetesVersionRule implements ClusterRule {
  private final SupportWindows windows;

  public KubernetesVersionRule(SupportWindows windows) {
    this.windows = windows;
  }

  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    Optional<ClusterVersion> found = ClusterVersion.of(inventory);
    if (found.isEmpty()) {
      return Outcome.notAssessed("the Kubernetes version is not in the input: add the kube-apiserver pod, the Node "
          + "objects, or collect from a live cluster (kubectl version)");
    }
    ClusterVersion cv = found.get();
    LocalDate today = LocalDate.ofInstant(context.now(), ZoneOffset.UTC);
    Optional<ManagedProvider> provider = ManagedProvider.of(inventory);
    String minor = cv.version().minorText();
    Optional<SupportWindows.Release> release = windows.release(minor);
    Outcome.Builder out = Outcome.builder();
    if (today.isAfter(windows.asOfDate().plusMonths(6))) {
      out.note("the support table is dated " + windows.asOf() + "; newer releases and dates may exist (update "
          + SupportWindows.RESOURCE + ")");
    }
    if (release.isEmpty()) {
      boolean newer = windows.newest().map(n -> Version.parse(n.minor()).compareTo(cv.version()) < 0).orElse(true);
      if (newer) {
        return Outcome.notAssessed("Kubernetes " + minor + " is newer than every release in kubepci's support table "
            + "(as of " + windows.asOf() + "); update " + SupportWindows.RESOURCE);
      }
      out.fail(cv.resource(), Violation.at(cv.path(), cv.text(), "Kubernetes " + minor + " is older than every release "
          + "in the support table and long past its end of life"));
      return out.build("");
    }
    SupportWindows.Release r = release.get();
    String key = provider.map(p -> p.name().toLowerCase(Locale.ROOT)).orElse(null);
    SupportWindows.ProviderSupport ps = key == null ? null : r.providers().get(key);
    String support;
    LocalDate end;
    if (ps != null && ps.extendedEnd() != null) {
      end = LocalDate.parse(ps.extendedEnd());
      LocalDate standard = ps.standardEnd() == null ? end : LocalDate.parse(ps.standardEnd());
      support = provider.get().title() + " standard support until " + standard + ", extended until " + end;
      if (today.isAfter(standard) && !today.isAfter(end)) {
        out.note("Kubernetes " + minor + " is in " + provider.get().title() + " extended support (paid) until " + end);
      }
    } else {
      end = r.endOfLifeDate();
      support = "upstream end of life " + end + (provider.isPresent() ? " (no " + provider.get().title()
          + " dates in the table)" : "");
    }
    boolean supported = !today.isAfter(end);
    String status = supported ? "supported" : "end of life";
    if (!supported) {
      out.fail(cv.resource(), Violation.at(cv.path(), cv.text(), "Kubernetes " + minor + " reached the end of its "
          + "support on " + end + (ps != null ? " (" + provider.get().title() + ")" : "") + ": it receives no "
          + "security patches"));
    } else if (provider.isEmpty() && r.knownPatch() != null && Version.parse(r.knownPatch()).compareTo(cv.version()) > 0) {
      Version known = Version.parse(r.knownPatch());
      status = "behind on patches";
      out.fail(cv.resource(), Violation.at(cv.path(), cv.text(), "Kubernetes " + cv.version() + " is at least "
          + (known.patch() - cv.version().patch()) + " patch release(s) behind " + known).withSeverity(Severity.MEDIUM));
    } else {
      out.pass();
    }
    out.table(new Table("kubernetes-version", "Kubernetes version and support (table as of " + windows.asOf() + ")",
        List.of("component", "version", "read from", "support", "status"),
        List.of(List.of("control plane", cv.text(), cv.source(), support, status))));
    return out.build("");
  }
}
