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
}
