package dev.kubepci.evidence;

import java.util.List;

/**
 * An evidence bundle or key that cannot be used or does not verify; the message says what and where. A bundle whose
 * contents differ from its manifest carries one problem per file: {@link #headline()} and {@link #problems()} give
 * them apart, so that whoever prints them one a line decides where the lines break, never a value from the bundle.
 * Whoever prints a message escapes what it quotes from a bundle (the CLI: {@link dev.kubepci.report.Printable#text}).
 */
public final class EvidenceException extends RuntimeException {
  private final String headline;
  private final List<String> problems;

  public EvidenceException(String message) {
    this(message, List.of(), null);
  }

  public EvidenceException(String message, Throwable cause) {
    this(message, List.of(), cause);
  }

  /** {@code message}, followed by {@code problems}, one an indented line in {@link #getMessage()}. */
  public EvidenceException(String message, List<String> problems) {
    this(message, problems, null);
  }

  private EvidenceException(String message, List<String> problems, Throwable cause) {
    super(problems.isEmpty() ? message : message + "\n  " + String.join("\n  ", problems), cause);
    this.headline = message;
    this.problems = List.copyOf(problems);
  }

  /** The message without its problems. */
  public String headline() {
    return headline;
  }

  /** The problems listed under the headline, one a line; empty for most errors. */
  public List<String> problems() {
    return problems;
  }
}
