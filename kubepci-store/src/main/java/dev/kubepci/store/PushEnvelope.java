package dev.kubepci.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * What {@code kubepci scan --push} sends: the JSON report together with its {@link ReportExtras}, so that the
 * server's exports of the assessment in every format are those the scan wrote.
 *
 * <pre>{"envelope": "kubepci.push/v1", "report": {...the JSON report...}, "extras": {...}}</pre>
 *
 * <p>A body with a top-level {@code envelope} field is an envelope; any other body is a bare report (other clients,
 * older versions), which is stored without extras. The report inside is stored as {@code kubepci scan --format json}
 * lays it out (Jackson's default pretty printer, then a newline): for a report that came from that writer these
 * are the bytes of the scan's file, so its SHA-256, the idempotence key, is the same whether it is pushed bare or
 * in an envelope. {@code schemas/kubepci-push.schema.json} describes the envelope.
 */
public final class PushEnvelope {
  /** The only envelope version this release reads and writes. */
  public static final String VERSION = "kubepci.push/v1";
  private static final Set<String> FIELDS = Set.of("envelope", "report", "extras");
  private static final ObjectMapper STRICT = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private PushEnvelope() {}

  /**
   * A report taken out of its envelope.
   *
   * @param report the report's bytes, as {@code kubepci scan --format json} writes them
   * @param extras the extras, null when the envelope carries none
   */
  public record Opened(byte[] report, ReportExtras extras) {}

  /** The envelope of a report ({@code json}, as {@code kubepci scan --format json} wrote it) and its extras. */
  public static byte[] write(byte[] json, ReportExtras extras) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 16 * 1024);
    out.writeBytes(("{\"envelope\":\"" + VERSION + "\",\"report\":").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(json);
    if (extras != null) {
      out.writeBytes(",\"extras\":".getBytes(StandardCharsets.UTF_8));
      out.writeBytes(ReportCodec.compact(ReportCodec.COMPACT.valueToTree(extras)));
    }
    out.write('}');
    return out.toByteArray();
  }

  /** True when {@code body} is an envelope rather than a bare report. */
  public static boolean isEnvelope(JsonNode body) {
    return body != null && body.isObject() && body.has("envelope");
  }

  /**
   * The report and extras of an envelope whose shape was checked against the push schema.
   *
   * @throws IllegalArgumentException saying what is wrong with the envelope or its extras
   */
  public static Opened open(ObjectNode envelope) {
    JsonNode version = envelope.get("envelope");
    if (version == null || !version.isTextual() || !VERSION.equals(version.asText())) {
      throw new IllegalArgumentException("unsupported envelope " + version + ": this server reads \"" + VERSION
          + "\" (or a bare JSON report)");
    }
    List<String> unknown = new ArrayList<>();
    for (Iterator<String> names = envelope.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("the envelope has fields it may not have: " + unknown + " (expected "
          + "envelope, report and extras)");
    }
    JsonNode report = envelope.get("report");
    if (report == null || !report.isObject()) {
      throw new IllegalArgumentException("the envelope has no report object");
    }
    JsonNode extrasNode = envelope.get("extras");
    ReportExtras extras = null;
    if (extrasNode != null && !extrasNode.isNull()) {
      extras = extras(extrasNode, report);
    }
    return new Opened(ReportCodec.write(report), extras);
  }

  private static ReportExtras extras(JsonNode node, JsonNode report) {
    ReportExtras extras;
    try {
      extras = STRICT.treeToValue(node, ReportExtras.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the extras are not kubepci's: " + e.getOriginalMessage());
    }
    Set<String> rules = new HashSet<>();
    report.path("rules").forEach(r -> rules.add(r.path("id").asText()));
    List<String> strangers = extras.rules().keySet().stream().filter(id -> !rules.contains(id)).sorted().toList();
    if (!strangers.isEmpty()) {
      throw new IllegalArgumentException("the extras describe rules the report does not have: "
          + String.join(", ", strangers.subList(0, Math.min(10, strangers.size())))
          + (strangers.size() > 10 ? ", ..." : ""));
    }
    if (extras.crossReferenceFramework() != null && !report.has("crossReference")) {
      throw new IllegalArgumentException("the extras name the framework of a cross-reference the report does not "
          + "have");
    }
    return extras;
  }
}
