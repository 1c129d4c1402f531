package dev.kubepci.pss;

import java.util.Locale;

/** The three Pod Security Standards profiles, from least to most restrictive. */
public enum PssLevel {
  PRIVILEGED,
  BASELINE,
  RESTRICTED;

  /**
   * Parses a level name as written in namespace labels ({@code privileged}, {@code baseline},
   * {@code restricted}), ignoring case and surrounding blanks.
   *
   * @throws IllegalArgumentException if the text names no level
   */
  public static PssLevel parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "missing Pod Security level: expected privileged, baseline or restricted");
    }
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    for (PssLevel level : values()) {
      if (level.label().equals(wanted)) {
        return level;
      }
    }
    throw new IllegalArgumentException(
        "unknown Pod Security level \"" + text + "\": expected privileged, baseline or restricted");
  }

  /** The lower-case name used by Kubernetes labels and upstream messages. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a pod admitted at {@code other} is also governed by the checks of this level. */
  boolean includes(PssLevel other) {
    return compareTo(other) >= 0;
  }
}
