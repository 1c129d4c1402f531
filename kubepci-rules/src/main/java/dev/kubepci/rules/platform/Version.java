package dev.kubepci.rules.platform;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version as Kubernetes components print it ({@code v1.31.4}, {@code v1.30.2-eks-1552ad0}, {@code 1.7.24},
 * {@code containerd://1.7.24}), reduced to major, minor and patch.
 */
record Version(int major, int minor, int patch) implements Comparable<Version> {
  private static final Pattern FORM = Pattern.compile("(?:^|[^0-9])v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

  static Version parse(String text) {
    return find(text).orElseThrow(() -> new IllegalArgumentException("not a version: " + text));
  }

  static Optional<Version> find(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
  }

  String minorText() {
    return major + "." + minor;
  }

  @Override
  public int compareTo(Version o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    return c != 0 ? c : Integer.compare(patch, o.patch);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
