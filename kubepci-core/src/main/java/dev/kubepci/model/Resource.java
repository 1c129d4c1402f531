package dev.kubepci.model;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One Kubernetes object as kubepci read it: the fabric8 model (typed for built-in kinds,
 * {@link GenericKubernetesResource} for CRDs and unknown kinds) and where it came from.
 *
 * <p>A resource of a bulk kind may be {@linkplain #compact compact}: its identity, labels and owners are held, and
 * the full object is kept encoded and decoded again when a rule asks for it. Both forms answer every method the
 * same way; a compact resource only trades some decoding time for a much smaller heap.
 */
public final class Resource implements HasRef {
  private final HasMetadata object;
  private final CompactBody body;
  private final Class<? extends HasMetadata> type;
  private final Provenance provenance;
  private final ResourceRef ref;
  /** The API group, worked out once: rules ask for it of every object, often. */
  private final String group;
  /** Compact resources only: what indexes and selectors read without decoding. */
  private final Map<String, String> compactLabels;
  /** Null when the annotations are large (a last-applied configuration, say): read from the decoded object then. */
  private final Map<String, String> compactAnnotations;
  private final String compactUid;
  private final List<ResourceRef> compactOwners;
  private final Workloads.Shape compactShape;

  public Resource(HasMetadata object, Provenance provenance) {
    this.object = Objects.requireNonNull(object, "object");
    this.body = null;
    this.type = object.getClass();
    this.provenance = Objects.requireNonNull(provenance, "provenance");
    this.ref = refOf(object, provenance, UnaryOperator.identity());
    this.group = ref.group();
    this.compactLabels = null;
    this.compactAnnotations = null;
    this.compactUid = null;
    this.compactOwners = null;
    this.compactShape = null;
  }

  private Resource(HasMetadata decoded, Provenance provenance, CompactBody body, UnaryOperator<String> intern) {
    this.object = null;
    this.body = Objects.requireNonNull(body, "body");
    this.type = decoded.getClass();
    this.provenance = Objects.requireNonNull(provenance, "provenance");
    this.ref = refOf(decoded, provenance, intern);
    this.group = intern.apply(ref.group());
    ObjectMeta meta = decoded.getMetadata() == null ? new ObjectMeta() : decoded.getMetadata();
    this.compactLabels = CompactLabels.copyOf(meta.getLabels(), intern);
    this.compactAnnotations = size(meta.getAnnotations()) <= SMALL_ANNOTATIONS
        ? CompactLabels.copyOf(meta.getAnnotations(), intern) : null;
    this.compactUid = meta.getUid();
    this.compactOwners = owners(meta, ref.namespace(), intern);
    this.compactShape = Workloads.isWorkloadKind(ref.kind()) ? Workloads.shapeOf(this, decoded) : null;
  }

  /**
   * A resource whose full object is kept in {@code body}; {@code decoded} is the object as first read, from which
   * identity, labels and owners are taken (and which is not retained).
   *
   * @param intern shares repeated strings (kinds, namespaces, label keys and values) between resources
   */
  public static Resource compact(HasMetadata decoded, Provenance provenance, CompactBody body,
      UnaryOperator<String> intern) {
    return new Resource(Objects.requireNonNull(decoded, "decoded"), provenance, body, intern);
  }

  private static ResourceRef refOf(HasMetadata object, Provenance provenance, UnaryOperator<String> intern) {
    ObjectMeta meta = object.getMetadata() == null ? new ObjectMeta() : object.getMetadata();
    return new ResourceRef(
        internOrNull(intern, object.getApiVersion()),
        internOrNull(intern, object.getKind()),
        meta.getNamespace() == null || meta.getNamespace().isEmpty() ? null : intern.apply(meta.getNamespace()),
        meta.getName(),
        provenance.isFile() ? null : meta.getUid(),
        provenance.isFile() ? null : meta.getResourceVersion());
  }

  private static String internOrNull(UnaryOperator<String> intern, String s) {
    return s == null ? null : intern.apply(s);
  }

  private static List<ResourceRef> owners(ObjectMeta meta, String namespace, UnaryOperator<String> intern) {
    List<OwnerReference> refs = meta.getOwnerReferences();
    if (refs == null || refs.isEmpty()) {
      return List.of();
    }
    List<ResourceRef> owners = new ArrayList<>(refs.size());
    for (OwnerReference o : refs) {
      if (o != null) {
        owners.add(new ResourceRef(internOrNull(intern, o.getApiVersion()), internOrNull(intern, o.getKind()),
            namespace, o.getName(), o.getUid(), null));
      }
    }
    return List.copyOf(owners);
  }

  /** A copy of {@code other} with another provenance and reference; used to put an object in a namespace. */
  private Resource(Resource other, HasMetadata object, CompactBody body, Provenance provenance, ResourceRef ref,
      List<ResourceRef> owners) {
    this.object = object;
    this.body = body;
    this.type = other.type;
    this.provenance = provenance;
    this.ref = ref;
    this.group = other.group;
    this.compactLabels = other.compactLabels;
    this.compactAnnotations = other.compactAnnotations;
    this.compactUid = other.compactUid;
    this.compactOwners = owners;
    this.compactShape = other.compactShape;
  }

  /**
   * This object put in {@code namespace} because its file names none, as {@code kubectl apply -n} would: its
   * metadata and reference name the namespace, and its provenance says that the namespace was assumed. Only for
   * objects that name no namespace.
   */
  public Resource withAssumedNamespace(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    if (ref.namespace() != null) {
      throw new IllegalStateException(ref.displayName() + " already names its namespace");
    }
    ResourceRef placed = new ResourceRef(ref.apiVersion(), ref.kind(), namespace, ref.name(), ref.uid(),
        ref.resourceVersion());
    if (!(provenance instanceof Provenance.FileSource file)) {
      throw new IllegalStateException(ref.displayName() + " was not read from a file: only a file leaves a namespace"
          + " to assume");
    }
    Provenance assumed = file.withAssumedNamespace(namespace);
    if (body == null) {
      if (object.getMetadata() != null) {
        object.getMetadata().setNamespace(namespace);
      }
      return new Resource(this, object, null, assumed, placed, null);
    }
    CompactBody inNamespace = new CompactBody() {
      @Override
      public HasMetadata decode() {
        HasMetadata decoded = body.decode();
        if (decoded.getMetadata() != null) {
          decoded.getMetadata().setNamespace(namespace);
        }
        return decoded;
      }

      @Override
      public int encodedSize() {
        return body.encodedSize();
      }
    };
    List<ResourceRef> owners = compactOwners.stream()
        .map(o -> new ResourceRef(o.apiVersion(), o.kind(), namespace, o.name(), o.uid(), o.resourceVersion()))
        .toList();
    return new Resource(this, null, inNamespace, assumed, placed, owners);
  }

  /** The full object; for a compact resource, decoded again (equal to, not the same as, the one first read). */
  public HasMetadata object() {
    return object != null ? object : body.decode();
  }

  /** For a compact resource: where its pod template sits, null when it carries none; known without decoding. */
  Workloads.Shape compactShape() {
    return compactShape;
  }

  /** True when the full object is kept encoded, see {@link #compact}. */
  public boolean isCompact() {
    return body != null;
  }

  /** Bytes the encoded object takes; 0 for a resource held as a model object. */
  public int encodedSize() {
    return body == null ? 0 : body.encodedSize();
  }

  public Provenance provenance() {
    return provenance;
  }

  @Override
  public ResourceRef ref() {
    return ref;
  }

  public String group() {
    return group;
  }

  public ObjectMeta metadata() {
    HasMetadata o = object();
    return o.getMetadata() == null ? new ObjectMeta() : o.getMetadata();
  }

  public Map<String, String> labels() {
    if (compactLabels != null) {
      return compactLabels;
    }
    return withoutNullValues(metadata().getLabels());
  }

  /** A label or annotation written without a value is the empty string to Kubernetes. */
  private static Map<String, String> withoutNullValues(Map<String, String> map) {
    if (map == null) {
      return Map.of();
    }
    if (!map.containsValue(null)) {
      return map;
    }
    Map<String, String> copy = new java.util.LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, v == null ? "" : v));
    return copy;
  }

  /** {@code metadata.uid}, whatever the source (the {@link #ref()} keeps it only for clusters); null when absent. */
  public String uid() {
    return body != null ? compactUid : metadata().getUid();
  }

  /**
   * The owners named by {@code metadata.ownerReferences}, as references in this object's namespace (uid set when
   * given); read without decoding a compact resource.
   */
  public List<ResourceRef> owners() {
    return body != null ? compactOwners : owners(metadata(), ref.namespace(), UnaryOperator.identity());
  }

  public Map<String, String> annotations() {
    if (compactAnnotations != null) {
      return compactAnnotations;
    }
    return withoutNullValues(metadata().getAnnotations());
  }

  /** Annotations up to this many characters are held by compact resources; rules scan them on every object. */
  private static final int SMALL_ANNOTATIONS = 2_048;

  private static int size(Map<String, String> map) {
    if (map == null) {
      return 0;
    }
    int n = 0;
    for (Map.Entry<String, String> e : map.entrySet()) {
      n += e.getKey().length() + (e.getValue() == null ? 0 : e.getValue().length());
    }
    return n;
  }

  /** True when this is {@code kind} of the given API group ("" for core; null matches any group). */
  public boolean is(String group, String kind) {
    return kind.equals(kind()) && (group == null || group.equals(group()));
  }

  public boolean isGeneric() {
    return GenericKubernetesResource.class.isAssignableFrom(type);
  }

  /** The model class the object was read as, known without decoding. */
  public Class<? extends HasMetadata> type() {
    return type;
  }

  /** The typed model, when this object was read as that class. */
  public <T extends HasMetadata> Optional<T> as(Class<T> type) {
    // the class is known without decoding: a compact resource is decoded only when it is of the type asked for
    return type.isAssignableFrom(this.type) ? Optional.of(type.cast(object())) : Optional.empty();
  }

  /**
   * A field of a generic (CRD) object by its path of keys, e.g. {@code field("spec", "validationFailureAction")}.
   * Empty for typed objects or absent fields.
   */
  public Optional<Object> field(String... path) {
    if (!isGeneric() || !(object() instanceof GenericKubernetesResource generic)) {
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
