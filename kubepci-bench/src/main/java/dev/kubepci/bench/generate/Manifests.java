package dev.kubepci.bench.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Builds manifest trees tersely ({@code obj("name", "web", "replicas", 3)}) and derives the identifiers a real
 * API server would assign (uids, pod name suffixes, hashes) from object names, so that output is reproducible.
 */
final class Manifests {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** The alphabet Kubernetes uses for generated name suffixes (no vowels, no confusable digits). */
  private static final char[] SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789".toCharArray();

  private Manifests() {}

  /** An object from alternating keys and values; null values are left out. */
  static ObjectNode obj(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    ObjectNode node = NODES.objectNode();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object value = keysAndValues[i + 1];
      if (value != null) {
        node.set((String) keysAndValues[i], value(value));
      }
    }
    return node;
  }

  static ArrayNode arr(Object... values) {
    ArrayNode node = NODES.arrayNode();
    for (Object v : values) {
      if (v != null) {
        node.add(value(v));
      }
    }
    return node;
  }

  static ArrayNode arr(List<?> values) {
    return arr(values.toArray());
  }

  /**
   * A string map (labels, annotations, data) with its keys sorted, as the API server writes a map: the same bytes
   * whatever the order of {@code map} (a {@code Map.of} iterates in an order that changes between JVM runs).
   */
  static ObjectNode strings(Map<String, String> map) {
    ObjectNode node = NODES.objectNode();
    new TreeMap<>(map).forEach(node::put);
    return node;
  }

  static JsonNode value(Object v) {
    if (v instanceof JsonNode n) {
      return n;
    }
    if (v instanceof String s) {
      return NODES.textNode(s);
    }
    if (v instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (v instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (v instanceof List<?> list) {
      return arr(list);
    }
    throw new IllegalArgumentException("unsupported value " + v.getClass());
  }

  /** The uid of an object, derived from its identity. */
  static String uid(String kind, String namespace, String name) {
    return UUID.nameUUIDFromBytes((kind + "/" + namespace + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** A suffix like the API server's generateName produces ({@code x7k2q}), derived from {@code seed}. */
  static String suffix(String seed, int length) {
    byte[] h = sha256(seed);
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(SUFFIX_ALPHABET[(h[i] & 0xff) % SUFFIX_ALPHABET.length]);
    }
    return sb.toString();
  }

  /** A 64-hex digest, as in {@code image@sha256:...}. */
  static String digest(String seed) {
    return HexFormat.of().formatHex(sha256(seed));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
