package dev.kubepci.report.pss;

import dev.kubepci.model.Provenance;
import dev.kubepci.model.ResourceRef;
import dev.kubepci.pss.PodSecurityReview;
import dev.kubepci.report.JsonDocuments;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes a Pod Security review as a JSON array with one element per object that has a pod spec, in input order. */
public final class PssJsonWriter {

  private PssJsonWriter() {}

  public static void write(PodSecurityReview review, OutputStream out) throws IOException {
    JsonDocuments.write(toJson(review), out);
  }

  public static List<PssJson> toJson(PodSecurityReview review) {
    return review.entries().stream().map(e -> new PssJson(
        resource(e.resource().ref(), e.resource().provenance()),
        review.level().label(),
        review.version().toString(),
        e.verdict().allowed(),
        e.verdict().violations().stream()
            .map(v -> new PssJson.Violation(v.check(), v.message(), v.path())).toList()))
        .toList();
  }

  private static PssJson.Resource resource(ResourceRef ref, Provenance p) {
    PssJson.Source source;
    if (p instanceof Provenance.FileSource f) {
      source = new PssJson.Source(f.file(), f.document() > 0 ? f.document() : null, f.line() > 0 ? f.line() : null,
          null, null);
    } else if (p instanceof Provenance.ClusterSource c) {
      source = new PssJson.Source(null, null, null, c.cluster(),
          c.collectedAt() == null ? null : c.collectedAt().toString());
    } else {
      throw new IllegalStateException("a workload is read from a file or a cluster, not " + p.describe());
    }
    return new PssJson.Resource(ref.apiVersion(), ref.kind(), ref.namespace(), ref.name(), ref.uid(),
        ref.resourceVersion(), source);
  }
}
