package dev.kubepci.rules.admission;

import java.util.Collection;

/** Glob matching with {@code *} (any run of characters) and {@code ?} (one character), as policy engines use it. */
public final class Wildcards {
  private Wildcards() {}

  public static boolean matches(String pattern, String value) {
    return match(pattern, 0, value, 0);
  }

  /** True when any pattern of {@code patterns} matches {@code value}. */
  public static boolean any(Collection<String> patterns, String value) {
    return patterns.stream().anyMatch(p -> matches(p, value));
  }

  private static boolean match(String p, int i, String v, int j) {
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '*') {
        for (int k = j; k <= v.length(); k++) {
          if (match(p, i + 1, v, k)) {
            return true;
          }
        }
        return false;
      }
      if (j >= v.length() || c != '?' && c != v.charAt(j)) {
        return false;
      }
      i++;
      j++;
    }
    return j == v.length();
  }
}
