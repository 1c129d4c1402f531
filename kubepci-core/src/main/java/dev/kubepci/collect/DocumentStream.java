package dev.kubepci.collect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.regex.Pattern;

/**
 * Splits a YAML stream into its documents without reading it whole: each document is a {@link Reader} that ends
 * at the next {@code ---} (or {@code ...}) line, so one broken document never hides the others and a large
 * {@code kubectl get -o yaml} dump is parsed as it is read.
 */
final class DocumentStream {
  /**
   * No line of a valid object is longer: the API server refuses request bodies over 3 MiB. A longer line ends its
   * document with an input error instead of being parsed (a 10 MB plain scalar would take SnakeYAML minutes).
   */
  static final int MAX_LINE_CHARS = 3 * 1024 * 1024;
  /**
   * From this length a plain scalar made only of token characters (base64 data, a certificate, a key) is handed to
   * the parser double-quoted, which reads the same value: SnakeYAML scans long plain scalars in quadratic time, and
   * {@code kubectl get -o yaml} writes Secret and ConfigMap data that way.
   */
  static final int LONG_PLAIN_SCALAR = 16 * 1024;
  /** A line whose value is a block scalar ({@code key: |}, {@code - >-} ...): the lines indented below it are text. */
  private static final Pattern BLOCK_SCALAR_START = Pattern.compile(".*(?:^|[:\\-] +)[|>][-+0-9]*(?: +#.*)? *");

  private final BoundedLineReader in;
  private int linesRead;
  private boolean eof;
  private Document current;
  private int index;

  DocumentStream(Reader reader) {
    this.in = new BoundedLineReader(reader);
  }

  /** The next document, or null at the end. The previous one is drained first. */
  Document next() throws IOException {
    if (current != null) {
      current.drain();
    }
    if (eof) {
      return null;
    }
    current = new Document(linesRead + 1);
    return current;
  }

  /**
   * The number of the last document counted (1-based, 0 before the first), as {@code kubectl} numbers them: a
   * document without content (blank lines, comments) is not one, a document that cannot be parsed is.
   */
  int index() {
    return index;
  }

  private static boolean isSeparator(String line) {
    if (line.startsWith("---")) {
      return line.length() == 3 || Character.isWhitespace(line.charAt(3));
    }
    return line.equals("...") || (line.startsWith("...") && line.substring(3).isBlank());
  }

