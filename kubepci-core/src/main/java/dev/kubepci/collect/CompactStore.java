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
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Keeps the objects of bulk kinds (Pods, ReplicaSets, Events, ConfigMaps, Secrets, Endpoints ...) compact: each
 * becomes a {@linkplain Resource#compact compact resource} whose full object is held as a binary JSON (Smile)
 * encoding of what was read, deflated against the first object of its kind (a third of the Smile bytes, about a
 * thirtieth of its model graph), and decoded again when a rule reads it. A few
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
  /** Per model class, the encoding of its first object (see {@link #resource}). */
  private final Map<Class<?>, byte[]> dictionaries = new HashMap<>();
  /** Fastest level: with a dictionary it compresses as well as the default one, for a fraction of the time. */
  private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
  private byte[] buffer = new byte[8192];
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
    byte[] smileBytes;
    try {
      smileBytes = smileWriter.writeValueAsBytes(encode);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // the first object of each class is the dictionary its followers are compressed against: objects of one kind
    // repeat each other's field names, defaults and label keys far more than one object repeats itself
    byte[] dictionary = dictionaries.computeIfAbsent(object.getClass(), c -> smileBytes);
    byte[] compressed = deflate(smileBytes, dictionary);
    count++;
    bytes += compressed.length;
    return Resource.compact(object, where, new Body(compressed, smileBytes.length, dictionary, object.getClass()),
        this::intern);
  }

  private byte[] deflate(byte[] raw, byte[] dictionary) {
    deflater.reset();
    deflater.setDictionary(dictionary);
    deflater.setInput(raw);
    deflater.finish();
    if (buffer.length < raw.length + 64) {
      buffer = new byte[raw.length + raw.length / 8 + 64];
    }
    int n = 0;
    while (!deflater.finished()) {
      if (n == buffer.length) {
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
      n += deflater.deflate(buffer, n, buffer.length - n);
    }
    return Arrays.copyOf(buffer, n);
  }

  /** One inflater per decoding thread, reset for each object (a new one would set up zlib's state every time). */
  private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));

  private static byte[] inflate(Body body) {
    Inflater inflater = INFLATERS.get();
    try {
      inflater.setInput(body.compressed);
      inflater.setDictionary(body.dictionary);
      byte[] raw = new byte[body.length];
      int n = 0;
      while (n < raw.length) {
        int k = inflater.inflate(raw, n, raw.length - n);
        if (k == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        n += k;
      }
      if (n != raw.length) {
        throw new IllegalStateException("a stored object inflates to " + n + " bytes, not " + raw.length);
      }
      return raw;
    } catch (DataFormatException e) {
      throw new IllegalStateException("cannot inflate a stored object", e);
    } finally {
      inflater.reset();
    }
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
    try (JsonParser parser = smile.createParser(inflate(body))) {
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

  /** An object's Smile encoding, deflated against the dictionary of its class. */
  private final class Body implements CompactBody {
    private final byte[] compressed;
    private final int length;
    private final byte[] dictionary;
    private final Class<? extends HasMetadata> type;

    Body(byte[] compressed, int length, byte[] dictionary, Class<? extends HasMetadata> type) {
      this.compressed = compressed;
      this.length = length;
      this.dictionary = dictionary;
      this.type = type;
    }

    @Override
    public HasMetadata decode() {
      return CompactStore.this.decode(this);
    }

    @Override
    public int encodedSize() {
      return compressed.length;
    }
  }
}
