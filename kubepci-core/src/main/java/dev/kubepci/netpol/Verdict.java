package dev.kubepci.netpol;

import java.util.List;
import java.util.function.Supplier;

/**
 * What the policies of one pod decide for one direction towards one peer. The sentences for reports are written
 * only when asked for: segmentation rules evaluate hundreds of thousands of verdicts and print a few.
 */
public final class Verdict {
  private final Direction direction;
  private final Endpoint subject;
  private final boolean enforced;
  private final boolean isolated;
  private final TrafficSet allowed;
  private final List<Policy> selecting;
  private final List<Step> steps;
  private final Supplier<String> summary;
  private String summaryText;

  /**
   * @param subject the pod whose policies were evaluated (the destination for ingress, the source for egress)
   * @param enforced false when no policy can apply: the subject uses the node's network or is not a pod
   * @param isolated true when some policy selects the subject for this direction, so that only what the rules allow
   *     passes
   * @param allowed the traffic that passes
   * @param selecting the policies that select the subject for this direction
   * @param steps the rules (and Calico tier ends) that decided some of the traffic, in evaluation order
   * @param summary one sentence for reports, written on demand
   */
  public Verdict(Direction direction, Endpoint subject, boolean enforced, boolean isolated, TrafficSet allowed,
      List<Policy> selecting, List<Step> steps, Supplier<String> summary) {
    this.direction = direction;
    this.subject = subject;
    this.enforced = enforced;
    this.isolated = isolated;
    this.allowed = allowed;
    this.selecting = List.copyOf(selecting);
    this.steps = List.copyOf(steps);
    this.summary = summary;
  }

  public Direction direction() {
    return direction;
  }

  public Endpoint subject() {
    return subject;
  }

  public boolean enforced() {
    return enforced;
  }

  public boolean isolated() {
    return isolated;
  }

  public TrafficSet allowed() {
    return allowed;
  }

  public List<Policy> selecting() {
    return selecting;
  }

  public List<Step> steps() {
    return steps;
  }

  public synchronized String summary() {
    if (summaryText == null) {
      summaryText = summary.get();
    }
    return summaryText;
  }

  /**
   * One decision.
   *
   * @param policy null for a Calico tier end or the namespace profile
   * @param rule null for a Calico tier end or the namespace profile
   * @param covered the traffic this step decided
   */
  public record Step(Policy policy, PolicyRule rule, RuleAction action, TrafficSet covered, String note) {
    /** For reports, e.g. {@code NetworkPolicy/payments/allow-db spec.ingress[0] allows TCP 5432}. */
    public String text() {
      if (note != null) {
        return note.replace("%s", covered.toString());
      }
      return policy.name() + " " + rule.path() + " " + action.verb() + " " + covered;
    }
  }
}
