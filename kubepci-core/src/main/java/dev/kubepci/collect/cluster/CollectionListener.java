package dev.kubepci.collect.cluster;

import dev.kubepci.collect.snapshot.KindReport;
import java.util.List;

/**
 * Hears how a collection progresses, for a progress line or a log. Called from the collector's worker threads: an
 * implementation must be thread-safe.
 */
public interface CollectionListener {
  CollectionListener NONE = new CollectionListener() {};

  /** Discovery is done; these kinds will be listed (or reported as not served). */
  default void planned(List<String> reads) {}

  /** A page of {@code read} arrived; {@code objects} so far. */
  default void listing(String read, int objects) {}

  /** {@code read} is done, one way or another. */
  default void finished(KindReport report) {}

  /** A request failed in a way worth another try; {@code attempt} is the one about to start. */
  default void retrying(String request, int attempt, int attempts, String problem) {}
}
