package dev.kubepci.collect.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.collect.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a snapshot and hands its header, objects and trailer to a sink, in file order. A snapshot that is not one,
 * comes from a newer format, is cut short or has a corrupt line is refused as a whole: its coverage could not be
 * trusted.
 */
public final class SnapshotReader {
  private SnapshotReader() {}

  /** @throws InputException when the file is not a complete kubepci snapshot this version can read */
  public static void read(Path file, SnapshotSink sink) {
    try (InputStream raw = Files.newInputStream(file);
        BufferedReader in = new BufferedReader(
            new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
      read(file.toString(), in, sink);
    } catch (ZipException e) {
      throw new InputException(file + ": not a kubepci snapshot (not gzip data: " + e.getMessage() + ")");
    } catch (java.io.EOFException e) {
      throw new InputException(file + ": the snapshot is cut short (the compressed data ends early)");
    } catch (IOException e) {
      throw new InputException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static void read(String name, BufferedReader in, SnapshotSink sink) throws IOException {
    String line = in.readLine();
    if (line == null) {
      throw new InputException(name + ": empty snapshot");
    }
    JsonNode first = parse(name, 1, line);
    if (!SnapshotFormat.API_VERSION.equals(first.path("apiVersion").asText())
        || !SnapshotFormat.HEADER_KIND.equals(first.path("kind").asText())) {
      throw new InputException(name + ": not a kubepci snapshot (line 1 is not a " + SnapshotFormat.API_VERSION + " "
          + SnapshotFormat.HEADER_KIND + ")");
    }
    int version = first.path("formatVersion").asInt(-1);
    if (version != SnapshotFormat.FORMAT_VERSION) {
      throw new InputException(name + ": snapshot format version " + first.path("formatVersion").asText("?")
          + " is not supported by this kubepci (it reads version " + SnapshotFormat.FORMAT_VERSION
          + "); use a kubepci release that matches the one that wrote it");
    }
    SnapshotHeader header = SnapshotFormat.MAPPER.treeToValue(first, SnapshotHeader.class);
    if (header.cluster() == null || header.cluster().server() == null || header.collectedAt() == null) {
      throw new InputException(name + ": the snapshot header lacks cluster.server or collectedAt");
    }
    try {
      java.time.Instant.parse(header.collectedAt());
    } catch (java.time.format.DateTimeParseException e) {
      throw new InputException(name + ": collectedAt is not an ISO-8601 instant: " + header.collectedAt());
    }
    sink.header(header);
    int lineNo = 1;
    int objects = 0;
    SnapshotTrailer trailer = null;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      if (trailer != null) {
        throw new InputException(name + ": line " + lineNo + " follows the trailer");
      }
      JsonNode node = parse(name, lineNo, line);
      if (!(node instanceof ObjectNode object)) {
        throw new InputException(name + ": line " + lineNo + " is not a JSON object");
      }
      if (SnapshotFormat.API_VERSION.equals(object.path("apiVersion").asText())
          && SnapshotFormat.TRAILER_KIND.equals(object.path("kind").asText())) {
        trailer = SnapshotFormat.MAPPER.treeToValue(object, SnapshotTrailer.class);
        continue;
      }
      objects++;
      sink.object(object);
    }
    if (trailer == null) {
      throw new InputException(name + ": the snapshot is cut short (no " + SnapshotFormat.TRAILER_KIND
          + " line after " + objects + " objects)");
    }
    if (trailer.objects() != objects) {
      throw new InputException(name + ": the trailer counts " + trailer.objects() + " objects but the snapshot holds "
          + objects);
    }
    sink.trailer(trailer);
  }

  private static JsonNode parse(String name, int lineNo, String line) {
    try {
      return SnapshotFormat.MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new InputException(name + ": line " + lineNo + " is not valid JSON: " + e.getOriginalMessage());
    }
  }
}
