package dev.kubepci.collect.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubepci.schema.PublishedSchema;
import java.util.List;

/**
 * The published snapshot schema ({@code schemas/kubepci-snapshot.schema.json}, packaged with kubepci), applied to the
 * header and trailer lines of every snapshot read. One schema is the contract for kubepci, the kubectl script and
 * anyone else who writes snapshots, so the reader enforces exactly that file and no second copy of its rules.
 */
final class SnapshotSchema {
  private static final String RESOURCE = "kubepci-snapshot.schema.json";
  private static final PublishedSchema HEADER = part("header");
  private static final PublishedSchema TRAILER = part("trailer");

  private SnapshotSchema() {}

  /** What is wrong with a header line, one message per violation, sorted; empty when it follows the schema. */
  static List<String> header(JsonNode line) {
    return HEADER.violations(line);
  }

  /** What is wrong with a trailer line, one message per violation, sorted; empty when it follows the schema. */
  static List<String> trailer(JsonNode line) {
    return TRAILER.violations(line);
  }

  /** The schema with its root narrowed from "header or trailer" to one of them, for messages about that one. */
  private static PublishedSchema part(String definition) {
    return PublishedSchema.load(SnapshotSchema.class, RESOURCE, root -> {
      root.remove("oneOf");
      return root.put("$ref", "#/$defs/" + definition);
    });
  }
}
