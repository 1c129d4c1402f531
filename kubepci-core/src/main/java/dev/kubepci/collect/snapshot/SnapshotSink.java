package dev.kubepci.collect.snapshot;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Receives a cluster collection as it happens, in order: the header, every object (as the API returned it, with
 * kind and apiVersion filled in), then the trailer. A live collection and a snapshot being read feed the same sinks,
 * which is what makes an offline scan match the live one.
 */
public interface SnapshotSink {
  void header(SnapshotHeader header);

  void object(ObjectNode object);

  void trailer(SnapshotTrailer trailer);

  /**
   * The objects of {@code kind} in a snapshot being read do not add up to what its trailer claims: the kind's
   * coverage cannot be trusted. Called before {@link #trailer}.
   *
   * @param error where (file and trailer line) and what does not add up
   */
  default void inconsistent(KindReport kind, dev.kubepci.result.ProcessingError error) {}

  /** A sink that hands everything to {@code first}, then to {@code second}: scan live and keep the snapshot. */
  static SnapshotSink both(SnapshotSink first, SnapshotSink second) {
    return new SnapshotSink() {
      @Override
      public void header(SnapshotHeader header) {
        first.header(header);
        second.header(header);
      }

      @Override
      public void object(ObjectNode object) {
        first.object(object);
        second.object(object);
      }

      @Override
      public void trailer(SnapshotTrailer trailer) {
        first.trailer(trailer);
        second.trailer(trailer);
      }

      @Override
      public void inconsistent(KindReport kind, dev.kubepci.result.ProcessingError error) {
        first.inconsistent(kind, error);
        second.inconsistent(kind, error);
      }
    };
  }
}
