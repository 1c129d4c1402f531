package dev.kubepci.collect;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the files kubepci writes for its user alone (snapshots, reports): mode 0600 on POSIX file systems, whatever
 * the umask, so that the evidence of a cluster is not readable by the other users of the machine. A file that already
 * exists is narrowed to 0600 before it is written.
 */
public final class PrivateFiles {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private PrivateFiles() {}

  /** Opens {@code file} for writing from its start, created (or narrowed) to mode 0600. */
  public static OutputStream create(Path file) throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        && file.getFileSystem().equals(FileSystems.getDefault());
    if (posix) {
      if (Files.exists(file)) {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
      } else {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      }
    }
    return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
  }
}
