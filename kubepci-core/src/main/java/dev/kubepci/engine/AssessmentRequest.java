package dev.kubepci.engine;

import dev.kubepci.catalog.Framework;
import dev.kubepci.catalog.RuleCatalog;
import dev.kubepci.catalog.RuleDescriptor;
import dev.kubepci.config.KubepciConfig;
import dev.kubepci.secrets.RedactionKey;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Everything an assessment needs besides the objects: the framework, the catalogue and the rules selected from
 * it, the user's configuration, and the clock.
 *
 * @param selected the rules to run, a subset of the catalogue; the others are reported NOT_ASSESSED
 * @param inputs how the input is named in reports (paths given, or the cluster)
 * @param redactionKey the key of the fingerprints that stand for secret values (see {@link RedactionKey})
 */
public record AssessmentRequest(
    Framework framework, RuleCatalog catalog, List<RuleDescriptor> selected, KubepciConfig config, Clock clock,
    String toolVersion, List<String> inputs, RedactionKey redactionKey) {

  public AssessmentRequest {
    Objects.requireNonNull(framework, "framework");
    Objects.requireNonNull(catalog, "catalog");
    selected = List.copyOf(selected);
    config = config == null ? KubepciConfig.EMPTY : config;
    Objects.requireNonNull(clock, "clock");
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(redactionKey, "redactionKey");
  }

  /** A request whose secret fingerprints use a random key: they match within this assessment only. */
  public AssessmentRequest(Framework framework, RuleCatalog catalog, List<RuleDescriptor> selected,
      KubepciConfig config, Clock clock, String toolVersion, List<String> inputs) {
    this(framework, catalog, selected, config, clock, toolVersion, inputs, RedactionKey.random());
  }
}
