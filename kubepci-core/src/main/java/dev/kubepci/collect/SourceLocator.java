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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the line of a field inside a manifest, so that a finding points at the offending line rather than at the
 * start of its document. A field that is absent resolves to the closest enclosing field that exists.
 *
 * <p>{@link #locateAll} answers any number of questions about one file in a single pass, visiting only the fields on
 * the requested paths. It is the only way lines are located: the reports' (through {@link FieldLines}) and the rule
 * tests' alike.
 */
public final class SourceLocator {
  private static final YAMLFactory YAML =
      YAMLFactory.builder().loaderOptions(ManifestReader.unlimitedDocuments()).build();
  private static final JsonFactory JSON = new JsonFactory();

  private SourceLocator() {}

  /** One field to locate: the path inside the object that starts at {@code objectLine} of {@code document}. */
  public record Request(int document, int objectLine, FieldPath path) {}

  /**
   * The line of every requested field of {@code file}, reading the file once; a field that is absent resolves to
   * the closest enclosing field, an object that cannot be found to its {@code objectLine}. When the file cannot
   * be read every request answers its {@code objectLine}.
   */
  public static Map<Request, Integer> locateAll(Path file, Collection<Request> requests) {
    try (Reader r = ManifestText.open(Files.newInputStream(file))) {
      return locateAll(r, requests);
    } catch (IOException | RuntimeException e) {
      Map<Request, Integer> fallback = new LinkedHashMap<>();
      requests.forEach(q -> fallback.put(q, q.objectLine()));
      return fallback;
    }
  }

  /** As {@link #locateAll(Path, Collection)}, over a reader. */
  public static Map<Request, Integer> locateAll(Reader reader, Collection<Request> requests) throws IOException {
    // document -> object line -> trie of the requested paths
    TreeMap<Integer, Map<Integer, Node>> wanted = new TreeMap<>();
    for (Request q : requests) {
      Node node = wanted.computeIfAbsent(q.document(), d -> new HashMap<>())
          .computeIfAbsent(q.objectLine(), l -> new Node());
      for (Object segment : q.path().segments()) {
        node = node.children.computeIfAbsent(segment, k -> new Node());
      }
    }
    if (!wanted.isEmpty()) {
      scan(reader, wanted);
    }
    Map<Request, Integer> lines = new LinkedHashMap<>();
    for (Request q : requests) {
      Node node = wanted.get(q.document()).get(q.objectLine());
      int best = q.objectLine();
      for (Object segment : q.path().segments()) {
        node = node.children.get(segment);
        if (node == null || node.line == 0) {
          break;
        }
        best = node.line;
      }
      lines.put(q, best);
    }
    return lines;
  }

  /** Stops reading a document once every requested object in it has been walked. */
  private static final class PastLastObject extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PastLastObject() {
      super(null, null, false, false);
    }
  }

  /** A requested field: its children on the requested paths, and the line it was seen on (0 until seen). */
  private static final class Node {
    final Map<Object, Node> children = new HashMap<>();
    int line;
  }

  private static void scan(Reader reader, TreeMap<Integer, Map<Integer, Node>> wanted) throws IOException {
    PushbackReader in = new PushbackReader(new BufferedReader(reader, 1 << 16), 1);
    int c = ManifestReader.firstSignificant(in);
    if (c == -1) {
      return;
    }
    int last = wanted.lastKey();
    if (c == '{' || c == '[') {
      // as the reader counts them: each top-level JSON value is a document, lines are absolute
      try (JsonParser p = JSON.createParser(in)) {
        int index = 0;
        JsonToken t;
        while ((t = p.nextToken()) != null && index < last) {
          index++;
          Map<Integer, Node> anchors = wanted.get(index);
          if (anchors == null) {
            p.skipChildren();
          } else {
            try {
              walkRoot(p, t, 0, anchors, index == last);
            } catch (PastLastObject done) {
              return;
            }
          }
        }
      }
      return;
    }
    DocumentStream docs = new DocumentStream(in);
    DocumentStream.Document doc;
    while (docs.index() < last && (doc = docs.next()) != null) {
      int offset = doc.startLine() - 1;
      Reader text = doc;
      Map<Integer, Node> requested = wanted.get(docs.index() + 1);
      if (requested != null) {
        LineScan scanned = scanListItems(doc, requested);
        if (scanned.empty()) {
          continue;
        }
        if (scanned.rest() == null) {
          doc.count();
          continue;
        }
        text = scanned.rest();
      }
      try (JsonParser p = YAML.createParser(text)) {
        JsonToken first = doc.firstToken(p);
        // a document with content is counted: it is the one requested above
        if (first != null && requested != null) {
          try {
            walkRoot(p, first, offset, requested, true);
          } catch (PastLastObject done) {
            // the rest of this document holds no requested object
          }
        }
      } catch (IOException e) {
        // a document that cannot be parsed keeps its number; its lines stay unlocated
      }
    }
  }

  /**
   * How a document fared when read line by line: empty (no content, not counted as a document), done (every
   * requested object was a list item and has been looked at), or to be parsed whole from {@code rest}.
   */
  private record LineScan(boolean empty, Reader rest) {
    static final LineScan EMPTY = new LineScan(true, null);
    static final LineScan DONE = new LineScan(false, null);
  }

  /**
   * The fast way through a {@code kind: List} dump, which is one document of the whole cluster: lines are read
   * without parsing, and only the items that findings name are parsed, each on its own. A block sequence item
   * starts with {@code - } and takes every following line indented deeper (or blank, or a comment). When the
   * document does not look like that (its root object is requested, or it is not block style), the lines read so
   * far and the rest of the document are handed back to be parsed as a whole.
   */
  private static LineScan scanListItems(DocumentStream.Document doc, Map<Integer, Node> anchors) throws IOException {
    DocumentStream.Document lines = doc;
    int lineNo = doc.startLine() - 1;
    StringBuilder prefix = new StringBuilder();
    String line;
    int rootLine = 0;
    while ((line = lines.nextLine()) != null) {
      lineNo++;
      prefix.append(line).append('\n');
      if (isContent(line)) {
        rootLine = lineNo;
        break;
      }
    }
    if (rootLine == 0) {
      return LineScan.EMPTY;
    }
    if (anchors.containsKey(rootLine) || line.startsWith("{") || line.startsWith("[") || line.startsWith("-")) {
      return new LineScan(false, new ConcatReader(prefix.toString(), lines));
    }
    TreeMap<Integer, Node> targets = new TreeMap<>(anchors);
    String pending = null;
    for (Map.Entry<Integer, Node> target : targets.entrySet()) {
      int start = target.getKey();
      if (start < lineNo || (start == lineNo && pending == null)) {
        continue; // not an item start we can reach: left at its object line
      }
      while (lineNo < start) {
        pending = lines.nextLine();
        if (pending == null) {
          return LineScan.DONE;
        }
        lineNo++;
      }
      String first = pending;
      int indent = indentation(first);
      if (indent < 0 || !(first.startsWith("- ", indent) || first.length() == indent + 1)
          || first.charAt(indent) != '-') {
        pending = null;
        continue;
      }
      StringBuilder item = new StringBuilder(first).append('\n');
      pending = null;
      String next;
      while ((next = lines.nextLine()) != null) {
        lineNo++;
        if (isContent(next) && indentation(next) <= indent) {
          pending = next;
          break;
        }
        item.append(next).append('\n');
      }
      locateInItem(item.toString(), start - 1, target.getValue());
      if (next == null) {
        break;
      }
    }
    return LineScan.DONE;
  }

  private static void locateInItem(String item, int offset, Node node) {
    try (JsonParser p = YAML.createParser(item)) {
      if (p.nextToken() == JsonToken.START_ARRAY && p.nextToken() == JsonToken.START_OBJECT) {
        walk(p, offset, node);
      }
    } catch (IOException | RuntimeException e) {
      // an item that does not parse on its own keeps its object line
    }
  }

  private static boolean isContent(String line) {
    int i = indentation(line);
    return i >= 0 && line.charAt(i) != '#';
  }

  /** Leading spaces of a line with content; -1 for a blank line. */
  private static int indentation(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i == line.length() || line.substring(i).isBlank() ? -1 : i;
  }

  /** The lines already read, then the rest of the document. */
  private static final class ConcatReader extends Reader {
    private final java.io.StringReader head;
    private final Reader tail;
    private boolean headDone;

    ConcatReader(String head, Reader tail) {
      this.head = new java.io.StringReader(head);
      this.tail = tail;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      if (!headDone) {
        int n = head.read(cbuf, off, len);
        if (n > 0) {
          return n;
        }
        headDone = true;
      }
      return tail.read(cbuf, off, len);
    }

    @Override
    public void close() {
      // the document belongs to its stream
    }
  }

  /**
   * Walks a document's root value: the root object, the items of a {@code List}, or the elements of a bare JSON
   * array are the objects findings name, each known by the line it starts on.
   */
  private static void walkRoot(JsonParser p, JsonToken first, int offset, Map<Integer, Node> anchors,
      boolean mayStop) throws IOException {
    if (first == JsonToken.START_ARRAY) {
      walkItems(p, offset, anchors, mayStop);
      return;
    }
    if (first != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    Node root = anchors.get(line(p, offset));
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      int fieldLine = line(p, offset);
      JsonToken value = p.nextToken();
      if ("items".equals(field) && value == JsonToken.START_ARRAY) {
        walkItems(p, offset, anchors, mayStop);
        continue;
      }
      Node child = root == null ? null : root.children.get(field);
      if (child == null) {
        p.skipChildren();
      } else {
        child.line = fieldLine;
        walk(p, offset, child);
      }
    }
  }

  /** @param mayStop true when nothing after this list is needed, so reading may stop past the last object */
  private static void walkItems(JsonParser p, int offset, Map<Integer, Node> anchors, boolean mayStop)
      throws IOException {
    int last = anchors.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
      int itemLine = line(p, offset);
      if (mayStop && itemLine > last) {
        // no requested object further down: the rest of the list need not be parsed
        throw new PastLastObject();
      }
      Node item = anchors.get(itemLine);
      if (item == null) {
        p.skipChildren();
      } else {
        walk(p, offset, item);
      }
    }
  }

  /** The parser is on the value of {@code node}; records the lines of the requested fields below it. */
  private static void walk(JsonParser p, int offset, Node node) throws IOException {
    JsonToken t = p.currentToken();
    if (node.children.isEmpty() || !t.isStructStart()) {
      p.skipChildren();
      return;
    }
    if (t == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        Node child = node.children.get(p.currentName());
        int fieldLine = line(p, offset);
        p.nextToken();
        if (child == null) {
          p.skipChildren();
        } else {
          child.line = fieldLine;
          walk(p, offset, child);
        }
      }
      return;
    }
    int i = 0;
    JsonToken e;
    while ((e = p.nextToken()) != JsonToken.END_ARRAY && e != null) {
      Node child = node.children.get(i);
      if (child == null) {
        p.skipChildren();
      } else {
        child.line = line(p, offset);
        walk(p, offset, child);
      }
      i++;
    }
  }

  private static int line(JsonParser p, int offset) {
    return offset + p.currentTokenLocation().getLineNr();
  }
}
