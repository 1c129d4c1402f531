package dev.kubepci.rules.image;

import dev.kubepci.model.ImageReference;
import dev.kubepci.model.Workload;
import dev.kubepci.rule.ContainerRule;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import java.util.List;

/**
 * Flags images that are not pinned to a digest: no tag, {@code latest}, a tag alone, or an {@code @} part that is
 * not a valid sha256 or sha512 digest.
 */
@RuleInfo(id = "KPCI-0004", name = "image-not-pinned", severity = Severity.HIGH)
public final class ImageNotPinnedRule implements ContainerRule {
  @Override
  public List<Violation> check(Workload.ContainerRef c, Workload workload, RuleContext context) {
    String image = c.container().getImage();
    var path = c.path().child("image");
    if (image == null || image.isBlank()) {
      return List.of(Violation.at(path, null, c.describe() + " names no image"));
    }
    ImageReference ref = ImageReference.parse(image);
    if (ref.pinned()) {
      return List.of();
    }
    if (ref.hasDigest()) {
      return List.of(Violation.at(path, image, c.describe() + " image is not pinned: "
          + ref.digestProblem().orElseThrow()));
    }
    if (ref.tag() == null) {
      return List.of(Violation.at(path, image, c.describe() + " image has no tag or digest, so it runs whatever "
          + "latest is"));
    }
    if (ref.tag().equals("latest")) {
      return List.of(Violation.at(path, image, c.describe() + " image uses the mutable tag latest"));
    }
    return List.of(Violation.at(path, image, c.describe() + " image is pinned by tag only, not by digest")
        .withSeverity(Severity.MEDIUM));
  }
}
