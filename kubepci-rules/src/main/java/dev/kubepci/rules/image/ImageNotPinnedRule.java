package dev.kubepci.rules.image;

import dev.kubepci.model.ImageReference;
import dev.kubepci.model.Workload;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rule.WorkloadRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Flags images that are not pinned to a digest: no tag, {@code latest}, a tag alone, or an {@code @} part that is
 * not a valid sha256 or sha512 digest.
 */
@RuleInfo(id = "KPCI-0004", name = "image-not-pinned", severity = Severity.HIGH)
public final class ImageNotPinnedRule implements WorkloadRule {
  @Override
  public List<Violation> check(Workload workload, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    for (Workload.ContainerRef c : workload.containers()) {
      String image = c.container().getImage();
      var path = c.path().child("image");
      if (image == null || image.isBlank()) {
        out.add(Violation.at(path, null, c.describe() + " names no image"));
        continue;
      }
      ImageReference ref = ImageReference.parse(image);
      if (ref.pinned()) {
        continue;
      }
      if (ref.hasDigest()) {
        out.add(Violation.at(path, image, c.describe() + " image is not pinned: "
            + ref.digestProblem().orElseThrow()));
        continue;
      }
      if (ref.tag() == null) {
        out.add(Violation.at(path, image, c.describe() + " image has no tag or digest, so it runs whatever latest is"));
      } else if (ref.tag().equals("latest")) {
        out.add(Violation.at(path, image, c.describe() + " image uses the mutable tag latest"));
      } else {
        out.add(Violation.at(path, image, c.describe() + " image is pinned by tag only, not by digest")
            .withSeverity(Severity.MEDIUM));
      }
    }
    return out;
  }
}
