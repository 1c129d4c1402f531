package dev.kubepci.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kubepci.waiver.Attestation;
import dev.kubepci.waiver.Waiver;
import java.util.List;

/** A file of governance records given with {@code --waivers} or {@code --attestations}. */
public record GovernanceFile(
    @JsonProperty("waivers") List<Waiver> waivers,
    @JsonProperty("attestations") List<Attestation> attestations) {
  public GovernanceFile {
    waivers = waivers == null ? List.of() : List.copyOf(waivers);
    attestations = attestations == null ? List.of() : List.copyOf(attestations);
  }
}
