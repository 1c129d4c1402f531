package dev.kubepci.collect;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A file's bytes with the SHA-256 of them taken as they are read, so that the digest a report gives for an input is
 * that of the bytes assessed (a file changed during the scan cannot be hashed in its new state) and the file is not
 * read again for it. Bytes skipped are read and hashed; mark and reset are not supported.
 */
public final class DigestedInput extends FilterInputStream {
  private final MessageDigest digest;
  private final boolean regularFile;
  private boolean atEnd;
  private String hex;

  private DigestedInput(Path file) throws IOException {
    super(Files.newInputStream(file));
    this.digest = sha256();
    this.regularFile = Files.isRegularFile(file);
  }

  public static DigestedInput open(Path file) throws IOException {
    return new DigestedInput(file);
  }

  /** The hex SHA-256 of a file's bytes. */
  public static String sha256(Path file) throws IOException {
    try (DigestedInput in = open(file)) {
      in.transferTo(OutputStream.nullOutputStream());
      return in.finish().orElseThrow();
    }
  }

  /**
   * The hex SHA-256 of the whole file: of a regular file, after reading what the reader left unread; of a pipe or
   * device, only when the reader read it to its end (the rest of a stream may never end), else empty.
   */
  public Optional<String> finish() throws IOException {
    if (hex == null && (atEnd || regularFile)) {
      transferTo(OutputStream.nullOutputStream());
      hex = HexFormat.of().formatHex(digest.digest());
    }
    return Optional.ofNullable(hex);
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      digest.update((byte) b);
    } else {
      atEnd = true;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      digest.update(b, off, n);
    } else if (n < 0) {
      atEnd = true;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    if (n <= 0) {
      return 0;
    }
    byte[] discard = new byte[(int) Math.min(n, 8192)];
    long skipped = 0;
    while (skipped < n) {
      int r = read(discard, 0, (int) Math.min(discard.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readlimit) {
    // not supported: a reset would hash bytes twice
  }

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
