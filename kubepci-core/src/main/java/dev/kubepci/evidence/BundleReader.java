package dev.kubepci.evidence;

import dev.kubepci.report.Printable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Reads an evidence bundle as hostile input: nothing is extracted to disk; every entry name must be a plain
 * relative path (no traversal, absolute path, backslash or drive letter; directory entries hold no data and are
 * otherwise ignored); a name may occur once; the number of
 * entries, the bytes of each entry and of all entries together are capped by what is actually read (not by what
 * the archive declares); and the local headers must list the same entries in the same order as the central
 * directory, so that what is verified is what an unzip tool extracts.
 */
public final class BundleReader {
  /** Caps on what a bundle may hold. */
  public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxSignatureBytes) {
    public static final Limits DEFAULT = new Limits(100_000, 4L << 30, 16L << 30, 1 << 20);
  }

  /** A file of the bundle: its SHA-256 (hex) and size. */
  public record Digest(String sha256, long size) {}

  /** What a bundle holds: its evidence files by name (archive order) and its signature entries. */
  public record Contents(Map<String, Digest> files, byte[] envelope, byte[] chain) {}

  private BundleReader() {}

  public static Contents read(Path bundle) {
    return read(bundle, Limits.DEFAULT);
  }

  public static Contents read(Path bundle, Limits limits) {
    if (!Files.isRegularFile(bundle)) {
      throw new EvidenceException(bundle + ": no such file");
    }
    List<String> local = new ArrayList<>();
    Map<String, Digest> files = new LinkedHashMap<>();
    byte[] envelope = null;
    byte[] chain = null;
    long total = 0;
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        String name = e.getName();
        String problem = BundleLayout.problem(name);
        if (problem != null) {
          throw new EvidenceException(bundle + ": unsafe entry '" + Printable.text(name) + "': " + problem);
        }
        if (local.contains(name)) {
          throw new EvidenceException(bundle + ": entry '" + name + "' occurs twice");
        }
        local.add(name);
        if (local.size() > limits.maxEntries()) {
          throw new EvidenceException(bundle + ": more than " + limits.maxEntries() + " entries");
        }
        if (BundleLayout.isDirectory(name)) {
          if (zip.read() != -1) {
            throw new EvidenceException(bundle + ": directory entry '" + name + "' holds data");
          }
          continue;
        }
        boolean signature = BundleLayout.isSignature(name);
        long cap = signature ? limits.maxSignatureBytes() : Math.min(limits.maxEntryBytes(),
            limits.maxTotalBytes() - total);
        MessageDigest sha = EvidenceBundle.sha256();
        ByteArrayOutputStream kept = signature ? new ByteArrayOutputStream() : null;
        long size = copy(zip, sha, kept, cap, bundle, name, signature ? "signature entry limit" : "size limit");
        total += size;
        if (signature) {
          if (BundleLayout.ENVELOPE.equals(name)) {
            envelope = kept.toByteArray();
          } else {
            chain = kept.toByteArray();
          }
        } else {
          files.put(name, new Digest(HexFormat.of().formatHex(sha.digest()), size));
        }
      }
    } catch (ZipException e) {
      throw new EvidenceException(bundle + ": not a valid zip archive: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new EvidenceException("cannot read " + bundle + ": " + e.getMessage(), e);
    }
    if (local.isEmpty()) {
      throw new EvidenceException(bundle + ": not an evidence bundle (no zip entries)");
    }
    List<String> central = centralDirectory(bundle);
    if (!central.equals(local)) {
      throw new EvidenceException(bundle + ": the archive's central directory lists other entries than its "
          + "local headers; refusing an archive that extracts differently from what is verified");
    }
    return new Contents(Collections.unmodifiableMap(files), envelope, chain);
  }

  private static long copy(InputStream in, MessageDigest sha, ByteArrayOutputStream kept, long cap, Path bundle,
      String name, String limit) throws IOException {
    byte[] buf = new byte[64 * 1024];
    long size = 0;
    for (int n; (n = in.read(buf)) > 0; ) {
      size += n;
      if (size > cap) {
        throw new EvidenceException(bundle + ": entry '" + name + "' exceeds the " + limit + " (" + cap + " bytes)");
      }
      sha.update(buf, 0, n);
      if (kept != null) {
        kept.write(buf, 0, n);
      }
    }
    return size;
  }

  private static List<String> centralDirectory(Path bundle) {
    List<String> names = new ArrayList<>();
    try (ZipFile zip = new ZipFile(bundle.toFile())) {
      zip.stream().forEach(e -> names.add(e.getName()));
    } catch (IOException e) {
      throw new EvidenceException(bundle + ": not a valid zip archive: " + e.getMessage(), e);
    }
    return names;
  }
}
