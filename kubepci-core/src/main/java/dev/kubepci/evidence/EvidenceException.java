package dev.kubepci.evidence;

/** An evidence bundle or key that cannot be used or does not verify; the message says what and where. */
public final class EvidenceException extends RuntimeException {
  public EvidenceException(String message) {
    super(message);
  }

  public EvidenceException(String message, Throwable cause) {
    super(message, cause);
  }
}
