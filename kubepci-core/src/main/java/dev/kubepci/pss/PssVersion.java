package dev.kubepci.pss;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Pod Security Standards policy version: {@code v1.N}, or {@code latest}.
 *
 * <p>{@link #LATEST} is kept distinct from the newest numbered version so that it prints as
 * {@code latest} and sorts above every numbered version, as upstream's {@code api.Version} does.
 * Any version newer than {@link #NEWEST_KNOWN}, including {@code latest}, is evaluated with the
 * checks of {@link #NEWEST_KNOWN} (upstream clamps to the newest registered check revision).
 */
public record PssVersion(int minor) implements Comparable<PssVersion> {

  /**
   * The newest policy version whose checks this library knows. This is the single place to move
   * when upstream registers a newer check revision.
   */
  private static final int NEWEST_KNOWN_MINOR = 37;

  private static final int LATEST_MINOR = Integer.MAX_VALUE;
  private static final Pattern NUMBERED = Pattern.compile("v?1\\.(0|[1-9][0-9]{0,8})");

  /** The newest policy version whose checks are known: {@code v1.37}. */
  public static final PssVersion NEWEST_KNOWN = new PssVersion(NEWEST_KNOWN_MINOR);

  /** {@code latest}: always evaluated with the newest known checks. */
  public static final PssVersion LATEST = new PssVersion(LATEST_MINOR);

  public PssVersion {
    if (minor < 0) {
      throw new IllegalArgumentException("policy version minor must not be negative: " + minor);
    }
  }

  /** A numbered version {@code v1.minor}. */
  public static PssVersion of(int minor) {
    return new PssVersion(minor);
  }

  /**
   * Parses {@code latest} (any case) or {@code v1.N}; the leading {@code v} may be omitted.
   *
   * @throws IllegalArgumentException if the text is neither
   */
  public static PssVersion parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "missing Pod Security version: expected \"latest\" or \"v1.<minor>\" such as v1.25");
    }
    String trimmed = text.strip();
    if (trimmed.toLowerCase(Locale.ROOT).equals("latest")) {
      return LATEST;
    }
    Matcher matcher = NUMBERED.matcher(trimmed);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "invalid Pod Security version \"" + text
              + "\": expected \"latest\" or \"v1.<minor>\" such as v1.25");
    }
    return new PssVersion(Integer.parseInt(matcher.group(1)));
  }

  public boolean isLatest() {
    return minor == LATEST_MINOR;
  }

  /** The version whose checks apply: this one, or {@link #NEWEST_KNOWN} when this is newer. */
  public PssVersion effective() {
    return minor > NEWEST_KNOWN_MINOR ? NEWEST_KNOWN : this;
  }

  @Override
  public int compareTo(PssVersion other) {
    return Integer.compare(minor, other.minor);
  }

  @Override
  public String toString() {
    return isLatest() ? "latest" : "v1." + minor;
  }
}
