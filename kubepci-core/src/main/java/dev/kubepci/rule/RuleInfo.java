package dev.kubepci.rule;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the code needs to know of a rule, on the rule class itself; validated by the catalogue. Its prose (title,
 * rationale, remediation, references) is in the {@code rules.yaml} of the class's package, keyed by {@link #id()}
 * ({@link dev.kubepci.catalog.RuleTexts}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  /** Permanent id, {@code KPCI-NNNN}, never reused. */
  String id();

  /** What users type: lower-case words joined by hyphens. */
  String name();

  Severity severity();

  /**
   * The kinds the rule reads (e.g. {@code Pod}, {@code ClusterRoleBinding}, {@code kyverno.io/ClusterPolicy}).
   * A live collection lists exactly these; a kind the collector could not read makes the rule NOT_ASSESSED. A
   * {@link WorkloadRule} reads {@link WorkloadRule#KINDS} besides these and names only the others; a {@link
   * ComponentRule} reads the kinds of its instances ({@link Components#reads()}) after these.
   */
  String[] reads() default {};

  /**
   * True for a rule that is not a {@link WorkloadRule} but reads the workloads too (to join them with policies,
   * reports or namespaces): it reads {@link WorkloadRule#KINDS} after {@link #reads()} without naming them.
   */
  boolean readsWorkloads() default false;

  /**
   * True for a rule that evaluates network policies: it reads the kinds of the policy model
   * ({@link dev.kubepci.netpol.NetworkPolicies#KINDS}) before {@link #reads()} without naming them.
   */
  boolean readsNetworkPolicies() default false;
}
