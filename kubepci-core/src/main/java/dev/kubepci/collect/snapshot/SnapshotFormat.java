package dev.kubepci.collect.snapshot;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The kubepci snapshot format, version 1: one gzip-compressed file of JSON Lines (UTF-8). Line 1 is a
 * {@link SnapshotHeader}, the last line a {@link SnapshotTrailer}, and every line between them one Kubernetes object
 * as the API server returned it (kind and apiVersion set, {@code metadata.managedFields} left out, Secrets reduced to
 * metadata and type, and every value the secret rules would report replaced by its redaction marker: see
 * {@link SnapshotRedactor}). {@code zcat FILE | jq} reads it; {@code scripts/collect-with-kubectl.sh} writes it without
 * kubepci. {@code schemas/kubepci-snapshot.schema.json} describes the header and trailer lines.
 */
public final class SnapshotFormat {
  public static final String API_VERSION = "kubepci.dev/v1";
  public static final String HEADER_KIND = "SnapshotHeader";
  public static final String TRAILER_KIND = "SnapshotTrailer";
  public static final int FORMAT_VERSION = 1;
  /** The file name ending kubepci suggests; snapshots are recognised by content, not by name. */
  public static final String EXTENSION = ".kpci.jsonl.gz";

  /** Serialises header and trailer lines: compact, one per line. */
  static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private SnapshotFormat() {}
}
