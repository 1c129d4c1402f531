package dev.kubepci.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kubepci.model.ModelSerialization;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Turns one Kubernetes object, as a JSON tree, into its fabric8 model: typed for built-in kinds,
 * {@code GenericKubernetesResource} for CRDs and unknown kinds. Manifests, live lists and snapshots all decode
 * through here, so that the same object reads the same way whatever its source.
 */
public final class ObjectDecoder {
  private static final KubernetesSerialization SERIALIZATION = ModelSerialization.shared();
  private static final ObjectMapper MAPPER = ModelSerialization.sharedMapper();

  /** Kinds whose decoding is being or has been prepared, as "apiVersion/kind". */
  private static final Set<String> PREPARED = ConcurrentHashMap.newKeySet();
  private static final ExecutorService PREPARER = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "kubepci-prepare");
    thread.setDaemon(true);
    return thread;
  });

  private ObjectDecoder() {}

  /**
   * Starts building, on a spare thread, what decoding an object of this kind needs (Jackson's deserialisers for its
   * model class and the classes it holds: most of the cost of the first object of a kind), so that the thread that
   * decodes finds them built. The parser calls this on each object it hands on; only a kind's first call does
   * anything. The objects decoded are the same with or without it.
   */
  public static void prepare(JsonNode node) {
    if (!(node.get("kind") instanceof TextNode kind) || !(node.get("apiVersion") instanceof TextNode apiVersion)
        || !PREPARED.add(apiVersion.textValue() + "/" + kind.textValue())) {
      return;
    }
    PREPARER.execute(() -> {
      Class<? extends KubernetesResource> type =
          SERIALIZATION.getRegisteredKubernetesResource(apiVersion.textValue(), kind.textValue());
      try {
        MAPPER.readerFor(type == null ? GenericKubernetesResource.class : type);
      } catch (RuntimeException e) {
        // nothing is kept of a failed build: decoding the object meets and reports the same failure
      }
    });
  }

  /** The object cannot be used; the message names the kind, the name and the field at fault. */
  public static final class InvalidObjectException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidObjectException(String message) {
      super(message);
    }
  }

  /**
   * The model of {@code node}. An object with only {@code generateName} gets the name {@code <prefix><generated>}.
   *
   * @throws InvalidObjectException when kind, apiVersion or metadata.name are missing, or a field has the wrong type
   */
  public static HasMetadata decode(JsonNode node) throws InvalidObjectException {
    String problem = structuralProblem(node);
    if (problem == null) {
      problem = ObjectLimits.problem(node);
    }
    if (problem != null) {
      throw new InvalidObjectException(problem);
    }
    HasMetadata object;
    String kind = node.get("kind").asText();
    try {
      // the class fabric8 registers for the kind (GenericKubernetesResource for others), as its KubernetesResource
      // deserializer picks it, read from the tree itself
      Class<? extends KubernetesResource> type =
          SERIALIZATION.getRegisteredKubernetesResource(node.get("apiVersion").asText(), kind);
      if (type == null) {
        type = GenericKubernetesResource.class;
      }
      KubernetesResource converted = MAPPER.treeToValue(node, type);
      if (!(converted instanceof HasMetadata hm)) {
        throw new InvalidObjectException("kind " + kind + " is not an object kind");
      }
      object = hm;
    } catch (JsonProcessingException e) {
      throw new InvalidObjectException(describe(node, e));
    } catch (IllegalArgumentException e) {
      throw new InvalidObjectException(describe(node, e.getCause() != null ? e.getCause() : e));
    }
    if (object.getMetadata() != null && object.getMetadata().getName() == null
        && object.getMetadata().getGenerateName() != null) {
      object.getMetadata().setName(object.getMetadata().getGenerateName() + "<generated>");
    }
    return object;
  }

  private static String structuralProblem(JsonNode node) {
    JsonNode kind = node.get("kind");
    JsonNode apiVersion = node.get("apiVersion");
    if (kind == null || !kind.isTextual() || kind.asText().isBlank()) {
      return kind == null ? "missing kind" : "kind must be a non-empty string";
    }
    if (apiVersion == null || !apiVersion.isTextual() || apiVersion.asText().isBlank()) {
      return kind.asText() + ": " + (apiVersion == null ? "missing apiVersion" : "apiVersion must be a non-empty string");
    }
    JsonNode meta = node.get("metadata");
    if (meta == null || !meta.isObject()) {
      return kind.asText() + ": " + (meta == null ? "missing metadata" : "metadata must be a mapping");
    }
    JsonNode name = meta.get("name");
    JsonNode generate = meta.get("generateName");
    if ((name == null || !name.isTextual() || name.asText().isBlank())
        && (generate == null || !generate.isTextual())) {
      return kind.asText() + ": missing metadata.name";
    }
    return null;
  }

  private static String describe(JsonNode node, Throwable cause) {
    String what = node.path("kind").asText() + " " + node.path("metadata").path("name").asText();
    if (cause instanceof JsonMappingException m) {
      String path = fieldPath(m.getPath());
      return what + ": " + (path.isEmpty() ? "" : path + ": ") + ManifestReader.oneLine(m.getOriginalMessage());
    }
    return what + ": " + ManifestReader.oneLine(cause.getMessage());
  }

  private static String fieldPath(List<JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }
}
