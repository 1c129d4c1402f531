package dev.kubepci.rules;

import dev.kubepci.catalog.Framework;
import dev.kubepci.catalog.FrameworkLoader;
import dev.kubepci.catalog.RuleCatalog;
import dev.kubepci.crossref.CrossReference;
import dev.kubepci.rule.Rule;
import dev.kubepci.rules.admission.AdmissionRules;
import dev.kubepci.rules.auth.AuthRules;
import dev.kubepci.rules.image.ImageRules;
import dev.kubepci.rules.network.NetworkRules;
import dev.kubepci.rules.pki.PkiRules;
import dev.kubepci.rules.platform.PlatformRules;
import dev.kubepci.rules.rbac.RbacRules;
import dev.kubepci.rules.scope.ScopeRules;
import dev.kubepci.rules.secrets.SecretsRules;
import dev.kubepci.rules.workload.WorkloadRules;
import java.util.ArrayList;
import java.util.List;

/** The rules and frameworks that ship with kubepci. Each domain keeps its own sorted list. */
public final class BuiltInRules {
  /** The class-path resource of the PCI container guidance framework. */
  public static final String PCI_FRAMEWORK = "frameworks/pci-container-guidance-1.0.yaml";

  /** The class-path resource of the informative PCI DSS v4.0.1 cross-reference of the framework's practices. */
  public static final String DSS_CROSS_REFERENCE = "frameworks/pci-dss-4.0.1-crossreference.yaml";

  private BuiltInRules() {}

  /** A fresh instance of every built-in rule. */
  public static List<Rule> all() {
    List<Rule> rules = new ArrayList<>();
    rules.addAll(WorkloadRules.all());
    rules.addAll(ImageRules.all());
    rules.addAll(AdmissionRules.all());
    rules.addAll(SecretsRules.all());
    rules.addAll(RbacRules.all());
    rules.addAll(AuthRules.all());
    rules.addAll(PkiRules.all());
    rules.addAll(NetworkRules.all());
    rules.addAll(ScopeRules.all());
    rules.addAll(PlatformRules.all());
    return rules;
  }

  /** Every built-in rule with its texts; an entry of a texts file that no rule claims is an error. */
  public static RuleCatalog catalog() {
    return RuleCatalog.complete(all());
  }

  public static Framework pciFramework() {
    return FrameworkLoader.fromResource(BuiltInRules.class.getClassLoader(), PCI_FRAMEWORK);
  }

  /** The PCI DSS v4.0.1 requirements each practice of {@link #pciFramework()} supports (kubepci's interpretation). */
  public static CrossReference dssCrossReference() {
    return CrossReference.fromResource(BuiltInRules.class.getClassLoader(), DSS_CROSS_REFERENCE);
  }
}
