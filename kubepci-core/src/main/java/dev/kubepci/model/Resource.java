package dev.kubepci.model;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Kubernetes object as kubepci read it: the fabric8 model (typed for built-in kinds,
 * {@link GenericKubernetesResource} for CRDs and unknown kinds) and where it came from.
 */
public final class Resource {
  private final HasMetadata object;
  private final Provenance provenance;
  private final ResourceRef ref;

  public Resource(HasMetadata object, Provenance provenance) {
    this.object = Objects.requireNonNull(object, "object");
    this.provenance = Objects.requireNonNull(provenance, "provenance");
    ObjectMeta meta = object.getMetadata() == null ? new ObjectMeta() : object.getMetadata();
    this.ref = new ResourceRef(
        object.getApiVersion(),
        object.getKind(),
        meta.getNamespace() == null || meta.getNamespace().isEmpty() ? null : meta.getNamespace(),
        meta.getName(),
        provenance.isFile() ? null : meta.getUid(),
        provenance.isFile() ? null : meta.getResourceVersion());
  }

  public HasMetadata object() {
    return object;
  }

  public Provenance provenance() {
    return provenance;
  }

  public ResourceRef ref() {
    return ref;
  }

  public String kind() {
    return ref.kind();
  }

  public String apiVersion() {
    return ref.apiVersion();
  }

  public String group() {
    return ref.group();
  }

  /** Null for cluster-scoped objects. */
  public String namespace() {
    return ref.namespace();
  }

  public String name() {
    return ref.name();
  }

  public ObjectMeta metadata() {
    return object.getMetadata() == null ? new ObjectMeta() : object.getMetadata();
  }

  public Map<String, String> labels() {
    Map<String, String> labels = metadata().getLabels();
    return labels == null ? Map.of() : labels;
  }

  public Map<String, String> annotations() {
    Map<String, String> annotations = metadata().getAnnotations();
    return annotations == null ? Map.of() : annotations;
  }

  /** True when this is {@code kind} of the given API group ("" for core; null matches any group). */
  public boolean is(String group, String kind) {
    return kind.equals(kind()) && (group == null || group.equals(group()));
  }

  public boolean isGeneric() {
    return object instanceof GenericKubernetesResource;
  }

  /** The typed model, when this object was read as that class. */
  public <T extends HasMetadata> Optional<T> as(Class<T> type) {
    return type.isInstance(object) ? Optional.of(type.cast(object)) : Optional.empty();
  }

  /**
   * A field of a generic (CRD) object by its path of keys, e.g. {@code field("spec", "validationFailureAction")}.
   * Empty for typed objects or absent fields.
   */
  public Optional<Object> field(String... path) {
    if (!(object instanceof GenericKubernetesResource generic)) {
      return Optional.empty();
    }
    Object current = generic.getAdditionalProperties();
    for (String key : path) {
      if (current instanceof Map<?, ?> map) {
        current = map.get(key);
      } else {
        return Optional.empty();
      }
      if (current == null) {
        return Optional.empty();
      }
    }
    return Optional.of(current);
  }

  /** A string field of a generic object, see {@link #field(String...)}. */
  public Optional<String> string(String... path) {
    return field(path).map(Object::toString);
  }

  /** A map field of a generic object, empty when absent or not a map. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> map(String... path) {
    return field(path).filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).orElse(Map.of());
  }

  /** A list field of a generic object, empty when absent or not a list. */
  public List<?> list(String... path) {
    return field(path).filter(List.class::isInstance).map(l -> (List<?>) l).orElse(List.of());
  }

  @Override
  public String toString() {
    return ref.displayName() + " @ " + provenance.describe();
  }
}
