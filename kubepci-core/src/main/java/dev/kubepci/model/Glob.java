package dev.kubepci.model;

import java.util.Arrays;
import java.util.Collection;

/**
 * A wildcard pattern as waivers, policy engines and image policies write them: {@code ?} is one character,
 * {@code *} any run of characters. In a {@link #segments segment pattern} a single {@code *} stops at the
 * separator and {@code **} crosses it.
 *
 * <p>Matching follows every pattern position at once (an automaton without backtracking), so it takes time
 * proportional to the pattern length times the value length whatever the pattern holds: a waiver name of thirty
 * {@code *} against a long name costs microseconds, where a regular expression or a recursive matcher takes
 * exponential time. Every glob of kubepci goes through this class.
 */
public final class Glob {
  private static final byte LITERAL = 0;
  private static final byte ONE = 1;
  private static final byte ANY_RUN = 2;
  private static final byte SEGMENT_RUN = 3;
  private static final char NO_SEPARATOR = '\uFFFF';

  private final String pattern;
  private final byte[] kinds;
  private final char[] literals;
  private final char separator;
  private final boolean plain;

  private Glob(String pattern, char separator, boolean segmentStars) {
    this.pattern = pattern;
    this.separator = separator;
    byte[] k = new byte[pattern.length()];
    char[] l = new char[pattern.length()];
    int n = 0;
    boolean wild = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        boolean twice = i + 1 < pattern.length() && pattern.charAt(i + 1) == '*';
        byte kind = segmentStars && !twice ? SEGMENT_RUN : ANY_RUN;
        if (segmentStars && twice) {
          i++;
        }
        wild = true;
        // runs in a row add nothing: a*** is a*; a segment run after an any run (or before it) is absorbed by it
        if (n > 0 && (k[n - 1] == ANY_RUN || k[n - 1] == SEGMENT_RUN)) {
          if (kind == ANY_RUN) {
            k[n - 1] = ANY_RUN;
          }
          continue;
        }
        k[n++] = kind;
      } else if (c == '?') {
        wild = true;
        k[n++] = ONE;
      } else {
        k[n] = LITERAL;
        l[n++] = c;
      }
    }
    this.kinds = Arrays.copyOf(k, n);
    this.literals = Arrays.copyOf(l, n);
    this.plain = !wild;
  }

  /** {@code *} any run of characters, {@code ?} one character. */
  public static Glob of(String pattern) {
    return new Glob(pattern, NO_SEPARATOR, false);
  }

  /** {@code *} any run of characters other than {@code separator}, {@code **} any run, {@code ?} one character. */
  public static Glob segments(String pattern, char separator) {
    return new Glob(pattern, separator, true);
  }

  /** True when {@code pattern} matches all of {@code value}; see {@link #of}. */
  public static boolean matches(String pattern, String value) {
    return of(pattern).matches(value);
  }

  /** True when any of {@code patterns} matches all of {@code value}; see {@link #of}. */
  public static boolean matchesAny(Collection<String> patterns, String value) {
    for (String p : patterns) {
      if (matches(p, value)) {
        return true;
      }
    }
    return false;
  }

  public String pattern() {
    return pattern;
  }

  /** True when the pattern matches all of {@code value}. */
  public boolean matches(String value) {
    if (plain) {
      return pattern.equals(value);
    }
    int n = kinds.length;
    boolean[] current = new boolean[n + 1];
    boolean[] next = new boolean[n + 1];
    current[0] = true;
    close(current);
    for (int j = 0; j < value.length(); j++) {
      char c = value.charAt(j);
      Arrays.fill(next, false);
      boolean alive = false;
      for (int i = 0; i < n; i++) {
        if (!current[i]) {
          continue;
        }
        switch (kinds[i]) {
          case LITERAL -> {
            if (literals[i] == c) {
              next[i + 1] = true;
              alive = true;
            }
          }
          case ONE -> {
            next[i + 1] = true;
            alive = true;
          }
          case ANY_RUN -> {
            next[i] = true;
            alive = true;
          }
          default -> {
            if (c != separator) {
              next[i] = true;
              alive = true;
            }
          }
        }
      }
      if (!alive) {
        return false;
      }
      close(next);
      boolean[] t = current;
      current = next;
      next = t;
    }
    return current[n];
  }

  /** A run may match nothing: a live position before a run makes the position after it live too. */
  private void close(boolean[] live) {
    for (int i = 0; i < kinds.length; i++) {
      if (live[i] && kinds[i] >= ANY_RUN) {
        live[i + 1] = true;
      }
    }
  }

  @Override
  public String toString() {
    return pattern;
  }
}
