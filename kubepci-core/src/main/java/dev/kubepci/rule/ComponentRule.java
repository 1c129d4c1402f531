package dev.kubepci.rule;

import java.util.List;

/**
 * A rule about each instance of a control-plane component ({@code Components.of(KUBE_APISERVER, ...)}) or each
 * kubelet configuration ({@code Components.kubelets(...)}). The engine answers NOT_ASSESSED once, in the words of
 * {@link Components#notVisible()}, when none is in the input, so {@link #check} only sees instances.
 *
 * @param <T> {@code ControlPlane.Instance} or the KubeletConfiguration {@code Resource}
 */
public non-sealed interface ComponentRule<T> extends Rule {
  /** Which instances the rule checks, and what to say when none is visible. */
  Components<T> components();

  /** The violations of one instance; empty when it passes. */
  List<Violation> check(T instance, RuleContext context);
}
