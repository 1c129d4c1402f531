package dev.kubepci.collect.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.collect.InputException;
import dev.kubepci.collect.BoundedLineReader;
import dev.kubepci.collect.DigestedInput;
import dev.kubepci.model.Provenance;
import dev.kubepci.result.ProcessingError;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a snapshot and hands its header, objects and trailer to a sink, in file order. A snapshot that is not one,
 * comes from a newer format, is cut short, has a corrupt line, a header or trailer that breaks the published schema,
 * a line over {@link BoundedLineReader#MAX_LINE_CHARS} or decompresses beyond {@link #decompressedLimit} is refused
 * as a whole: its coverage could not be trusted. A collected kind whose objects do not add up to the trailer's count
 * for it is handed to the sink as inconsistent: the rest of the snapshot is still assessed.
 */
public final class SnapshotReader {
  /** The most any snapshot may decompress to: 4 GiB. */
  public static final long MAX_DECOMPRESSED_BYTES = 4L << 30;
  /**
   * How many times its compressed size a snapshot may decompress to (64 MiB are always allowed): well above what
   * gzip makes of JSON Lines of real objects, well below a gzip bomb (about 1,000 times, the most deflate allows).
   */
  public static final int MAX_EXPANSION = 200;
  private static final long FREE_ALLOWANCE = 64L << 20;

  private SnapshotReader() {}

  /**
   * Reads the snapshot into {@code sink}; returns the hex SHA-256 of the file's bytes, taken as they were read (null
   * for a pipe that goes on after the snapshot's trailer).
   *
   * @throws InputException when the file is not a complete kubepci snapshot this version can read
   */
  public static String read(Path file, SnapshotSink sink) {
    try {
      return read(file, sink, decompressedLimit(Files.size(file)));
    } catch (IOException e) {
      throw new InputException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** The most a snapshot of {@code compressedBytes} may decompress to. */
  static long decompressedLimit(long compressedBytes) {
    long scaled = compressedBytes > MAX_DECOMPRESSED_BYTES / MAX_EXPANSION ? MAX_DECOMPRESSED_BYTES
        : compressedBytes * MAX_EXPANSION;
    return Math.min(MAX_DECOMPRESSED_BYTES, Math.max(FREE_ALLOWANCE, scaled));
  }

  static String read(Path file, SnapshotSink sink, long maxDecompressed) {
    try (DigestedInput raw = DigestedInput.open(file);
        Reader in = new InputStreamReader(
            new CappedStream(new GZIPInputStream(raw, 1 << 16), maxDecompressed), StandardCharsets.UTF_8)) {
      read(file.toString(), new BoundedLineReader(in), sink);
      // a snapshot read whole: its end, unless it came through a pipe that goes on after its trailer
      return raw.finish().orElse(null);
    } catch (BoundedLineReader.LineTooLongException e) {
      throw new InputException(file + ": " + e.getMessage() + "; the snapshot was not read");
    } catch (CappedStream.TooLarge e) {
      throw new InputException(file + ": " + e.getMessage() + "; the snapshot was not read (a damaged file, or a "
          + "gzip bomb)");
    } catch (ZipException e) {
      throw new InputException(file + ": not a kubepci snapshot (not gzip data: " + e.getMessage() + ")");
    } catch (java.io.EOFException e) {
      throw new InputException(file + ": the snapshot is cut short (the compressed data ends early)");
    } catch (IOException e) {
      throw new InputException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static void read(String name, BoundedLineReader in, SnapshotSink sink) throws IOException {
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
    requireSchema(name, 1, SnapshotFormat.HEADER_KIND, SnapshotSchema.header(first));
    SnapshotHeader header = SnapshotFormat.MAPPER.treeToValue(first, SnapshotHeader.class);
    try {
      java.time.Instant.parse(header.collectedAt());
    } catch (java.time.format.DateTimeParseException e) {
      throw new InputException(name + ": line 1: collectedAt is not an ISO-8601 instant: " + header.collectedAt());
    }
    sink.header(header);
    int lineNo = 1;
    int objects = 0;
    Map<String, Integer> perKind = new HashMap<>();
    SnapshotTrailer trailer = null;
    int trailerLine = 0;
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
      if (SnapshotFormat.API_VERSION.equals(object.path("apiVersion").asText())) {
        String kind = object.path("kind").asText();
        if (SnapshotFormat.TRAILER_KIND.equals(kind)) {
          requireSchema(name, lineNo, kind, SnapshotSchema.trailer(object));
          trailer = SnapshotFormat.MAPPER.treeToValue(object, SnapshotTrailer.class);
          trailerLine = lineNo;
          continue;
        }
        if (SnapshotFormat.HEADER_KIND.equals(kind)) {
          throw new InputException(name + ": line " + lineNo + " is a second " + kind
              + " (two snapshots joined into one file?)");
        }
      }
      objects++;
      perKind.merge(groupKind(object), 1, Integer::sum);
      sink.object(object);
    }
    if (trailer == null) {
      throw new InputException(name + ": the snapshot is cut short (no " + SnapshotFormat.TRAILER_KIND
          + " line after " + dev.kubepci.result.ScanOutcome.count(objects, "object") + ")");
    }
    if (trailer.objects() != objects) {
      throw new InputException(name + ": line " + trailerLine + ": the trailer counts "
          + dev.kubepci.result.ScanOutcome.count(trailer.objects(), "object") + " but the snapshot holds " + objects);
    }
    Provenance where = Provenance.ofFile(name, 0, trailerLine);
    java.util.Set<String> reported = new java.util.HashSet<>();
    trailer.kinds().forEach(k -> reported.add(k.read()));
    for (String requested : header.requested()) {
      if (!reported.contains(requested)) {
        sink.inconsistent(new KindReport(requested, null, null, null, null, KindReport.Outcome.FAILED, 0, null, null),
            new ProcessingError(where, "the header (line 1) asks for " + requested + " but the trailer does not say "
                + "how its collection went: the file was altered or damaged, so " + requested + " is not assessed"));
      }
    }
    for (KindReport k : trailer.kinds()) {
      String mismatch = countMismatch(k, perKind);
      if (mismatch != null) {
        sink.inconsistent(k, new ProcessingError(where, mismatch));
      }
    }
    sink.trailer(trailer);
  }

  private static void requireSchema(String name, int lineNo, String kind, List<String> violations) {
    if (!violations.isEmpty()) {
      throw new InputException(name + ": line " + lineNo + ": the " + kind + " does not follow the snapshot schema "
          + "(schemas/kubepci-snapshot.schema.json): " + String.join("; ", violations));
    }
  }

  /** {@code group/Kind} of an object line, the group empty for the core API. */
  private static String groupKind(ObjectNode object) {
    String apiVersion = object.path("apiVersion").asText("");
    int slash = apiVersion.indexOf('/');
    return (slash < 0 ? "" : apiVersion.substring(0, slash)) + "/" + object.path("kind").asText("");
  }

  /**
   * Why the objects of a collected kind do not add up to what the trailer claims for it, or null when they do. A
   * kind whose objects were taken out of a snapshot (or added) would otherwise look complete: RoleBindings that
   * are gone fail no rule.
   */
  private static String countMismatch(KindReport k, Map<String, Integer> perKind) {
    if (k.outcome() != KindReport.Outcome.COLLECTED || k.group() == null) {
      return null;
    }
    if ("*".equals(k.resource())) {
      // every kind of a group: objects of a kind also read by name are in the snapshot once, for both reads
      int found = perKind.entrySet().stream().filter(e -> e.getKey().startsWith(k.group() + "/"))
          .mapToInt(Map.Entry::getValue).sum();
      return found >= k.count() ? null : mismatch(k, found);
    }
    String kind = k.read().substring(k.read().lastIndexOf('/') + 1);
    int found = perKind.getOrDefault(k.group() + "/" + kind, 0);
    return found == k.count() ? null : mismatch(k, found);
  }

  private static String mismatch(KindReport k, int found) {
    return "the trailer counts " + k.count() + " " + k.read() + " objects but the snapshot holds " + found
        + ": the file was altered or damaged, so " + k.read() + " is not assessed";
  }

  /** Stops reading once more than a limit of decompressed bytes came through: a gzip bomb ends here. */
  private static final class CappedStream extends FilterInputStream {
    private final long limit;
    private long read;

    CappedStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    static final class TooLarge extends IOException {
      private static final long serialVersionUID = 1L;

      TooLarge(long limit) {
        super("decompresses to more than " + String.format(Locale.ROOT, "%,d", limit) + " bytes (kubepci reads up to "
            + MAX_EXPANSION + " times the file's size, at least 64 MiB and at most 4 GiB)");
      }
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws TooLarge {
      read += n;
      if (read > limit) {
        throw new TooLarge(limit);
      }
    }
  }

  private static JsonNode parse(String name, int lineNo, String line) {
    try {
      return SnapshotFormat.MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new InputException(name + ": line " + lineNo + " is not valid JSON: " + e.getOriginalMessage());
    }
  }
}
