package dev.kubepci.report.reach;

import dev.kubepci.report.Printable;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kubepci.netpol.ReachQuery;
import dev.kubepci.netpol.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link ReachQuery} for people (text) or tools (JSON): per pair of endpoints the verdict, what flows, and
 * the policy rules that decided each direction.
 */
public final class ReachReport {
  private ReachReport() {}

  public static String text(ReachQuery q) {
    StringBuilder sb = new StringBuilder();
    sb.append("Reach from ").append(Printable.text(q.from())).append(" to ").append(Printable.text(q.to()));
    if (q.port() != null) {
      sb.append(" on ").append(Printable.text(String.valueOf(q.port())));
    }
    sb.append('\n');
    sb.append("Network plugin: ").append(q.cni().describe()).append(" (")
        .append(switch (q.cni().enforcement()) {
          case ENFORCES -> "enforces NetworkPolicy";
          case DOES_NOT_ENFORCE -> "does NOT enforce NetworkPolicy";
          case UNKNOWN -> "enforcement unknown";
        }).append("); ").append(q.engine().title()).append(" semantics\n");
    for (ReachQuery.Pair p : q.pairs()) {
      sb.append('\n').append(p.allowed() ? "ALLOWED " : "DENIED  ").append(Printable.text(p.reach().from().display()))
          .append(" -> ").append(Printable.text(p.reach().to().display())).append('\n');
      if (q.port() != null) {
        sb.append("  port: ").append(p.portNumber().map(n -> q.port().protocol() + " " + n)
            .orElse(Printable.text(String.valueOf(q.port())) + " (the destination has no port of that name)")).append('\n');
      }
      sb.append("  flows: ").append(p.reach().allowed()).append('\n');
      verdict(sb, p.reach().egress());
      verdict(sb, p.reach().ingress());
      for (String note : p.reach().notes()) {
        sb.append("  note: ").append(Printable.text(note)).append('\n');
      }
    }
    sb.append('\n').append(q.allowedCount()).append(" of ").append(q.pairs().size())
        .append(q.pairs().size() == 1 ? " flow" : " flows").append(" allowed\n");
    return sb.toString();
  }

  private static void verdict(StringBuilder sb, Verdict v) {
    sb.append("  ").append(v.direction().label()).append(": ").append(Printable.text(v.summary())).append('\n');
    for (Verdict.Step s : v.steps()) {
      sb.append("    - ").append(Printable.text(s.text())).append('\n');
    }
  }

  /** The JSON document: typed records, so that field names are a contract. */
  public static String json(ReachQuery q) {
    List<PairJson> pairs = new ArrayList<>();
    for (ReachQuery.Pair p : q.pairs()) {
      pairs.add(new PairJson(p.reach().from().display(), p.reach().to().display(), p.allowed(),
          p.portNumber().orElse(null), p.reach().allowed().toString(), verdict(p.reach().egress()),
          verdict(p.reach().ingress()), p.reach().notes()));
    }
    List<PluginJson> plugins = q.cni().plugins().stream().map(pl -> new PluginJson(pl.name(),
        pl.enforcement().name(), pl.evidence().ref().displayName())).toList();
    ReachJson doc = new ReachJson(q.from(), q.to(), q.port() == null ? null : q.port().toString(), q.engine().name(),
        new CniJson(q.cni().enforcement().name(), plugins), pairs, q.allowedCount());
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).setSerializationInclusion(
          JsonInclude.Include.ALWAYS).writeValueAsString(doc) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static VerdictJson verdict(Verdict v) {
    List<StepJson> steps = v.steps().stream().map(s -> new StepJson(s.policy() == null ? null : s.policy().name(),
        s.rule() == null ? null : s.rule().path().toString(), s.action().name(), s.covered().toString())).toList();
    return new VerdictJson(v.enforced(), v.isolated(), v.allowed().toString(),
        v.selecting().stream().map(dev.kubepci.netpol.Policy::name).distinct().toList(), steps, v.summary());
  }

  /** The reach document. */
  public record ReachJson(String from, String to, String port, String semantics, CniJson cni, List<PairJson> pairs,
      long allowed) {}

  /** The network plugins found. */
  public record CniJson(String enforcement, List<PluginJson> plugins) {}

  /** One plugin. */
  public record PluginJson(String name, String enforcement, String runsAs) {}

  /** One pair of endpoints. */
  public record PairJson(String from, String to, boolean allowed, Integer port, String flows, VerdictJson egress,
      VerdictJson ingress, List<String> notes) {}

  /** One direction's verdict. */
  public record VerdictJson(boolean enforced, boolean isolated, String allows, List<String> policies,
      List<StepJson> steps, String summary) {}

  /** One deciding rule. */
  public record StepJson(String policy, String rule, String action, String covers) {}
}
