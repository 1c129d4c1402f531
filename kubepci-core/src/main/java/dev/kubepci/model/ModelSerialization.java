package dev.kubepci.model;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The one way kubepci turns JSON trees into fabric8 models, whatever the source (manifests, dumps, snapshots, a live
 * cluster, generic objects converted to their typed kind).
 *
 * <p>An explicit null reads as the API server reads it (Go's {@code encoding/json}): a null field is the same as an
 * absent one (an ingress rule with {@code from: null} admits every source, a container with {@code resources: null}
 * has no limits), and a null element of a list or value of a map is the element type's zero value (a label
 * {@code app:} with nothing after it has the value "", a list item {@code -} with nothing after it is an empty
 * object). fabric8's default would set the field to null instead, and YAML writes such nulls whenever a key has
 * nothing after it.
 */
public final class ModelSerialization {
  private static final ObjectMapper MAPPER = configure(new ObjectMapper());
  private static final KubernetesSerialization SHARED = new KubernetesSerialization(MAPPER, true);

  private ModelSerialization() {}

  /** The shared serialisation; thread-safe. */
  public static KubernetesSerialization shared() {
    return SHARED;
  }

  /**
   * The mapper behind {@link #shared()}, with fabric8's modules registered: reads a tree straight into a model class,
   * without the copy of the tree a {@code convertValue} to {@code KubernetesResource} makes to find the class.
   */
  public static ObjectMapper sharedMapper() {
    return MAPPER;
  }

  /** A serialisation of its own, configured as {@link #shared()} (for a caller that needs a separate mapper). */
  public static KubernetesSerialization create() {
    return new KubernetesSerialization(configure(new ObjectMapper()), true);
  }

  /**
   * Configures {@code mapper} to read nulls as described above; returns it. Call before the mapper is used (and
   * before fabric8 registers its modules on it).
   */
  public static ObjectMapper configure(ObjectMapper mapper) {
    mapper.setDefaultSetterInfo(JsonSetter.Value.construct(Nulls.SKIP, Nulls.AS_EMPTY));
    return mapper;
  }
}