  /**
   * {@code line} with its long plain scalars of token characters double-quoted (block or flow context, as a mapping
   * value or a sequence item), or as it is. Anything unusual (a tag, an anchor, a key, a number, text in quotes)
   * is left as written. {@code quote} carries a quoted scalar left open at the end of a line over to the next one
   * (its one element is the open quote character, 0 when none); lines shorter than {@code minLength} are only
   * followed for that.
   */
  static String quoteLongPlainScalars(String line, char[] quote, int minLength) {
    if (quote[0] == 0 && line.length() <= minLength && line.indexOf('"') < 0 && line.indexOf('\'') < 0) {
      return line;
    }
    StringBuilder out = null;
    int copied = 0;
    int flow = 0;
    int n = line.length();
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      if (quote[0] == '"') {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quote[0] = 0;
        }
        continue;
      }
      if (quote[0] == '\'') {
        if (c == '\'' && i + 1 < n && line.charAt(i + 1) == '\'') {
          i++; // '' is a quote inside the scalar
        } else if (c == '\'') {
          quote[0] = 0;
        }
        continue;
      }
      if ((c == '"' || c == '\'') && valueStart(line, i)) {
        quote[0] = c;
      } else if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ')) {
        break; // a comment: nothing more to look at
      } else if (c == '{' || c == '[') {
        flow++;
      } else if ((c == '}' || c == ']') && flow > 0) {
        flow--;
      } else if (isToken(c) && valueStart(line, i)) {
        int end = i;
        while (end < n && (isToken(line.charAt(end)) || line.charAt(end) == ':' && end + 1 < n
            && isToken(line.charAt(end + 1)))) {
          end++;
        }
        int after = end;
        while (after < n && line.charAt(after) == ' ') {
          after++;
        }
        boolean ends = after == n || line.charAt(after) == '#' && after > end
            || flow > 0 && (line.charAt(after) == ',' || line.charAt(after) == '}' || line.charAt(after) == ']');
        if (end - i > minLength && ends && !isNumber(line, i, end)) {
          if (out == null) {
            out = new StringBuilder(n + 8);
          }
          out.append(line, copied, i).append('"').append(line, i, end).append('"');
          copied = end;
        }
        i = end - 1;
      }
    }
    if (out == null) {
      return line;
    }
    return out.append(line, copied, n).toString();
  }

  private static boolean isToken(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '='
        || c == '_' || c == '.' || c == '-';
  }

  /** True when a plain scalar may start at {@code i}: after "key: ", "- ", or an opening or comma of a flow collection. */
  private static boolean valueStart(String line, int i) {
    if (i == 0) {
      return false;
    }
    char before = line.charAt(i - 1);
    if (before == '{' || before == '[' || before == ',') {
      return true;
    }
    if (before != ' ') {
      return false;
    }
    int j = i - 1;
    while (j >= 0 && line.charAt(j) == ' ') {
      j--;
    }
    if (j < 0) {
      return false;
    }
    char indicator = line.charAt(j);
    return indicator == ':' || indicator == '{' || indicator == '[' || indicator == ','
        || indicator == '-' && (j == 0 || line.charAt(j - 1) == ' ');
  }

  private static boolean isNumber(String line, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = line.charAt(i);
      if (!(c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
        return false;
      }
    }
    return true;
  }

  /** One document: a reader over its lines, and the line of the file where it starts. */
  final class Document extends Reader {
    private final int startLine;
    private int overlongLine;
    /** Indentation of the line that opened the block scalar being read, -1 outside one. */
    private int blockIndent = -1;
    /** The quote character of a quoted scalar that continues on the next line, 0 when none. */
    private final char[] openQuote = new char[1];
    private String buffer = "";
    private int pos;
    private boolean done;

    Document(int startLine) {
      this.startLine = startLine;
    }

    /** The file line of the document's first line (1-based). */
    int startLine() {
      return startLine;
    }

    /**
     * The document's first token as {@code parser} reads it, null when it has no content; counts the document
     * unless it has none, also when that token cannot be read.
     */
    JsonToken firstToken(JsonParser parser) throws IOException {
      JsonToken first;
      try {
        first = parser.nextToken();
      } catch (IOException e) {
        index++;
        throw e;
      }
      if (first != null) {
        index++;
      }
      return first;
    }

    /** Counts the document, found to have content without parsing it. */
    void count() {
      index++;
    }

    /** True when {@code line} is text of a block scalar, which must reach the parser as it is. */
    private boolean inBlockScalar(String line) {
      int indent = 0;
      while (indent < line.length() && line.charAt(indent) == ' ') {
        indent++;
      }
      return blockIndent >= 0 && (indent > blockIndent || indent == line.length());
    }

    /** Follows where block scalars start and end; called for every line with content the parser will read. */
    private void track(String line) {
      if (blockIndent >= 0 && inBlockScalar(line)) {
        return;
      }
      blockIndent = -1;
      if (line.length() < 4096 && (line.indexOf('|') >= 0 || line.indexOf('>') >= 0)
          && BLOCK_SCALAR_START.matcher(line).matches()) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
          indent++;
        }
        blockIndent = indent;
      }
    }

    /** The file line of the line longer than {@link #MAX_LINE_CHARS} that ended this document, 0 when none. */
    int overlongLine() {
      return overlongLine;
    }

    private boolean fill() throws IOException {
      while (!done && pos >= buffer.length()) {
        String line = rawLine();
        if (line == null) {
          return false;
        }
        if (line.length() > MAX_LINE_CHARS) {
          if (overlongLine == 0) {
            overlongLine = linesRead;
            throw new IOException("line " + linesRead + " is " + line.length() + " characters long; no object the"
                + " API server accepts has a line over " + MAX_LINE_CHARS + " characters (3 MiB)");
          }
          continue;
        }
        boolean text = inBlockScalar(line);
        track(line);
        buffer = (text ? line : quoteLongPlainScalars(line, openQuote, LONG_PLAIN_SCALAR)) + "\n";
        pos = 0;
      }
      return pos < buffer.length();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(len, buffer.length() - pos);
      buffer.getChars(pos, pos + n, cbuf, off);
      pos += n;
      return n;
    }

    /**
     * The next line of the document without its line break, or null at its end: for scanning a document's text
     * without parsing it. May follow {@link #read} calls; what they left of the current line comes first.
     */
    String nextLine() throws IOException {
      if (pos < buffer.length()) {
        String rest = buffer.substring(pos, buffer.length() - 1);
        pos = buffer.length();
        return rest;
      }
      if (done) {
        return null;
      }
      return rawLine();
    }

    /** The document's next line as the input has it, or null at its end: the end of the input or a separator. */
    private String rawLine() throws IOException {
      String line = in.readLine();
      if (line == null) {
        eof = true;
        done = true;
        return null;
      }
      linesRead++;
      if (isSeparator(line)) {
        done = true;
        // "--- {inline: doc}" or "--- !tag": the rest of the line belongs to the next document, which we do not
        // support; kubectl never writes it.
        return null;
      }
      return line;
    }

    void drain() throws IOException {
      while (fill()) {
        pos = buffer.length();
      }
    }

    @Override
    public void close() {
      // the underlying stream belongs to DocumentStream
    }
  }
}
