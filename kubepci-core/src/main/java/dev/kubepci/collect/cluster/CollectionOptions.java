package dev.kubepci.collect.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard the collector may press the API server.
 *
 * @param pageSize objects per LIST request ({@code limit}); the API server pages with {@code continue}
 * @param parallelism kinds listed at the same time
 * @param qps requests per second at most, across all kinds; 0 for no limit
 * @param requestTimeout how long one request may take
 * @param retries further attempts after a timeout, a connection error, 429 or a 5xx answer
 * @param retryBackoff the pause before the first retry; it doubles with every further one
 * @param maxPages pages listed of one resource at most: a server that never stops paging is not followed forever
 */
public record CollectionOptions(int pageSize, int parallelism, double qps, Duration requestTimeout, int retries,
    Duration retryBackoff, int maxPages) {

  /** Pages per resource at most: 10,000 pages of 500 are 5 million objects, far beyond any cluster. */
  public static final int MAX_PAGES = 10_000;

  public static final CollectionOptions DEFAULTS =
      new CollectionOptions(500, 4, 20, Duration.ofSeconds(60), 3, Duration.ofMillis(500));

  /** Options with the default page limit, {@link #MAX_PAGES}. */
  public CollectionOptions(int pageSize, int parallelism, double qps, Duration requestTimeout, int retries,
      Duration retryBackoff) {
    this(pageSize, parallelism, qps, requestTimeout, retries, retryBackoff, MAX_PAGES);
  }

  public CollectionOptions {
    if (maxPages < 1) {
      throw new IllegalArgumentException("the page limit must be at least 1, not " + maxPages);
    }
    if (pageSize < 1) {
      throw new IllegalArgumentException("--page-size must be at least 1, not " + pageSize);
    }
    if (parallelism < 1 || parallelism > 64) {
      throw new IllegalArgumentException("--parallel must be between 1 and 64, not " + parallelism);
    }
    if (qps < 0 || Double.isNaN(qps)) {
      throw new IllegalArgumentException("--qps must be 0 (no limit) or more, not " + qps);
    }
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("--request-timeout must be positive");
    }
    if (retries < 0 || retries > 20) {
      throw new IllegalArgumentException("--retries must be between 0 and 20, not " + retries);
    }
    Objects.requireNonNull(retryBackoff, "retryBackoff");
  }
}
