package dev.kubepci.netpol;

import java.util.List;
import java.util.function.Supplier;

/**
 * What the policies of one pod decide for one direction towards one peer. The sentences for reports are written
 * only when asked for: segmentation rules evaluate hundreds of thousands of verdicts and print a few.
 *
 * @param subject the pod whose policies were evaluated (the destination for ingress, the source for egress)
 * @param enforced false when no policy can apply: the subject uses the node's network or is not a pod
 * @param isolated true when some policy selects the subject for this direction, so that only what the rules allow
 *     passes
 * @param allowed the traffic that passes
 * @param selecting the policies that select the subject for this direction
 * @param steps the rules (and Calico tier ends) that decided some of the traffic, in evaluation order
 * @param summarizer writes the one sentence for reports; called once, when first asked for
 */
public record Verdict(Direction direction, Endpoint subject, boolean enforced, boolean isolated, TrafficSet allowed,
    List<Policy> selecting, List<Step> steps, Supplier<String> summarizer) {
  public Verdict {
    selecting = List.copyOf(selecting);
    steps = List.copyOf(steps);
    summarizer = new Once(summarizer);
  }

  /** One sentence for reports. */
  public String summary() {
    return summarizer.get();
  }

  /** A supplier that asks its source once and keeps the answer. */
  private static final class Once implements Supplier<String> {
    private final Supplier<String> source;
    private String value;

    Once(Supplier<String> source) {
      this.source = source;
    }

    @Override
    public synchronized String get() {
      if (value == null) {
        value = source.get();
      }
      return value;
    }
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
