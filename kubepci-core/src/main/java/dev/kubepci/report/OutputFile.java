package dev.kubepci.report;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A file kubepci writes (a report, a snapshot), written so that it is either complete or absent: the bytes go to a
 * temporary file in the same folder, which is flushed to disk and renamed over the target only when everything was
 * written. A full disk, a crash or {@code kill -9} leaves the previous file (or none) and at most a hidden
 * {@code .NAME.*.tmp} file, never a truncated report that looks complete. New files get the permissions asked for
 * ({@link #PRIVATE} unless the user chose otherwise), since reports and snapshots describe a cluster's weak points.
 *
 * <p>A target that exists and is not a regular file (a pipe, {@code /dev/stdout}, a device) is written in place:
 * it cannot be replaced by a rename, and it is not a file a reader could mistake for a finished report.
 */
public final class OutputFile implements Closeable {
  /** {@code rw-------}: readable by the owner alone. */
  public static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

  private final Path target;
  private final Path temporary;
  private final FileChannel channel;
  private final OutputStream out;
  private boolean committed;
  private boolean closed;

  private OutputFile(Path target, Path temporary, FileChannel channel, OutputStream out) {
    this.target = target;
    this.temporary = temporary;
    this.channel = channel;
    this.out = out;
  }

  /**
   * Opens {@code target} for writing; nothing appears under its name until {@link #commit()}. Missing parent
   * folders are created.
   *
   * @param mode the permissions of the new file on file systems that have them
   * @throws OutputException when the target is a directory or its folder cannot be written
   */
  public static OutputFile open(Path target, Set<PosixFilePermission> mode) throws IOException {
    Path absolute = target.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      throw new OutputException(target, "is a directory");
    }
    if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
      try {
        OutputStream stream = Files.newOutputStream(absolute, StandardOpenOption.WRITE);
        return new OutputFile(target, null, null, new BufferedOutputStream(stream, 1 << 16));
      } catch (IOException e) {
        throw OutputException.of(target, e);
      }
    }
    Path folder = absolute.getParent();
    Path temporary;
    try {
      Files.createDirectories(folder);
      temporary = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp", permissions(folder, mode));
    } catch (IOException e) {
      throw OutputException.of(target, e);
    }
    try {
      FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
      return new OutputFile(target, temporary, channel,
          new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
    } catch (IOException e) {
      Files.deleteIfExists(temporary);
      throw OutputException.of(target, e);
    }
  }

  /** Writes all of {@code content} to {@code target} at once; see {@link #open}. */
  public static void write(Path target, Set<PosixFilePermission> mode, byte[] content) throws IOException {
    write(target, mode, out -> out.write(content));
  }

  /** Writes a report produced in memory to {@code target} at once; see {@link #open}. */
  public static void write(Path target, Set<PosixFilePermission> mode, ReportBuffer content) throws IOException {
    write(target, mode, content::writeTo);
  }

  /** What {@link #write} writes. */
  private interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private static void write(Path target, Set<PosixFilePermission> mode, Content content) throws IOException {
    try (OutputFile file = open(target, mode)) {
      try {
        content.writeTo(file.stream());
      } catch (IOException e) {
        throw OutputException.of(target, e);
      }
      file.commit();
    }
  }

  /** Where to write; closing it is {@link #close}'s job. */
  public OutputStream stream() {
    return out;
  }

  /** The file's final name. */
  public Path target() {
    return target;
  }

  /** Flushes every byte to disk and gives the file its name; the previous file of that name is replaced. */
  public void commit() throws IOException {
    if (closed) {
      throw new IllegalStateException("already closed: " + target);
    }
    closed = true;
    try {
      out.flush();
      if (channel != null) {
        channel.force(true);
      }
      out.close();
      if (temporary != null) {
        move(temporary, target.toAbsolutePath());
      }
      committed = true;
    } catch (IOException e) {
      discard();
      throw e instanceof OutputException ? e : OutputException.of(target, e);
    }
  }

  /** Discards the file unless it was committed: the target keeps what it had. */
  @Override
  public void close() throws IOException {
    if (committed) {
      return;
    }
    closed = true;
    discard();
  }

  private void discard() throws IOException {
    try {
      out.close();
    } catch (IOException e) {
      // the write already failed; the temporary file goes either way
    } finally {
      if (temporary != null) {
        Files.deleteIfExists(temporary);
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static FileAttribute<?>[] permissions(Path folder, Set<PosixFilePermission> mode) {
    if (!folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)};
  }

  /** A file that cannot be written, with the reason in words; the message names the file. */
  public static final class OutputException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public OutputException(Path file, String reason) {
      super("cannot write " + file + ": " + reason);
      this.file = file;
    }

    public Path file() {
      return file;
    }

    /** The failure in words: "no space left on device", "permission denied", "is a directory" ... */
    public static OutputException of(Path file, IOException e) {
      if (e instanceof OutputException o) {
        return o;
      }
      String reason;
      if (e instanceof AccessDeniedException) {
        reason = "permission denied";
      } else if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
        reason = "a part of the path is not a folder";
      } else if (e instanceof NoSuchFileException) {
        Path folder = file.toAbsolutePath().getParent();
        reason = folder != null && Files.isDirectory(folder) ? "files cannot be created in " + folder
            : "the folder does not exist and cannot be created";
      } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
        reason = fs.getReason().toLowerCase(java.util.Locale.ROOT);
      } else {
        reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      }
      OutputException out = new OutputException(file, reason);
      out.initCause(e);
      return out;
    }
  }
}
