package dev.kubepci.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.report.JsonDocuments;
import dev.kubepci.report.json.JsonReport;
import dev.kubepci.rule.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Takes a JSON report apart into what the store keeps, and puts it back together byte for byte.
 *
 * <p>A report becomes a skeleton (its top-level fields in order, scalars inline, every object or array as a
 * reference to a content-addressed part) and its findings. An array of objects (the practices, the rules, the
 * tables, the areas, the waivers) is stored element by element: each element is a part, and the array is a list
 * part naming its elements' parts in order, so a day on which two practices' finding counts changed adds two small
 * parts and one list, not the whole practices array again. Skeletons written before that name a whole array as one
 * part; {@link #rebuild} reads both. Its findings are each normalised so that what changes with every scan
 * (the tool version each finding repeats, the collection time of a live cluster) is a reference to the skeleton:
 * a finding that did not change then has the same bytes, hence the same SHA-256, scan after scan. Rebuilding sorts
 * the findings in the order of every report ({@code Finding.ORDER}); the store checks at ingest that rebuilding
 * gives the received bytes and keeps the whole report verbatim when it does not (a report of another version with
 * another layout).
 */
final class ReportCodec {
  static final ObjectMapper COMPACT = new ObjectMapper();
  private static final String PART = "$part";
  /** A skeleton's reference to a list part: a JSON array of the SHA-256 of its elements' parts, in order. */
  private static final String LIST = "$list";
  private static final String FINDINGS = "$findings";
  private static final String MARK = "$";
  private static final String RULE_VERSION = "ruleVersion";
  private static final String COLLECTED_AT = "collectedAt";

  private ReportCodec() {}

  /**
   * A report taken apart.
   *
   * @param parts every part by SHA-256, the elements of a list before the list
   * @param members the SHA-256 of each list part's elements, by the list's SHA-256
   */
  record Split(ObjectNode skeleton, Map<String, byte[]> parts, Map<String, List<String>> members,
      List<FindingBody> findings) {}

  /** One finding, normalised, with the columns the findings pages filter on. */
  record FindingBody(String sha256, byte[] json, ObjectNode node) {
    String text(String field) {
      JsonNode v = node.get(field);
      return v == null || v.isNull() ? null : v.asText();
    }

    String resourceText(String field) {
      JsonNode r = node.get("resource");
      JsonNode v = r == null ? null : r.get(field);
      return v == null || v.isNull() ? null : v.asText();
    }

    List<String> practices() {
      List<String> out = new ArrayList<>();
      JsonNode req = node.get("requirements");
      if (req != null) {
        req.forEach(n -> out.add(n.asText()));
      }
      return out;
    }
  }

  static ObjectNode parse(byte[] json) throws IOException {
    JsonNode n = COMPACT.readTree(json);
    if (n == null || !n.isObject()) {
      throw new IOException("not a JSON object");
    }
    return (ObjectNode) n;
  }

  private static final ObjectMapper LENIENT = new ObjectMapper()
      .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * The report's typed model without its findings (binding hundreds of findings only to count them would double the
   * cost of recording), after the checks {@code kubepci diff} makes: schema 1.x, findings an array of objects.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  static JsonReport shell(ObjectNode tree) {
    JsonNode version = tree.get("schemaVersion");
    JsonNode findings = tree.get("findings");
    if (version == null || !version.isTextual() || !version.asText().startsWith("1.") || findings == null
        || !findings.isArray()) {
      throw new IllegalArgumentException("not a kubepci JSON report (schemaVersion 1.x with findings; write one with "
          + "kubepci scan --format json)");
    }
    for (JsonNode f : findings) {
      if (!f.isObject()) {
        throw new IllegalArgumentException("not a kubepci JSON report: a finding is not an object");
      }
    }
    ObjectNode shell = JsonNodeFactory.instance.objectNode();
    tree.fields().forEachRemaining(e -> shell.set(e.getKey(), "findings".equals(e.getKey())
        ? JsonNodeFactory.instance.arrayNode() : e.getValue()));
    try {
      return LENIENT.treeToValue(shell, JsonReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a kubepci JSON report: " + e.getOriginalMessage());
    }
  }

  /**
   * True when {@link #rebuild} gives back exactly {@code json}: it has the layout of {@code JsonReporter}, its
   * findings are in report order (no two different findings tie), and no finding holds an object where the store
   * puts its references.
   */
  static boolean rebuildsExactly(ObjectNode tree, Split split, byte[] json) {
    List<FindingBody> findings = split.findings();
    for (int i = 0; i < findings.size(); i++) {
      ObjectNode original = (ObjectNode) tree.get("findings").get(i);
      if (original.path(RULE_VERSION).isObject()
          || original.path("resource").path("source").path(COLLECTED_AT).isObject()) {
        return false;
      }
      if (i > 0) {
        int cmp = ORDER.compare(tree.get("findings").get(i - 1), original);
        if (cmp > 0 || cmp == 0 && !findings.get(i - 1).sha256().equals(findings.get(i).sha256())) {
          return false;
        }
      }
    }
    return java.util.Arrays.equals(write(tree), json);
  }

  /** The report as {@code kubepci scan --format json} writes it (the layout of every JSON document). */
  static byte[] write(JsonNode report) {
    return JsonDocuments.bytes(report);
  }

  static Split split(ObjectNode report) {
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    Map<String, byte[]> parts = new LinkedHashMap<>();
    Map<String, List<String>> members = new LinkedHashMap<>();
    List<FindingBody> findings = new ArrayList<>();
    String ruleVersion = report.path("tool").path("version").isTextual()
        ? report.path("tool").path("version").asText() : null;
    String collectedAt = null;
    for (Map.Entry<String, JsonNode> e : iterable(report)) {
      JsonNode v = e.getValue();
      if ("findings".equals(e.getKey()) && v.isArray()) {
        for (JsonNode f : v) {
          if (collectedAt == null) {
            JsonNode c = f.path("resource").path("source").path(COLLECTED_AT);
            collectedAt = c.isTextual() ? c.asText() : null;
          }
        }
        for (JsonNode f : v) {
          ObjectNode normal = f.deepCopy();
          if (normal.isObject()) {
            mark(normal, RULE_VERSION, ruleVersion);
            JsonNode src = normal.path("resource").path("source");
            if (src.isObject()) {
              mark((ObjectNode) src, COLLECTED_AT, collectedAt);
            }
          }
          byte[] json = compact(normal);
          findings.add(new FindingBody(sha256(json), json, normal));
        }
        fields.set(e.getKey(), JsonNodeFactory.instance.objectNode().put(FINDINGS, true));
      } else if (isArrayOfObjects(v)) {
        ArrayNode shas = JsonNodeFactory.instance.arrayNode();
        List<String> elements = new ArrayList<>();
        for (JsonNode element : v) {
          byte[] json = compact(element);
          String sha = sha256(json);
          parts.put(sha, json);
          shas.add(sha);
          elements.add(sha);
        }
        byte[] list = compact(shas);
        String sha = sha256(list);
        parts.put(sha, list);
        members.put(sha, elements);
        fields.set(e.getKey(), JsonNodeFactory.instance.objectNode().put(LIST, sha));
      } else if (v.isContainerNode()) {
        byte[] json = compact(v);
        String sha = sha256(json);
        parts.put(sha, json);
        fields.set(e.getKey(), JsonNodeFactory.instance.objectNode().put(PART, sha));
      } else {
        fields.set(e.getKey(), v);
      }
    }
    ObjectNode skeleton = JsonNodeFactory.instance.objectNode();
    skeleton.set("fields", fields);
    if (ruleVersion != null) {
      skeleton.put(RULE_VERSION, ruleVersion);
    }
    if (collectedAt != null) {
      skeleton.put(COLLECTED_AT, collectedAt);
    }
    return new Split(skeleton, parts, members, findings);
  }

  /** True for a non-empty array whose elements are all objects: one stored element by element. */
  private static boolean isArrayOfObjects(JsonNode v) {
    if (!v.isArray() || v.isEmpty()) {
      return false;
    }
    for (JsonNode element : v) {
      if (!element.isObject()) {
        return false;
      }
    }
    return true;
  }

  /** The report again, from its skeleton, a source of parts and its normalised findings (in any order). */
  static ObjectNode rebuild(ObjectNode skeleton, Function<String, JsonNode> parts, List<ObjectNode> findings) {
    String ruleVersion = skeleton.path(RULE_VERSION).isTextual() ? skeleton.get(RULE_VERSION).asText() : null;
    String collectedAt = skeleton.path(COLLECTED_AT).isTextual() ? skeleton.get(COLLECTED_AT).asText() : null;
    ObjectNode report = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : iterable((ObjectNode) skeleton.get("fields"))) {
      JsonNode v = e.getValue();
      if (v.isObject() && v.has(FINDINGS)) {
        ArrayNode array = report.putArray(e.getKey());
        List<ObjectNode> sorted = new ArrayList<>();
        for (ObjectNode f : findings) {
          sorted.add(restore(f, ruleVersion, collectedAt));
        }
        sorted.sort(ORDER);
        sorted.forEach(array::add);
      } else if (v.isObject() && v.has(PART)) {
        report.set(e.getKey(), parts.apply(v.get(PART).asText()));
      } else if (v.isObject() && v.has(LIST)) {
        ArrayNode array = report.putArray(e.getKey());
        for (JsonNode sha : parts.apply(v.get(LIST).asText())) {
          array.add(parts.apply(sha.asText()));
        }
      } else {
        report.set(e.getKey(), v);
      }
    }
    return report;
  }

  /** One stored finding as its report has it. */
  static ObjectNode rebuildFinding(ObjectNode skeleton, ObjectNode finding) {
    return restore(finding, skeleton.path(RULE_VERSION).asText(null), skeleton.path(COLLECTED_AT).asText(null));
  }

  private static ObjectNode restore(ObjectNode finding, String ruleVersion, String collectedAt) {
    ObjectNode copy = finding.deepCopy();
    unmark(copy, RULE_VERSION, ruleVersion);
    JsonNode src = copy.path("resource").path("source");
    if (src.isObject()) {
      unmark((ObjectNode) src, COLLECTED_AT, collectedAt);
    }
    return copy;
  }

  /** {@code Finding.ORDER} over JSON findings: most severe first, then rule, object, path, message. */
  static final Comparator<JsonNode> ORDER = Comparator
      .comparing((JsonNode f) -> severityRank(f.path("severity").asText()), Comparator.reverseOrder())
      .thenComparing(f -> f.path("rule").asText())
      .thenComparing(f -> f.path("resource").isObject() ? 1 : 0)
      .thenComparing(f -> f.path("resource").path("namespace").asText(""))
      .thenComparing(f -> f.path("resource").path("kind").asText(""))
      .thenComparing(f -> f.path("resource").path("name").asText(""))
      .thenComparing(f -> f.path("resource").path("apiVersion").asText(""))
      .thenComparing(f -> f.path("path").asText(""))
      .thenComparing(f -> f.path("message").asText(""));

  /** The severity's rank, lowest first as {@link Severity}; -1 for a severity this version does not know. */
  static int severityRank(String severity) {
    for (Severity s : Severity.values()) {
      if (s.name().equalsIgnoreCase(severity)) {
        return s.ordinal();
      }
    }
    return -1;
  }

  private static void mark(ObjectNode node, String field, String shared) {
    JsonNode v = node.get(field);
    if (shared != null && v != null && v.isTextual() && v.asText().equals(shared)) {
      node.set(field, JsonNodeFactory.instance.objectNode().put(MARK, field));
    }
  }

  private static void unmark(ObjectNode node, String field, String shared) {
    JsonNode v = node.get(field);
    if (v != null && v.isObject() && field.equals(v.path(MARK).asText(null))) {
      node.put(field, shared);
    }
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(ObjectNode node) {
    return node::fields;
  }

  static byte[] compact(JsonNode node) {
    try {
      return COMPACT.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode readCompact(byte[] json) {
    try {
      return COMPACT.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] gunzip(byte[] bytes) {
    try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return z.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
