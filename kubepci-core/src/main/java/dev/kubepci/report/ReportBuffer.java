package dev.kubepci.report;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A report produced in memory before it is written, held as a list of fixed-size chunks rather than one growing
 * array. The JSON report of a 100,000-object cluster is about 100 MB: a {@code ByteArrayOutputStream} would hold it
 * as one array that doubles as it grows (the old and the new array at once) and is then copied whole, so that
 * writing it would take more than twice its size of contiguous heap. Chunks are smaller than the garbage collector's
 * regions, so none is allocated apart from other objects, and nothing is copied.
 */
public final class ReportBuffer extends OutputStream {
  /** Well below half of G1's smallest region (1 MB), above which an array is allocated as a humongous object. */
  static final int CHUNK = 256 * 1024;

  private final List<byte[]> full = new ArrayList<>();
  private byte[] current = new byte[1024];
  private int used;
  private long size;

  @Override
  public void write(int b) {
    room();
    current[used++] = (byte) b;
    size++;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    while (len > 0) {
      room();
      int n = Math.min(len, current.length - used);
      System.arraycopy(b, off, current, used, n);
      used += n;
      off += n;
      len -= n;
      size += n;
    }
  }

  /** Makes room for at least one byte: the first chunk grows up to {@link #CHUNK} (small reports stay small). */
  private void room() {
    if (used < current.length) {
      return;
    }
    if (current.length < CHUNK) {
      current = Arrays.copyOf(current, Math.min(CHUNK, current.length * 4));
      return;
    }
    full.add(current);
    current = new byte[CHUNK];
    used = 0;
  }

  /** Bytes written so far. */
  public long size() {
    return size;
  }

  /** Writes every byte to {@code out}, in order. */
  public void writeTo(OutputStream out) throws java.io.IOException {
    for (byte[] chunk : full) {
      out.write(chunk);
    }
    out.write(current, 0, used);
  }

  /** The content as one array (for small outputs: standard output, a test). */
  public byte[] toByteArray() {
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("a report of " + size + " bytes does not fit in one array");
    }
    byte[] all = new byte[(int) size];
    int at = 0;
    for (byte[] chunk : full) {
      System.arraycopy(chunk, 0, all, at, chunk.length);
      at += chunk.length;
    }
    System.arraycopy(current, 0, all, at, used);
    return all;
  }

  /** The content decoded as UTF-8. */
  public String toUtf8() {
    return new String(toByteArray(), StandardCharsets.UTF_8);
  }
}
