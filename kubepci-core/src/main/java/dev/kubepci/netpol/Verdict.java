package dev.kubepci.netpol;

import java.util.List;

/**
 * What the policies of one pod decide for one direction towards one peer.
 *
 * @param subject the pod whose policies were evaluated (the destination for ingress, the source for egress)
 * @param enforced false when no policy can apply: the subject uses the node's network or is not a pod
 * @param isolated true when some policy selects the subject for this direction, so that only what the rules allow
 *     passes
 * @param allowed the traffic that passes
 * @param selecting the policies that select the subject for this direction
 * @param steps the rules (and Calico tier ends) that decided some of the traffic, in evaluation order
 * @param summary one sentence for reports
 */
public record Verdict(
    Direction direction, Endpoint subject, boolean enforced, boolean isolated, TrafficSet allowed,
    List<Policy> selecting, List<Step> steps, String summary) {

  /**
   * One decision.
   *
   * @param policy null for a Calico tier end or the namespace profile
   * @param rule null for a Calico tier end or the namespace profile
   * @param covered the traffic this step decided
   * @param text for reports, e.g. {@code NetworkPolicy/payments/allow-db spec.ingress[0] allows TCP 5432}
   */
  public record Step(Policy policy, PolicyRule rule, RuleAction action, TrafficSet covered, String text) {}

  public Verdict {
    selecting = List.copyOf(selecting);
    steps = List.copyOf(steps);
  }
}
