package dev.kubepci.model;

/**
 * Input values as evidence shows them: a report grows with its findings, not with the size of the values in the
 * input, so a value too long to read is cut, and says how long it was.
 */
public final class EvidenceText {
  /** The longest value a finding or a table cell shows whole. */
  public static final int MAX_VALUE = 1024;

  private EvidenceText() {}

  /** The first line of a message, stripped, or {@code unknown error} for none: errors are one line. */
  public static String firstLine(String s) {
    return s == null ? "unknown error" : s.strip().lines().findFirst().orElse("");
  }

  /** {@code s} when at most {@code max} characters long, else its start, an ellipsis and its length. */
  public static String cut(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int keep = max - 32;
    if (Character.isHighSurrogate(s.charAt(keep - 1))) {
      keep--;
    }
    return s.substring(0, keep) + "… (" + s.length() + " characters)";
  }
}
