package dev.kubepci.model;

import java.util.Locale;

/**
 * A container image reference split as the container runtime reads it: {@code [registry/]repository[:tag][@digest]}.
 * The registry is the first component when it looks like a host (has a dot or a colon, or is localhost);
 * otherwise the image comes from Docker Hub.
 */
public record ImageReference(String raw, String registry, String repository, String tag, String digest) {
  public static final String DOCKER_HUB = "docker.io";

  public static ImageReference parse(String image) {
    String rest = image.trim();
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String tag = null;
    int slash = rest.lastIndexOf('/');
    int colon = rest.lastIndexOf(':');
    if (colon > slash) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    String registry = DOCKER_HUB;
    String repository = rest;
    int first = rest.indexOf('/');
    if (first > 0) {
      String head = rest.substring(0, first);
      if (head.contains(".") || head.contains(":") || head.equals("localhost")) {
        registry = head.toLowerCase(Locale.ROOT);
        repository = rest.substring(first + 1);
      }
    }
    if (registry.equals(DOCKER_HUB) && !repository.contains("/")) {
      repository = "library/" + repository;
    }
    return new ImageReference(image, registry, repository, tag, digest);
  }

  /** True when the reference names its registry instead of defaulting to Docker Hub. */
  public boolean explicitRegistry() {
    String r = raw.trim();
    int slash = r.indexOf('/');
    if (slash <= 0) {
      return false;
    }
    String head = r.substring(0, slash);
    return head.contains(".") || head.contains(":") || head.equals("localhost");
  }

  /**
   * The forms policies match images against: the reference as written, and fully qualified with its registry
   * ({@code docker.io/library/nginx:1.27}, also as {@code index.docker.io/...} for Docker Hub).
   */
  public java.util.List<String> matchForms() {
    String suffix = (tag == null ? "" : ":" + tag) + (hasDigest() ? "@" + digest : "");
    java.util.List<String> forms = new java.util.ArrayList<>();
    forms.add(raw.trim());
    forms.add(registry + "/" + repository + suffix);
    if (registry.equals(DOCKER_HUB)) {
      forms.add("index.docker.io/" + repository + suffix);
      if (repository.startsWith("library/")) {
        forms.add("docker.io/" + repository.substring("library/".length()) + suffix);
      }
    }
    return forms;
  }

  /** True when the reference has an {@code @} part, whether or not it is a valid digest (see {@link #pinned()}). */
  public boolean hasDigest() {
    return digest != null && !digest.isEmpty();
  }

  /** True when the reference carries a digest that names one content: see {@link #digestProblem()}. */
  public boolean pinned() {
    return hasDigest() && digestProblem().isEmpty();
  }

  /**
   * Why the {@code @} part is not a digest that pins the image, by the OCI image-spec digest grammar
   * ({@code algorithm:encoded}); empty when it is one, or when there is no {@code @} part. Only the registered
   * algorithms that registries and runtimes verify pin: sha256 (64 lower-case hex characters) and sha512 (128).
   */
  public java.util.Optional<String> digestProblem() {
    if (!hasDigest()) {
      return java.util.Optional.empty();
    }
    int colon = digest.indexOf(':');
    if (colon < 0) {
      return java.util.Optional.of("digest " + digest + " has no algorithm (expected sha256:<64 hex characters>)");
    }
    String algorithm = digest.substring(0, colon);
    String encoded = digest.substring(colon + 1);
    Integer length = HEX_LENGTHS.get(algorithm);
    if (length == null) {
      return java.util.Optional.of("digest algorithm " + (algorithm.isEmpty() ? "(empty)" : algorithm)
          + " is not sha256 or sha512");
    }
    if (!encoded.matches("[0-9a-fA-F]*")) {
      return java.util.Optional.of(algorithm + " digest has characters that are not hexadecimal");
    }
    if (encoded.length() != length) {
      return java.util.Optional.of(algorithm + " digest has " + encoded.length() + " hex characters, not "
          + length);
    }
    if (!encoded.equals(encoded.toLowerCase(Locale.ROOT))) {
      return java.util.Optional.of(algorithm + " digest has upper-case hex, which the digest grammar does not "
          + "allow");
    }
    return java.util.Optional.empty();
  }

  /** Encoded length of each digest algorithm accepted as a pin (OCI image-spec, registered algorithms). */
  private static final java.util.Map<String, Integer> HEX_LENGTHS = java.util.Map.of("sha256", 64, "sha512", 128);
}
