package dev.kubepci.admission;

import dev.kubepci.pss.PodSecurityStandards;
import dev.kubepci.pss.PssLevel;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which Pod Security controls (named by their upstream check ids) a custom policy restricts, judged from the pod
 * fields and well-known policy names its body mentions: a Kyverno pattern on {@code securityContext.privileged}, a
 * Gatekeeper {@code K8sPSPHostNamespace} constraint, a Kubewarden {@code pod-privileged} module. This is a reading of
 * the policy's intent, not a proof of its logic: the coverage table says so.
 */
public final class SecurityControls {
  private record Keyword(Pattern pattern, List<String> checks) {}

  private static final List<Keyword> KEYWORDS = List.of(
      kw("privileged(?!-?escalation)|privilegedcontainer|pod-privileged", "privileged"),
      kw("hostnetwork|hostpid|hostipc|hostnamespace|host-namespaces", "hostNamespaces"),
      kw("hostpath|hostfilesystem|hostpaths", "hostPathVolumes"),
      kw("hostport|hostnetworkingports", "hostPorts"),
      kw("capabilities", "capabilities_baseline"),
      kw("requireddropcapabilities|\"drop\"|drop[^a-z]{1,6}all", "capabilities_restricted"),
      kw("apparmor", "appArmorProfile"),
      kw("selinux", "seLinuxOptions"),
      kw("procmount", "procMount"),
      kw("seccomp", "seccompProfile_baseline", "seccompProfile_restricted"),
      kw("sysctl", "sysctls"),
      kw("hostprocess", "windowsHostProcess"),
      kw("allowprivilegeescalation|privilege-escalation|privilegeescalation", "allowPrivilegeEscalation"),
      kw("runasnonroot|allowedusers|user-group|mustrunasnonroot", "runAsNonRoot"),
      kw("runasuser|allowedusers|user-group", "runAsUser"),
      kw("volumetypes|volume-types|volumes-psp|restricted-volumes|restrict-volume|allowedvolumes",
          "restrictedVolumes"));

  private SecurityControls() {}

  private static Keyword kw(String regex, String... checks) {
    return new Keyword(Pattern.compile(regex), List.of(checks));
  }

  /** The check ids whose fields or policy names appear in {@code text}, sorted. */
  public static Set<String> named(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    Set<String> out = new TreeSet<>();
    for (Keyword k : KEYWORDS) {
      if (k.pattern().matcher(lower).find()) {
        out.addAll(k.checks());
      }
    }
    return out;
  }

  /** Every check id of {@code level} at the newest policy version. */
  public static Set<String> ofLevel(PssLevel level) {
    return new TreeSet<>(PodSecurityStandards.checkIds(level));
  }

  /** The level these controls amount to: restricted or baseline when they include all of its checks, else null. */
  public static PssLevel levelOf(Collection<String> controls) {
    if (controls.containsAll(ofLevel(PssLevel.RESTRICTED))) {
      return PssLevel.RESTRICTED;
    }
    if (controls.containsAll(ofLevel(PssLevel.BASELINE))) {
      return PssLevel.BASELINE;
    }
    return null;
  }
}
