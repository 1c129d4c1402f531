package dev.kubepci.collect.snapshot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a snapshot as the collection streams in. The file appears under its name only once the trailer is written
 * and the stream closed: until then it is {@code NAME.partial}, so that an interrupted collection never leaves a
 * snapshot that looks complete.
 */
public final class SnapshotWriter implements SnapshotSink, AutoCloseable {
  private final Path target;
  private final Path partial;
  private final OutputStream out;
  private boolean trailerWritten;
  private boolean closed;

  public SnapshotWriter(Path target) throws IOException {
    this.target = target;
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    this.partial = target.resolveSibling(target.getFileName() + ".partial");
    this.out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16), 1 << 16);
  }

  @Override
  public void header(SnapshotHeader header) {
    line(header);
  }

  @Override
  public void object(ObjectNode object) {
    line(object);
  }

  @Override
  public void trailer(SnapshotTrailer trailer) {
    line(trailer);
    trailerWritten = true;
  }

  private void line(Object value) {
    try {
      SnapshotFormat.MAPPER.writeValue(out, value);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + partial + ": " + e.getMessage(), e);
    }
  }

  /** Finishes the file; it takes its final name only when the trailer was written. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    out.close();
    if (trailerWritten) {
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    } else {
      Files.deleteIfExists(partial);
    }
  }
}
