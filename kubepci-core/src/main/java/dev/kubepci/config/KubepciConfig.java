package dev.kubepci.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kubepci.waiver.Attestation;
import dev.kubepci.waiver.Waiver;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's configuration file ({@code kubepci.yaml}): the CDE scope and the organisation's own lists that
 * rules cannot guess, and the governance records an assessment applies: waivers (accepted risks) and
 * attestations (an assessor's verdicts on manual practices). Every part is optional; a rule that needs an absent
 * part answers MANUAL, never PASS.
 */
@JsonIgnoreProperties(value = {"$schema"})
public record KubepciConfig(
    @JsonProperty("scope") Scope scope,
    @JsonProperty("trustedRegistries") TrustedRegistries trustedRegistries,
    @JsonProperty("highRisk") Selection highRisk,
    @JsonProperty("waivers") List<Waiver> waivers,
    @JsonProperty("attestations") List<Attestation> attestations) {

  public static final KubepciConfig EMPTY = new KubepciConfig(null, null, null);

  public KubepciConfig {
    waivers = waivers == null ? List.of() : List.copyOf(waivers);
    attestations = attestations == null ? List.of() : List.copyOf(attestations);
  }

  /**
   * A configuration without waivers or attestations.
   *
   * @param trustedRegistries the entries of {@code trustedRegistries}, or null when the list is not given
   * @throws IllegalArgumentException when an entry names no registry ({@link TrustedRegistries#of})
   */
  public KubepciConfig(Scope scope, List<String> trustedRegistries, Selection highRisk) {
    this(scope, trustedRegistries == null ? null : TrustedRegistries.of(trustedRegistries), highRisk, null, null);
  }

  /** True when the user listed trusted registries (an empty list means "none is trusted"). */
  public boolean hasTrustedRegistries() {
    return trustedRegistries != null;
  }

  /** This configuration with more waivers and attestations (from {@code --waivers}/{@code --attestations} files). */
  public KubepciConfig plus(List<Waiver> moreWaivers, List<Attestation> moreAttestations) {
    List<Waiver> w = new ArrayList<>(waivers);
    w.addAll(moreWaivers);
    List<Attestation> a = new ArrayList<>(attestations);
    a.addAll(moreAttestations);
    return new KubepciConfig(scope, trustedRegistries, highRisk, w, a);
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
