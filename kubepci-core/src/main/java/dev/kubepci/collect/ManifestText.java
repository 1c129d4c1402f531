package dev.kubepci.collect;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a manifest file, decoded as YAML 1.2 says a stream's encoding is found: a byte-order mark (UTF-8,
 * UTF-16 LE or BE, UTF-32 LE or BE), else the pattern of zero bytes around the first character, else UTF-8. Windows
 * PowerShell writes {@code kubectl get ... > dump.yaml} as UTF-16 LE with a mark; such files are read as written.
 *
 * <p>Bytes that are not valid in the encoding do not stop reading: each run of them reads as U+FFFD and is recorded
 * with its line, so that the reader can name the line in an input error and still assess the rest of the file. The
 * byte-order mark is not part of the text.
 */
final class ManifestText extends Reader {
  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

  private final InputStream in;
  private final Charset charset;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
  private final CharBuffer chars = CharBuffer.allocate(1 << 16);
  private final List<Malformed> malformed = new ArrayList<>();
  private boolean eof;
  private boolean flushed;
  /** Lines completed in the text handed out so far (0-based line of the next character decoded). */
  private int line;
  private boolean lastWasCr;
  private long byteOffset;
  /** Characters of the buffer whose line breaks have been counted. */
  private int counted;

  /** A run of invalid bytes: the 1-based line it is on and its offset in the file. */
  record Malformed(int line, long byteOffset) {}

  private ManifestText(InputStream in, Charset charset, int bomLength) {
    this.in = in;
    this.charset = charset;
    this.decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    this.byteOffset = bomLength;
    bytes.flip();
    chars.flip();
  }

  /** Detects the encoding of {@code raw} and opens its text. */
  static ManifestText open(InputStream raw) throws IOException {
    PushbackInputStream in = new PushbackInputStream(raw, 4);
    byte[] head = new byte[4];
    int n = in.readNBytes(head, 0, 4);
    int b0 = n > 0 ? head[0] & 0xff : -1;
    int b1 = n > 1 ? head[1] & 0xff : -1;
    int b2 = n > 2 ? head[2] & 0xff : -1;
    int b3 = n > 3 ? head[3] & 0xff : -1;
    Charset charset;
    int bom;
    if (n == 4 && b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) {
      charset = UTF_32BE;
      bom = 4;
    } else if (n == 4 && b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) {
      charset = UTF_32LE;
      bom = 4;
    } else if (n >= 3 && b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
      charset = StandardCharsets.UTF_8;
      bom = 3;
    } else if (n >= 2 && b0 == 0xFE && b1 == 0xFF) {
      charset = StandardCharsets.UTF_16BE;
      bom = 2;
    } else if (n >= 2 && b0 == 0xFF && b1 == 0xFE) {
      charset = StandardCharsets.UTF_16LE;
      bom = 2;
    } else if (n == 4 && b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) {
      charset = UTF_32BE;
      bom = 0;
    } else if (n == 4 && b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) {
      charset = UTF_32LE;
      bom = 0;
    } else if (n >= 2 && b0 == 0 && b1 != 0) {
      charset = StandardCharsets.UTF_16BE;
      bom = 0;
    } else if (n >= 2 && b0 != 0 && b1 == 0) {
      charset = StandardCharsets.UTF_16LE;
      bom = 0;
    } else {
      charset = StandardCharsets.UTF_8;
      bom = 0;
    }
    if (n > bom) {
      in.unread(head, bom, n - bom);
    }
    return new ManifestText(in, charset, bom);
  }

  /** The encoding the text was read in. */
  Charset charset() {
    return charset;
  }

  /** The invalid byte runs found so far on lines up to {@code lastLine}, in file order; those returned are forgotten. */
  List<Malformed> takeMalformed(int lastLine) {
    List<Malformed> found = new ArrayList<>();
    while (!malformed.isEmpty() && malformed.get(0).line() <= lastLine) {
      found.add(malformed.remove(0));
    }
    return found;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (flushed) {
        return -1;
      }
      decodeMore();
    }
    int n = Math.min(len, chars.remaining());
    chars.get(cbuf, off, n);
    return n;
  }

  private void decodeMore() throws IOException {
    chars.clear();
    counted = 0;
    try {
      while (chars.position() == 0) {
        if (!eof && bytes.remaining() < 16) {
          bytes.compact();
          int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
          if (r < 0) {
            eof = true;
          } else {
            bytes.position(bytes.position() + r);
          }
          bytes.flip();
        }
        int before = bytes.position();
        CoderResult result = decoder.decode(bytes, chars, eof);
        byteOffset += bytes.position() - before;
        if (result.isError()) {
          countLines(chars.position());
          if (malformed.isEmpty() || malformed.get(malformed.size() - 1).line() != line + 1) {
            malformed.add(new Malformed(line + 1, byteOffset)); // one error per line is enough
          }
          bytes.position(bytes.position() + result.length());
          byteOffset += result.length();
          chars.put('\uFFFD');
          continue;
        }
        if (eof && !bytes.hasRemaining()) {
          decoder.flush(chars);
          flushed = true;
          break;
        }
        if (result.isOverflow()) {
          break;
        }
      }
    } finally {
      countLines(chars.position());
      chars.flip();
    }
  }

  /** Counts the line breaks among the characters decoded into the buffer up to {@code end}. */
  private void countLines(int end) {
    char[] a = chars.array();
    for (int i = counted; i < end; i++) {
      char c = a[i];
      if (c == '\n') {
        if (!lastWasCr) {
          line++;
        }
        lastWasCr = false;
      } else if (c == '\r') {
        line++;
        lastWasCr = true;
      } else {
        lastWasCr = false;
      }
    }
    counted = end;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
