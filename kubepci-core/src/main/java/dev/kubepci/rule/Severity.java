package dev.kubepci.rule;

import java.util.Locale;

/** How much a failing check matters, lowest first; {@code --fail-on} compares against it. */
public enum Severity {
  INFO, LOW, MEDIUM, HIGH, CRITICAL;

  public static Severity parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown severity '" + s + "' (expected info, low, medium, high or critical)");
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
