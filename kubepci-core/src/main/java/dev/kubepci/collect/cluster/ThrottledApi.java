package dev.kubepci.collect.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Every request of a collection goes through here: at most {@code qps} requests per second across all threads, and
 * a bounded number of retries with doubling pauses after timeouts, connection errors, 429 and 5xx answers. Other
 * answers (403, 404, 410 ...) go back to the caller, which knows what they mean for its request.
 */
final class ThrottledApi {
  private static final Set<Integer> RETRIABLE = Set.of(429, 500, 502, 503, 504);
  static final ObjectMapper MAPPER = new ObjectMapper();

  private final ApiServer api;
  private final int retries;
  private final Duration backoff;
  private final CollectionListener listener;
  private final long intervalNanos;
  private final int burst;
  private long nextFree = Long.MIN_VALUE;

  ThrottledApi(ApiServer api, CollectionOptions options, CollectionListener listener) {
    this.api = api;
    this.retries = options.retries();
    this.backoff = options.retryBackoff();
    this.listener = listener;
    this.intervalNanos = options.qps() <= 0 ? 0 : (long) (1_000_000_000L / options.qps());
    this.burst = options.parallelism();
  }

  /** Reads the answer to a request: called once, with the final status and its body. */
  interface BodyReader<T> {
    T read(int status, InputStream body) throws IOException;
  }

  /** The request failed for good: transport errors or retriable statuses on every attempt. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    private final Integer status;

    Failure(Integer status, String message) {
      super(message);
      this.status = status;
    }

    /** The last HTTP status, null when the server never answered. */
    Integer status() {
      return status;
    }
  }

  String server() {
    return api.server();
  }

  <T> T get(String path, String accept, BodyReader<T> reader) throws Failure {
    int attempts = retries + 1;
    String problem = null;
    Integer lastStatus = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        listener.retrying("GET " + path, attempt, attempts, problem);
        pause(backoff.multipliedBy(1L << Math.min(attempt - 2, 10)));
      }
      throttle();
      try (ApiServer.Response response = api.get(path, accept)) {
        if (RETRIABLE.contains(response.status())) {
          lastStatus = response.status();
          problem = statusLine(response.status(), statusMessage(response.body()));
          continue;
        }
        return reader.read(response.status(), response.body());
      } catch (IOException e) {
        lastStatus = null;
        problem = e.getMessage() == null ? e.getClass().getSimpleName() : ClusterTarget.firstLine(e.getMessage());
      }
    }
    throw new Failure(lastStatus, problem + (attempts > 1 ? " (after " + attempts + " attempts)" : ""));
  }

  private void throttle() {
    if (intervalNanos == 0) {
      return;
    }
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long earliest = now - burst * intervalNanos;
      if (nextFree == Long.MIN_VALUE || nextFree < earliest) {
        nextFree = earliest;
      }
      wait = nextFree - now;
      nextFree += intervalNanos;
    }
    if (wait > 0) {
      pause(Duration.ofNanos(wait));
    }
  }

  private static void pause(Duration d) {
    try {
      TimeUnit.NANOSECONDS.sleep(d.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code 403 Forbidden: message}. */
  static String statusLine(int status, String message) {
    return status + " " + reasonPhrase(status) + (message == null || message.isBlank() ? "" : ": " + message);
  }

  private static String reasonPhrase(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 406 -> "Not Acceptable";
      case 410 -> "Gone";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "HTTP";
    };
  }

  /** The {@code message} of a Kubernetes Status body, or null; the body is consumed. */
  static String statusMessage(InputStream body) {
    try {
      byte[] bytes = body.readNBytes(64 * 1024);
      if (bytes.length == 0) {
        return null;
      }
      JsonNode node = MAPPER.readTree(bytes);
      String message = node.path("message").asText(null);
      return message == null ? null : ClusterTarget.firstLine(message);
    } catch (IOException e) {
      return null;
    }
  }
}
