package dev.kubepci.report.pss;

import dev.kubepci.report.Printable;
import dev.kubepci.model.Resource;
import dev.kubepci.pss.PodSecurityReview;
import dev.kubepci.pss.PssVerdict;
import dev.kubepci.pss.PssViolation;
import dev.kubepci.result.ProcessingError;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes a Pod Security review for people: one verdict per object with its source, the offending fields under each
 * denied object, the objects skipped because they carry no pod spec, input errors and a summary line.
 */
public final class PssTerminalWriter {
  private final boolean color;

  public PssTerminalWriter(boolean color) {
    this.color = color;
  }

  public void write(PodSecurityReview review, List<ProcessingError> errors, OutputStream out) throws IOException {
    out.write(render(review, errors).getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  public String render(PodSecurityReview review, List<ProcessingError> errors) {
    StringBuilder sb = new StringBuilder();
    String effective = review.version().effective().equals(review.version())
        ? "" : " (checks of " + review.version().effective() + ")";
    sb.append(bold("Pod Security Standards: " + review.level().label() + ", policy version " + review.version()
        + effective)).append("\n\n");
    for (PodSecurityReview.Entry e : review.entries()) {
      PssVerdict v = e.verdict();
      sb.append(v.allowed() ? paint("32", "ALLOWED ") : paint("31;1", "DENIED  ")).append(' ')
          .append(Printable.text(e.resource().ref().displayName()))
          .append(dim("  (" + Printable.text(e.resource().provenance().describe()) + ")")).append('\n');
      for (PssViolation violation : v.violations()) {
        sb.append("          ").append(Printable.text(violation.message())).append('\n');
        sb.append(dim("            " + violation.check() + " at " + Printable.text(String.valueOf(violation.path())))).append('\n');
      }
    }
    if (review.entries().isEmpty()) {
      sb.append("No object in the input carries a pod spec.\n");
    }
    if (!review.skipped().isEmpty()) {
      Map<String, Long> byKind = review.skipped().stream()
          .collect(Collectors.groupingBy(Resource::kind, TreeMap::new, Collectors.counting()));
      sb.append('\n').append(review.skipped().size())
          .append(review.skipped().size() == 1 ? " object" : " objects").append(" without a pod spec skipped: ")
          .append(byKind.entrySet().stream().map(k -> k.getKey() + " (" + k.getValue() + ")")
              .collect(Collectors.joining(", ")))
          .append('\n');
    }
    if (!errors.isEmpty()) {
      sb.append('\n').append(paint("31", bold("Input errors"))).append(" (").append(errors.size())
          .append("): a document that could not be read was not evaluated\n");
      for (ProcessingError error : errors) {
        sb.append("  ").append(Printable.text(error.describe())).append('\n');
      }
    }
    sb.append('\n').append(bold("Summary: ")).append(review.entries().size())
        .append(review.entries().size() == 1 ? " object" : " objects").append(" evaluated at ")
        .append(review.level().label()).append(" (").append(review.version()).append("): ")
        .append(review.allowedCount()).append(" allowed, ").append(review.deniedCount()).append(" denied; ")
        .append(errors.size()).append(errors.size() == 1 ? " input error" : " input errors").append('\n');
    return sb.toString();
  }

  private String bold(String s) {
    return paint("1", s);
  }

  private String dim(String s) {
    return paint("2", s);
  }

  private String paint(String code, String s) {
    return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }
}
