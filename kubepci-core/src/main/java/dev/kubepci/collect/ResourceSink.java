package dev.kubepci.collect;

import dev.kubepci.model.Resource;
import dev.kubepci.result.ProcessingError;

/** Receives objects one at a time as they are read, so that large inputs are never held whole. */
public interface ResourceSink {
  void accept(Resource resource);

  void error(ProcessingError error);
}
