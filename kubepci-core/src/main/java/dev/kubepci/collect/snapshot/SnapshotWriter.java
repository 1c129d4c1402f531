package dev.kubepci.collect.snapshot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.collect.PrivateFiles;
import dev.kubepci.secrets.RedactionKey;
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
 * snapshot that looks complete. Every object is redacted first ({@link SnapshotRedactor}): the snapshot holds no
 * secret value the rules would report, only their markers. The file has mode 0600 ({@link PrivateFiles}).
 */
public final class SnapshotWriter implements SnapshotSink, AutoCloseable {
  private final Path target;
  private final Path partial;
  private final OutputStream out;
  private final SnapshotRedactor redactor;
  private boolean trailerWritten;
  private boolean closed;

  /** A writer whose redaction fingerprints use a random key: they match within this snapshot only. */
  public SnapshotWriter(Path target) throws IOException {
    this(target, RedactionKey.random());
  }

  /** @param key the key of the fingerprints in redaction markers (the assessment's, when a scan keeps its snapshot) */
  public SnapshotWriter(Path target, RedactionKey key) throws IOException {
    this.target = target;
    this.redactor = new SnapshotRedactor(key);
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    this.partial = target.resolveSibling(target.getFileName() + ".partial");
    this.out = new GZIPOutputStream(new BufferedOutputStream(PrivateFiles.create(partial), 1 << 16), 1 << 16);
  }

  @Override
  public void header(SnapshotHeader header) {
    line(header);
  }

  @Override
  public void object(ObjectNode object) {
    line(redactor.redact(object));
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
