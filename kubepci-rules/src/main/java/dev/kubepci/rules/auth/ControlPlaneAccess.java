package dev.kubepci.rules.auth;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.ManagedProvider;
import dev.kubepci.model.Resource;
import dev.kubepci.rule.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the control-plane and kubelet checks share: deciding that a component cannot be seen (a managed provider
 * runs it, or its manifests are not in the input) and saying what evidence to collect instead, and reading the
 * values of flags and configuration fields as Kubernetes parses them.
 */
public final class ControlPlaneAccess {
  /** The reason when neither control plane nor managed provider is visible. */
  public static final String NOT_IN_INPUT = "control-plane manifests or mirror pods not in the input";

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  private ControlPlaneAccess() {}

  /**
   * NOT_ASSESSED when {@code component} is not visible: on a managed cluster naming what to collect from the
   * provider ({@code managedEvidence}, with the provider's describe command), otherwise saying the manifests are
   * missing. Empty when the component is visible.
   *
   * @param managedEvidence per provider, the setting or API that shows the same control on that service
   */
  public static Optional<Outcome> unavailable(Inventory inventory, ControlPlane.Component component,
      Map<ManagedProvider, String> managedEvidence) {
    if (!ControlPlane.of(inventory).instances(component).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(notVisible(inventory, component.binary(), managedEvidence));
  }

  /** NOT_ASSESSED when no KubeletConfiguration is in the input, naming what to collect; empty otherwise. */
  public static Optional<Outcome> kubeletUnavailable(Inventory inventory, String field) {
    if (!ControlPlane.of(inventory).kubeletConfigs().isEmpty()) {
      return Optional.empty();
    }
    Optional<ManagedProvider> provider = ManagedProvider.of(inventory);
    String collect = "collect each node's kubelet configuration (/var/lib/kubelet/config.yaml, or `kubectl get --raw "
        + "/api/v1/nodes/<node>/proxy/configz`) showing " + field;
    if (provider.isPresent()) {
      return Optional.of(Outcome.notAssessed(provider.get().title() + " manages the node configuration and no "
          + "KubeletConfiguration is in the input: " + collect));
    }
    return Optional.of(Outcome.notAssessed("no KubeletConfiguration in the input: " + collect));
  }

  /** The NOT_ASSESSED outcome for a component that cannot be seen. */
  public static Outcome notVisible(Inventory inventory, String component, Map<ManagedProvider, String> managedEvidence) {
    Optional<ManagedProvider> provider = ManagedProvider.of(inventory);
    if (provider.isPresent()) {
      ManagedProvider p = provider.get();
      String what = managedEvidence.getOrDefault(p, "the provider's documentation of the " + component + " settings");
      return Outcome.notAssessed(p.title() + " runs the control plane, so " + component + " is not visible: collect "
          + what + " (" + p.describeCommand() + ")");
    }
    return Outcome.notAssessed(NOT_IN_INPUT + " (" + component + ")");
  }

  /** True for the values Go's flag package reads as true. */
  public static boolean isTrue(String value) {
    return value != null && List.of("true", "1", "t").contains(value.trim().toLowerCase(Locale.ROOT));
  }

  /** True for the values Go's flag package reads as false. */
  public static boolean isFalse(String value) {
    return value != null && List.of("false", "0", "f").contains(value.trim().toLowerCase(Locale.ROOT));
  }

  /** A Go duration such as {@code 8760h}, {@code 1h30m} or {@code 3600s}; empty when it is not one. */
  public static Optional<Duration> duration(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    if (v.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    Matcher m = DURATION.matcher(v);
    int pos = 0;
    double nanos = 0;
    while (m.find()) {
      if (m.start() != pos) {
        return Optional.empty();
      }
      double n = Double.parseDouble(m.group(1));
      nanos += n * switch (m.group(2)) {
        case "ns" -> 1d;
        case "us", "µs" -> 1e3;
        case "ms" -> 1e6;
        case "s" -> 1e9;
        case "m" -> 60e9;
        default -> 3600e9;
      };
      pos = m.end();
    }
    return pos == v.length() && pos > 0 ? Optional.of(Duration.ofNanos((long) nanos)) : Optional.empty();
  }

  /** {@code 8760h} style text for a duration, as the flags write it. */
  public static String hours(Duration d) {
    long h = d.toHours();
    return d.equals(Duration.ofHours(h)) ? h + "h" : d.toString();
  }

  /** A field of a KubeletConfiguration, or empty. */
  public static Optional<Object> kubeletField(Resource config, String... path) {
    return config.field(path);
  }
}
