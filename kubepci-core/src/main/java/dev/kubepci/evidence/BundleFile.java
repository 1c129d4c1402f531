package dev.kubepci.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file to put into an evidence bundle: its path inside the bundle, its role, and its content, either in memory
 * or read from disk when packed.
 */
public record BundleFile(String path, String role, Path file, byte[] bytes) {
  public static BundleFile ofBytes(String path, String role, byte[] bytes) {
    return new BundleFile(path, role, null, bytes.clone());
  }

  public static BundleFile ofFile(String path, String role, Path file) {
    return new BundleFile(path, role, file, null);
  }

  InputStream open() throws IOException {
    return file != null ? Files.newInputStream(file) : new ByteArrayInputStream(bytes);
  }
}
