package dev.kubepci.rules.image;

import dev.kubepci.model.Glob;
import dev.kubepci.model.ImageReference;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The organisation's trusted image sources from the configuration: a registry host ({@code registry.k8s.io}, with
 * {@code *} wildcards such as {@code *.dkr.ecr.eu-west-1.amazonaws.com}) or a registry and path prefix
 * ({@code quay.io/calico}). Docker Hub is {@code docker.io} whatever alias an image uses.
 */
public final class TrustedRegistries {
  private final List<String> entries;

  public TrustedRegistries(List<String> entries) {
    this.entries = entries.stream().map(TrustedRegistries::normalise).toList();
  }

  /** The entry that trusts {@code image}, or empty when none does. */
  public Optional<String> trusting(ImageReference image) {
    String registry = canonicalRegistry(image.registry());
    String name = registry + "/" + image.repository();
    for (String entry : entries) {
      int slash = entry.indexOf('/');
      String host = slash < 0 ? entry : entry.substring(0, slash);
      if (!hostMatches(host, registry)) {
        continue;
      }
      if (slash < 0) {
        return Optional.of(entry);
      }
      String prefix = registry + entry.substring(slash);
      if (name.equals(prefix) || name.startsWith(prefix + "/")) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  public List<String> entries() {
    return entries;
  }

  /** Docker Hub's aliases as one name. */
  static String canonicalRegistry(String registry) {
    String r = registry.toLowerCase(Locale.ROOT);
    return switch (r) {
      case "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com" -> ImageReference.DOCKER_HUB;
      default -> r;
    };
  }

  private static String normalise(String entry) {
    String e = entry.trim();
    if (e.startsWith("https://") || e.startsWith("http://")) {
      e = e.substring(e.indexOf("://") + 3);
    }
    while (e.endsWith("/") || e.endsWith("*")) {
      e = e.substring(0, e.length() - 1);
    }
    int slash = e.indexOf('/');
    String host = canonicalRegistry(slash < 0 ? e : e.substring(0, slash));
    return slash < 0 ? host : host + e.substring(slash);
  }

  private static boolean hostMatches(String pattern, String host) {
    return Glob.segments(pattern, '/').matches(host);
  }
}
