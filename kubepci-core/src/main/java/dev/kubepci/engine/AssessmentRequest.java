package dev.kubepci.engine;

import dev.kubepci.catalog.Framework;
import dev.kubepci.catalog.RuleCatalog;
import dev.kubepci.catalog.RuleDescriptor;
import dev.kubepci.config.KubepciConfig;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Everything an assessment needs besides the objects: the framework, the catalogue and the rules selected from
 * it, the user's configuration, and the clock.
 *
 * @param selected the rules to run, a subset of the catalogue; the others are reported NOT_ASSESSED
 * @param inputs how the input is named in reports (paths given, or the cluster)
 */
public record AssessmentRequest(
    Framework framework, RuleCatalog catalog, List<RuleDescriptor> selected, KubepciConfig config, Clock clock,
    String toolVersion, List<String> inputs) {

  public AssessmentRequest {
    Objects.requireNonNull(framework, "framework");
    Objects.requireNonNull(catalog, "catalog");
    selected = List.copyOf(selected);
    config = config == null ? KubepciConfig.EMPTY : config;
    Objects.requireNonNull(clock, "clock");
    inputs = List.copyOf(inputs);
  }
}
