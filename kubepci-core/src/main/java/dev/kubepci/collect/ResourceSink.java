package dev.kubepci.collect;

import dev.kubepci.model.Resource;
import dev.kubepci.result.ProcessingError;

/** Receives objects one at a time as they are read, so that large inputs are never held whole. */
public interface ResourceSink {
  void accept(Resource resource);

  void error(ProcessingError error);

  /**
   * A document that is not a Kubernetes object (neither apiVersion nor kind: Helm values, a compose file, kubepci's
   * own configuration) was passed over; {@code why} says what it is. Not an error: such files sit next to manifests.
   */
  default void skipped(ProcessingError why) {
    // sinks that do not report what they passed over
  }
}
