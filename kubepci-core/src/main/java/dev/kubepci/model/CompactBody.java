package dev.kubepci.model;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The full object of a {@linkplain Resource#compact compact resource}, kept encoded rather than as a graph of model
 * objects and decoded whenever a rule needs it. Bulk kinds (Pods, ReplicaSets, Events, ConfigMaps ...) are kept this
 * way so that a large cluster fits in a small heap; a decoded object equals the one first read.
 */
public interface CompactBody {
  /** The object, decoded again (or taken from a small cache of recently decoded objects). */
  HasMetadata decode();

  /** Bytes the encoded object takes. */
  int encodedSize();
}
