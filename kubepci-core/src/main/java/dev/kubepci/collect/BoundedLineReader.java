package dev.kubepci.collect;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine()} (ending at {@code \n}, {@code \r\n} or {@code \r}), but
 * refuses a line longer than a limit instead of growing a buffer until the heap is gone: {@code /dev/zero} or a
 * decompressed snapshot of one endless line then end in an error naming the line, not in an out-of-memory error.
 */
public final class BoundedLineReader {
  /**
   * The longest line kubepci reads, in characters: 8 MiB. The API server accepts no request over 3 MiB, so every
   * object a cluster can hold fits on one line, however it is printed.
   */
  public static final int MAX_LINE_CHARS = 8 << 20;

  private final Reader in;
  private final int maxLine;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int end;
  private boolean skipLf;
  private int lines;
  private LineTooLongException failed;

  public BoundedLineReader(Reader in) {
    this(in, MAX_LINE_CHARS);
  }

  public BoundedLineReader(Reader in, int maxLine) {
    this.in = in;
    this.maxLine = maxLine;
  }

  /** The line was longer than the limit; nothing after it can be trusted to start where it seems to. */
  public static final class LineTooLongException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int line;

    LineTooLongException(int line, int limit) {
      super("line " + line + " is longer than " + String.format(java.util.Locale.ROOT, "%,d", limit)
          + " characters (kubepci's limit; no Kubernetes object needs more)");
      this.line = line;
    }

    /** The 1-based number of the line that is too long. */
    public int line() {
      return line;
    }

    /** The line-length failure somewhere in the causes of {@code e} (a parser wraps what its reader threw), or null. */
    public static LineTooLongException in(Throwable e) {
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof LineTooLongException l) {
          return l;
        }
      }
      return null;
    }
  }

  /** Lines returned so far. */
  public int lineCount() {
    return lines;
  }

  /**
   * The next line without its line break, or null at the end.
   *
   * @throws LineTooLongException when the line exceeds the limit, and on every call after that
   */
  public String readLine() throws IOException {
    if (failed != null) {
      throw failed;
    }
    StringBuilder line = null;
    while (true) {
      if (pos >= end && !fill()) {
        if (line == null) {
          return null;
        }
        lines++;
        return line.toString();
      }
      if (skipLf) {
        skipLf = false;
        if (buf[pos] == '\n') {
          pos++;
          continue;
        }
      }
      int start = pos;
      while (pos < end && buf[pos] != '\n' && buf[pos] != '\r') {
        pos++;
      }
      int length = (line == null ? 0 : line.length()) + pos - start;
      if (length > maxLine) {
        failed = new LineTooLongException(lines + 1, maxLine);
        throw failed;
      }
      if (pos < end) {
        String s = line == null ? new String(buf, start, pos - start) : line.append(buf, start, pos - start).toString();
        skipLf = buf[pos] == '\r';
        pos++;
        lines++;
        return s;
      }
      if (line == null) {
        line = new StringBuilder(Math.max(80, pos - start));
      }
      line.append(buf, start, pos - start);
    }
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    pos = 0;
    end = n;
    return true;
  }
}
