package dev.kubepci.collect.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.secrets.CommandLineSecrets;
import dev.kubepci.secrets.RedactionKey;
import dev.kubepci.secrets.SecretScanner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Takes out of an object, before it is written to a snapshot, every secret value the secret rules would report: what
 * a report shows as {@code <redacted DETECTOR hmac:FINGERPRINT>} is what the snapshot keeps. Covered: container
 * environment values, command and arguments (of any object that holds containers), ConfigMap {@code data} and
 * {@code binaryData} (line by line for embedded files), annotations on the object and its pod template,
 * {@code kubectl.kubernetes.io/last-applied-configuration} (the object it holds, redacted the same way), and the
 * matched text of trivy-operator ExposedSecretReports. Everything else is kept as the API returned it, so every
 * other rule reads what it would read live, and the secret rules read the markers back as the same detections.
 */
public final class SnapshotRedactor {
  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
  private static final List<String> CONTAINER_LISTS = List.of("containers", "initContainers", "ephemeralContainers");

  private final SecretScanner scanner;

  public SnapshotRedactor(RedactionKey key) {
    this.scanner = new SecretScanner(Objects.requireNonNull(key, "key"));
  }

  /** A redacted copy of {@code object}; the object itself is not changed (a live scan still reads it). */
  public ObjectNode redact(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    walk(copy, null);
    if ("ConfigMap".equals(copy.path("kind").asText()) && copy.path("apiVersion").asText().equals("v1")) {
      configMap(copy);
    }
    if (copy.path("apiVersion").asText().startsWith("aquasecurity.github.io/")
        && "ExposedSecretReport".equals(copy.path("kind").asText())) {
      exposedSecrets(copy);
    }
    if ("Secret".equals(copy.path("kind").asText()) && copy.path("apiVersion").asText().equals("v1")) {
      secretData(copy);
    }
    return copy;
  }

  /** Every annotation map under a {@code metadata} and every container list, at any depth. */
  private void walk(JsonNode node, String field) {
    if (node instanceof ObjectNode o) {
      if ("metadata".equals(field) && o.get("annotations") instanceof ObjectNode annotations) {
        annotations(annotations);
      }
      for (String list : CONTAINER_LISTS) {
        if (o.get(list) instanceof ArrayNode containers) {
          containers.forEach(this::container);
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        walk(e.getValue(), e.getKey());
      }
    } else if (node instanceof ArrayNode a) {
      a.forEach(child -> walk(child, null));
    }
  }

  private void annotations(ObjectNode annotations) {
    for (Iterator<Map.Entry<String, JsonNode>> it = annotations.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        continue;
      }
      String value = e.getValue().asText();
      e.setValue(annotations.textNode(LAST_APPLIED.equals(e.getKey()) ? lastApplied(value)
          : scanner.redactEntry(e.getKey(), value)));
    }
  }

  /** The object kubectl recorded, redacted as the object itself; text that is not an object, line by line. */
  private String lastApplied(String value) {
    try {
      JsonNode applied = SnapshotFormat.MAPPER.readTree(value);
      if (applied instanceof ObjectNode o) {
        String redacted = SnapshotFormat.MAPPER.writeValueAsString(redact(o));
        return value.endsWith("\n") ? redacted + "\n" : redacted;
      }
    } catch (JsonProcessingException e) {
      // not JSON: judged as text below
    }
    return scanner.redactEntry(LAST_APPLIED, value);
  }

  private void container(JsonNode node) {
    if (!(node instanceof ObjectNode c)) {
      return;
    }
    if (c.get("env") instanceof ArrayNode env) {
      for (JsonNode var : env) {
        if (var instanceof ObjectNode v && v.get("value") != null && v.get("value").isTextual()) {
          v.put("value", scanner.redactValue(v.path("name").isTextual() ? v.get("name").asText() : null,
              v.get("value").asText()));
        }
      }
    }
    List<String> words = new ArrayList<>();
    List<ArrayNode> lists = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (String field : List.of("command", "args")) {
      if (c.get(field) instanceof ArrayNode list) {
        for (int i = 0; i < list.size(); i++) {
          if (list.get(i).isTextual()) {
            words.add(list.get(i).asText());
            lists.add(list);
            positions.add(i);
          }
        }
      }
    }
    for (CommandLineSecrets.Hit hit : CommandLineSecrets.scan(scanner, words)) {
      lists.get(hit.word()).set(positions.get(hit.word()), lists.get(hit.word()).textNode(hit.redacted()));
    }
  }

  private void configMap(ObjectNode cm) {
    if (cm.get("data") instanceof ObjectNode data) {
      data.fields().forEachRemaining(e -> {
        if (e.getValue().isTextual()) {
          e.setValue(data.textNode(scanner.redactEntry(e.getKey(), e.getValue().asText())));
        }
      });
    }
    if (cm.get("binaryData") instanceof ObjectNode binary) {
      binary.fields().forEachRemaining(e -> {
        String text = e.getValue().isTextual() ? SecretScanner.decodedText(e.getValue().asText()) : null;
        if (text != null) {
          String redacted = scanner.redactEntry(e.getKey(), text);
          if (!redacted.equals(text)) {
            e.setValue(binary.textNode(
                Base64.getEncoder().encodeToString(redacted.getBytes(StandardCharsets.UTF_8))));
          }
        }
      });
    }
  }

  private void exposedSecrets(ObjectNode report) {
    if (report.path("report").get("secrets") instanceof ArrayNode secrets) {
      for (JsonNode s : secrets) {
        if (s instanceof ObjectNode o && o.get("match") != null && o.get("match").isTextual()) {
          String match = o.get("match").asText();
          if (SecretScanner.Detection.inMarker(match).isEmpty()) {
            o.put("match", new SecretScanner.Detection(SecretScanner.Detection.detectorName(
                o.path("ruleID").asText("null")), scanner.fingerprint(match)).redacted());
          }
        }
      }
    }
  }

  /** A Secret's values, should one arrive whole (a recorded last-applied configuration of a Secret). */
  private void secretData(ObjectNode secret) {
    for (String field : List.of("data", "stringData")) {
      if (secret.get(field) instanceof ObjectNode values) {
        values.fields().forEachRemaining(e -> e.setValue(values.textNode(new SecretScanner.Detection("secret-data",
            scanner.fingerprint(e.getValue().asText())).redacted())));
      }
    }
  }
}
