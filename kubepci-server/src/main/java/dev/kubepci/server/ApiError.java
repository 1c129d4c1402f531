package dev.kubepci.server;

/**
 * A request the server refuses, with the HTTP status and a message for the caller (one line, no internals). The
 * API answers it as {@code {"status": 400, "error": "..."}}, a page as an error page.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }

  public static ApiError notFound(String message) {
    return new ApiError(404, message);
  }
}
