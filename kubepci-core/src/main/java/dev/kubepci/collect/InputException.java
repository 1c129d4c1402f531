package dev.kubepci.collect;

/** The user's input cannot be used at all (a path that does not exist, no manifests); the message says why. */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }
}
