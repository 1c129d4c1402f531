package dev.kubepci.collect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.dataformat.smile.SmileGenerator;
import dev.kubepci.model.CompactBody;
import dev.kubepci.model.ModelSerialization;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.Resource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the objects of bulk kinds (Pods, ReplicaSets, Events, ConfigMaps, Secrets, Endpoints ...) compact: each
 * becomes a {@linkplain Resource#compact compact resource} whose full object is held as a binary JSON (Smile)
 * encoding of what was read, about a tenth of its model graph, and decoded again when a rule reads it. A few
 * recently decoded objects are cached, so that the rules looking at one object in turn decode it once.
 *
 * <p>Other kinds (workload controllers, RBAC, policies, namespaces ...) are few, are what cross-object rules read
 * over and over, and stay ordinary resources. One store serves one assessment; it is not shared between threads
 * that read at the same time; decoding, what rules do, is safe from several threads.
 */
public final class CompactStore {
  /**
   * Kinds that make up most objects of a large cluster and that rules mostly read one object at a time. Pods and
   * ReplicaSets owned by a controller in the input are checked through their owner's template and never decoded.
   */
  public static final Set<String> BULK_KINDS = Set.of(
      "Pod", "ReplicaSet", "ControllerRevision", "Job", "Event", "ConfigMap", "Secret", "Endpoints",
      "EndpointSlice", "PersistentVolumeClaim", "PersistentVolume", "Lease", "VolumeAttachment",
      "CertificateSigningRequest", "VulnerabilityReport", "ConfigAuditReport", "ExposedSecretReport",
      "SbomReport", "PolicyReport", "ClusterPolicyReport", "EphemeralReport");

  private static final int DECODED_CACHE = 256;

  /** The reader's mapper: the deserialisers it built for each kind while reading serve here too. */
  private final ObjectMapper mapper = ModelSerialization.sharedMapper();
  private final SmileFactory smile = SmileFactory.builder()
      .enable(SmileGenerator.Feature.CHECK_SHARED_STRING_VALUES)
      .build();
  private final ObjectMapper smileWriter = new ObjectMapper(smile);
  private final Map<String, String> strings = new HashMap<>();
  private final Map<Body, HasMetadata> decoded = new LinkedHashMap<>(DECODED_CACHE * 2, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Body, HasMetadata> eldest) {
      return size() > DECODED_CACHE;
    }
  };
  private long count;
  private long bytes;
  private long decodes;

  /** True when objects of {@code kind} are kept compact. */
  public static boolean isBulk(String kind) {
    return BULK_KINDS.contains(kind);
  }

  /**
   * The resource for {@code object}, decoded from {@code source} and read at {@code where}: compact for bulk kinds,
   * an ordinary resource otherwise. {@code source} is not changed.
   */
  public Resource resource(HasMetadata object, JsonNode source, Provenance where) {
    if (!isBulk(object.getKind()) || !(source instanceof ObjectNode node)) {
      return new Resource(object, where);
    }
    String name = object.getMetadata() == null ? null : object.getMetadata().getName();
    ObjectNode encode = node;
    if (name != null && node.get("metadata") instanceof ObjectNode m && !name.equals(m.path("name").asText(null))) {
      // the name the reader gave an object that only had generateName: decoding must give the same object (on a
      // copy: the caller may write the node elsewhere too)
      encode = node.deepCopy();
      ((ObjectNode) encode.get("metadata")).put("name", name);
    }
    byte[] encoded;
    try {
      encoded = smileWriter.writeValueAsBytes(encode);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    count++;
    bytes += encoded.length;
    return Resource.compact(object, where, new Body(encoded, object.getClass()), this::intern);
  }

  private String intern(String s) {
    String shared = strings.putIfAbsent(s, s);
    return shared == null ? s : shared;
  }

  private HasMetadata decode(Body body) {
    synchronized (decoded) {
      HasMetadata cached = decoded.get(body);
      if (cached != null) {
        return cached;
      }
    }
    // decoded outside the lock: rules running in parallel decode different objects at the same time (two that
    // ask for the same object at once may both decode it; the objects are equal)
    HasMetadata object;
    try (JsonParser parser = smile.createParser(body.encoded)) {
      // straight into the class it was read as: no buffering to look up the kind first
      object = mapper.readValue(parser, body.type);
    } catch (IOException e) {
      // the same bytes decoded once already when the object was read
      throw new UncheckedIOException("cannot decode a stored object", e);
    }
    synchronized (decoded) {
      decodes++;
      HasMetadata raced = decoded.putIfAbsent(body, object);
      return raced != null ? raced : object;
    }
  }

  /** Objects kept compact so far. */
  public long compactObjects() {
    return count;
  }

  /** Bytes their encodings take. */
  public long compactBytes() {
    return bytes;
  }

  /** Decodes done so far (cache hits not counted). */
  public long decodes() {
    synchronized (decoded) {
      return decodes;
    }
  }

  private final class Body implements CompactBody {
    private final byte[] encoded;
    private final Class<? extends HasMetadata> type;

    Body(byte[] encoded, Class<? extends HasMetadata> type) {
      this.encoded = encoded;
      this.type = type;
    }

    @Override
    public HasMetadata decode() {
      return CompactStore.this.decode(this);
    }

    @Override
    public int encodedSize() {
      return encoded.length;
    }
  }
}
