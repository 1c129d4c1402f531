package dev.kubepci.store;

/**
 * The store could not do what was asked: a bad store URL, a database that cannot be reached, a report that is not
 * a kubepci JSON report. The message is one line for people, never a stack trace; it names the store with any
 * password left out.
 */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** No assessment has the id asked for. */
  public static final class UnknownAssessment extends StoreException {
    private static final long serialVersionUID = 1L;

    public UnknownAssessment(long id) {
      super("no stored assessment has the id " + id + " (kubepci history lists them)");
    }
  }

  /** The report given to the store is not a kubepci JSON report; nothing was stored. */
  public static final class BadReport extends StoreException {
    private static final long serialVersionUID = 1L;

    public BadReport(String message) {
      super(message);
    }
  }
}
