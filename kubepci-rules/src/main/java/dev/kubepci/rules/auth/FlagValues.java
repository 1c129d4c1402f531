package dev.kubepci.rules.auth;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.rule.RuleContext;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values of control-plane flags and kubelet configuration fields read as Kubernetes reads them: Go's boolean flag
 * values and Go durations; and a flag a configuration file replaces.
 */
public final class FlagValues {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  private FlagValues() {}

  /** True for the values Go's flag package reads as true. */
  public static boolean isTrue(String value) {
    return value != null && List.of("true", "1", "t").contains(value.trim().toLowerCase(Locale.ROOT));
  }

  /** True for the values Go's flag package reads as false. */
  public static boolean isFalse(String value) {
    return value != null && List.of("false", "0", "f").contains(value.trim().toLowerCase(Locale.ROOT));
  }

  /**
   * True, after saying the instance is undecided, when {@code fileFlag} names a configuration file (an
   * AuthenticationConfiguration, say) that decides in place of the flag the rule reads: the file is not in the input.
   * Call it only when that flag is absent.
   */
  public static boolean decidedInFile(ControlPlane.Instance api, String fileFlag, RuleContext context) {
    Optional<String> file = api.flag(fileFlag);
    file.ifPresent(f -> context.undecided(api.pod().ref().displayName() + " (--" + fileFlag + "=" + f + ")"));
    return file.isPresent();
  }

  /** True when {@code value} is a Go duration above zero and at most {@code limit}. */
  public static boolean isDurationWithin(String value, Duration limit) {
    Optional<Duration> d = duration(value);
    return d.isPresent() && !d.get().isZero() && d.get().compareTo(limit) <= 0;
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
}
