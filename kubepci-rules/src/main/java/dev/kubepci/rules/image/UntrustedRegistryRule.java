package dev.kubepci.rules.image;

import dev.kubepci.config.TrustedRegistries;
import dev.kubepci.model.ImageReference;
import dev.kubepci.model.Workload;
import dev.kubepci.rule.ContainerRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Flags containers (init and ephemeral included) whose image comes from a registry, or registry path, that the
 * configuration's {@code trustedRegistries} does not list. Without that list the rule cannot decide and asks for it.
 */
@RuleInfo(id = "KPCI-0110", name = "image-registry-untrusted", severity = Severity.HIGH)
public final class UntrustedRegistryRule implements ContainerRule {
  @Override
  public Optional<Outcome> precheck(RuleContext context) {
    if (!context.config().hasTrustedRegistries()) {
      return Optional.of(Outcome.manual("no trusted registries are configured: which registries are trusted "
          + "sources for the images running in this cluster? List them under trustedRegistries in kubepci.yaml"));
    }
    return Optional.empty();
  }

  @Override
  public List<Violation> check(Workload.ContainerRef c, Workload workload, RuleContext context) {
    String image = c.container().getImage();
    if (image == null || image.isBlank()) {
      return List.of(); // an image-less container is reported by KPCI-0004
    }
    ImageReference ref = ImageReference.parse(image);
    TrustedRegistries trusted = Objects.requireNonNull(context.config().trustedRegistries(), "precheck: listed");
    if (trusted.trusting(ref).isPresent()) {
      return List.of();
    }
    String registry = TrustedRegistries.canonicalRegistry(ref.registry());
    String implied = ref.explicitRegistry() ? "" : " (Docker Hub, implied by the short name)";
    return List.of(Violation.at(c.path().child("image"), image, c.describe() + " image comes from " + registry
        + implied + ", which is not a trusted registry"));
  }
}
