package dev.kubepci.collect;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a YAML stream into its documents without reading it whole: each document is a {@link Reader} that ends
 * at the next {@code ---} (or {@code ...}) line, so one broken document never hides the others and a large
 * {@code kubectl get -o yaml} dump is parsed as it is read.
 */
final class DocumentStream {
  private final BoundedLineReader in;
  private int linesRead;
  private boolean eof;
  private Document current;

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

  private static boolean isSeparator(String line) {
    if (line.startsWith("---")) {
      return line.length() == 3 || Character.isWhitespace(line.charAt(3));
    }
    return line.equals("...") || (line.startsWith("...") && line.substring(3).isBlank());
  }

  /** One document: a reader over its lines, and the line of the file where it starts. */
  final class Document extends Reader {
    private final int startLine;
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

    private boolean fill() throws IOException {
      while (!done && pos >= buffer.length()) {
        String line = in.readLine();
        if (line == null) {
          eof = true;
          done = true;
          return false;
        }
        linesRead++;
        if (isSeparator(line)) {
          done = true;
          // "--- {inline: doc}" or "--- !tag": the rest of the line belongs to the next document, which we do not
          // support; kubectl never writes it.
          return false;
        }
        buffer = line + "\n";
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
      String line = in.readLine();
      if (line == null) {
        eof = true;
        done = true;
        return null;
      }
      linesRead++;
      if (isSeparator(line)) {
        done = true;
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
