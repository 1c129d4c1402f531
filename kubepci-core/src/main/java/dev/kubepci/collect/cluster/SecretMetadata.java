package dev.kubepci.collect.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How kubepci lists Secrets without ever receiving their data. The API server is asked for the server-side table
 * view ({@code Accept: application/json;as=Table;g=meta.k8s.io;v=v1}) with each row's object reduced to its metadata
 * ({@code includeObject=Metadata}): this is what {@code kubectl get secrets} does, and the answer carries the name,
 * labels, annotations, owners and the Type column, never {@code data} or {@code stringData}. An answer that is not
 * a Table is refused unread. The one annotation that can repeat a Secret's content,
 * {@code kubectl.kubernetes.io/last-applied-configuration}, is replaced by {@link #REDACTED}.
 *
 * <p>A plain PartialObjectMetadataList would also leave the data out, but it drops {@code type}, which rules need to
 * recognise long-lived service-account tokens; the table gives both in one request per page.
 */
public final class SecretMetadata {
  /** The only Accept header kubepci sends for Secrets. */
  public static final String ACCEPT = "application/json;as=Table;g=meta.k8s.io;v=v1";
  /** The query parameter that makes each table row carry its object's metadata. */
  public static final String INCLUDE_OBJECT = "includeObject=Metadata";
  /** The annotation kubectl apply writes, which holds the whole manifest, data included. */
  public static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
  /** What replaces that annotation's value. */
  public static final String REDACTED = "(redacted by kubepci: this annotation can hold the secret's data)";

  private SecretMetadata() {}

  /** The index of the Type column among a table's {@code columnDefinitions}, or -1. */
  static int typeColumn(JsonNode columnDefinitions) {
    int i = 0;
    for (JsonNode c : columnDefinitions) {
      if ("type".equalsIgnoreCase(c.path("name").asText())) {
        return i;
      }
      i++;
    }
    return -1;
  }

  /** A Secret object made of one table row: metadata and type only. Null when the row carries no metadata. */
  static ObjectNode fromRow(JsonNode row, int typeColumn) {
    JsonNode meta = row.path("object").path("metadata");
    if (!meta.isObject()) {
      return null;
    }
    ObjectNode secret = ThrottledApi.MAPPER.createObjectNode();
    secret.put("apiVersion", "v1");
    secret.put("kind", "Secret");
    ObjectNode metadata = meta.deepCopy();
    metadata.remove("managedFields");
    secret.set("metadata", metadata);
    JsonNode cells = row.path("cells");
    if (typeColumn >= 0 && cells.has(typeColumn) && cells.get(typeColumn).isTextual()) {
      secret.put("type", cells.get(typeColumn).asText());
    }
    redact(secret);
    return secret;
  }

  /** Replaces the last-applied annotation's value of a Secret; other objects are left alone. */
  static void redact(ObjectNode secret) {
    JsonNode annotations = secret.path("metadata").path("annotations");
    if (annotations instanceof ObjectNode a && a.has(LAST_APPLIED)) {
      a.put(LAST_APPLIED, REDACTED);
    }
  }
}
