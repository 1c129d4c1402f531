package dev.kubepci.scan;

import dev.kubepci.collect.cluster.CollectionListener;

/**
 * Hears how a scan's collection progresses, for a progress line or a log: the live collection's events, the snapshot
 * being read, the files read so far. Called from worker threads during a live collection: an implementation must be
 * thread-safe.
 */
public interface ScanListener extends CollectionListener {
  ScanListener NONE = new ScanListener() {};

  /** The snapshot at {@code path} is being read. */
  default void readingSnapshot(String path) {}

  /** {@code sources} files, charts or kustomizations have been read so far. */
  default void sourcesRead(int sources) {}
}
