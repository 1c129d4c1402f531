package dev.kubepci.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The user's configuration file ({@code kubepci.yaml}): the CDE scope and the organisation's own lists that
 * rules cannot guess. Every part is optional; a rule that needs an absent part answers MANUAL, never PASS.
 */
@JsonIgnoreProperties(value = {"$schema"})
public record KubepciConfig(
    @JsonProperty("scope") Scope scope,
    @JsonProperty("trustedRegistries") List<String> trustedRegistries,
    @JsonProperty("highRisk") Selection highRisk) {

  public static final KubepciConfig EMPTY = new KubepciConfig(null, null, null);

  public KubepciConfig {
    trustedRegistries = trustedRegistries == null ? null : List.copyOf(trustedRegistries);
  }

  /** True when the user listed trusted registries (an empty list means "none is trusted"). */
  public boolean hasTrustedRegistries() {
    return trustedRegistries != null;
  }

  /** The cardholder data environment and the systems connected to it. */
  public record Scope(@JsonProperty("cde") Selection cde, @JsonProperty("connected") Selection connected) {}

  /** Namespaces and label selectors ({@code key=value}, {@code key}) that pick a set of objects. */
  public record Selection(
      @JsonProperty("namespaces") List<String> namespaces,
      @JsonProperty("selectors") List<String> selectors) {
    public Selection {
      namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
      selectors = selectors == null ? List.of() : List.copyOf(selectors);
    }

    public boolean isEmpty() {
      return namespaces.isEmpty() && selectors.isEmpty();
    }
  }
}
