package dev.kubepci.collect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubepci.model.FieldPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the line of a field inside a manifest, so that a finding points at the offending line rather than at the
 * start of its document. A field that is absent resolves to the closest enclosing field that exists.
 */
public final class SourceLocator {
  private static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(ManifestReader.unlimitedDocuments()).build();
  private static final JsonFactory JSON = new JsonFactory();

  private SourceLocator() {}

  /**
   * The line of {@code path} within the object that starts at {@code objectLine} of document {@code document} of
   * {@code file}; {@code objectLine} when it cannot be found, 0 when the file cannot be read.
   */
  public static int locate(Path file, int document, int objectLine, FieldPath path) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return locate(r, document, objectLine, path);
    } catch (IOException | RuntimeException e) {
      return objectLine;
    }
  }

  /** As {@link #locate(Path, int, int, FieldPath)}, over a reader. */
  public static int locate(Reader reader, int document, int objectLine, FieldPath path) throws IOException {
    PushbackReader in = new PushbackReader(new BufferedReader(reader), 1);
    int c;
    do {
      c = in.read();
    } while (c == '\uFEFF' || (c != -1 && Character.isWhitespace(c)));
    if (c == -1) {
      return objectLine;
    }
    in.unread(c);
    if (c == '{' || c == '[') {
      // JSON files are not split into documents: object lines are absolute
      try (JsonParser p = JSON.createParser(in)) {
        return find(p, 0, objectLine, path.segments());
      }
    }
    DocumentStream docs = new DocumentStream(in);
    int index = 0;
    DocumentStream.Document doc;
    while ((doc = docs.next()) != null) {
      int offset = doc.startLine() - 1;
      try (JsonParser p = YAML.createParser(doc)) {
        JsonToken first = p.nextToken();
        if (first == null) {
          continue;
        }
        index++;
        if (index == document) {
          int found = findFrom(p, first, offset, objectLine, path.segments());
          return found > 0 ? found : objectLine;
        }
      } catch (IOException e) {
        index++;
      }
    }
    return objectLine;
  }

  private static int find(JsonParser p, int offset, int objectLine, List<Object> segments) throws IOException {
    JsonToken t = p.nextToken();
    int found = t == null ? 0 : findFrom(p, t, offset, objectLine, segments);
    return found > 0 ? found : objectLine;
  }

  /** Scans forward from the current token to the object that starts at {@code objectLine}, then follows the path. */
  private static int findFrom(JsonParser p, JsonToken first, int offset, int objectLine, List<Object> segments)
      throws IOException {
    JsonToken t = first;
    while (t != null) {
      if (t == JsonToken.START_OBJECT && line(p, offset) >= objectLine) {
        return follow(p, offset, segments, 0, line(p, offset));
      }
      t = p.nextToken();
    }
    return 0;
  }

  /** The parser is on the START token of a container; returns the line of the deepest segment found. */
  private static int follow(JsonParser p, int offset, List<Object> segments, int k, int best) throws IOException {
    if (k == segments.size()) {
      return best;
    }
    Object seg = segments.get(k);
    if (p.currentToken() == JsonToken.START_OBJECT && seg instanceof String name) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        int fieldLine = line(p, offset);
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals(name)) {
          if (k + 1 == segments.size() || value.isScalarValue()) {
            return fieldLine;
          }
          return follow(p, offset, segments, k + 1, fieldLine);
        }
        p.skipChildren();
      }
      return best;
    }
    if (p.currentToken() == JsonToken.START_ARRAY && seg instanceof Integer i) {
      int j = 0;
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
        if (j == i) {
          int elementLine = line(p, offset);
          if (k + 1 == segments.size() || t.isScalarValue()) {
            return elementLine;
          }
          return follow(p, offset, segments, k + 1, elementLine);
        }
        p.skipChildren();
        j++;
      }
    }
    return best;
  }

  private static int line(JsonParser p, int offset) {
    return offset + p.currentTokenLocation().getLineNr();
  }
}
