package dev.kubepci.evidence;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an evidence bundle: a zip archive of the files, sorted by path, each entry dated at the assessment time
 * so that the same evidence packs to the same bytes, then the DSSE envelope of the in-toto Statement that lists
 * every file with its SHA-256 and size, and the certificate chain when one was given.
 */
public final class EvidenceBundle {
  static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private EvidenceBundle() {}

  /** Packs and signs; the archive appears at {@code out} only once complete. */
  public static Statement write(Path out, List<BundleFile> files, Statement.Predicate predicate, SigningKey key,
      List<X509Certificate> chain) {
    List<BundleFile> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(BundleFile::path));
    Set<String> seen = new HashSet<>();
    for (BundleFile f : sorted) {
      String problem = BundleLayout.problem(f.path());
      if (problem != null || BundleLayout.isSignature(f.path()) || f.path().startsWith("signature/")) {
        throw new EvidenceException("cannot pack '" + f.path() + "': " + (problem == null ? "reserved name" : problem));
      }
      if (!seen.add(f.path())) {
        throw new EvidenceException("two files would be packed as '" + f.path() + "'");
      }
    }
    Instant at = Instant.parse(predicate.createdAt());
    Path parent = out.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, ".kubepci-evidence", ".tmp");
      try {
        Statement statement;
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
          List<Statement.Subject> subjects = new ArrayList<>();
          for (BundleFile f : sorted) {
            subjects.add(copy(f, zip, at));
          }
          statement = new Statement(Statement.TYPE, subjects, Statement.PREDICATE_TYPE, predicate);
          byte[] payload = JSON.writeValueAsBytes(statement);
          Dsse.Envelope envelope = Dsse.sign(Dsse.IN_TOTO_PAYLOAD_TYPE, payload, key);
          entry(zip, BundleLayout.ENVELOPE, JSON.writeValueAsBytes(envelope), at);
          if (chain != null && !chain.isEmpty()) {
            entry(zip, BundleLayout.CHAIN, Keys.certificatesPem(chain).getBytes(StandardCharsets.US_ASCII), at);
          }
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return statement;
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new EvidenceException("cannot write evidence bundle " + out + ": " + e.getMessage(), e);
    }
  }

  private static Statement.Subject copy(BundleFile f, ZipOutputStream zip, Instant at) throws IOException {
    ZipEntry e = new ZipEntry(f.path());
    e.setLastModifiedTime(FileTime.from(at));
    zip.putNextEntry(e);
    MessageDigest sha = sha256();
    long size = 0;
    try (InputStream in = f.open()) {
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) {
        sha.update(buf, 0, n);
        zip.write(buf, 0, n);
        size += n;
      }
    }
    zip.closeEntry();
    return new Statement.Subject(f.path(), Map.of("sha256", HexFormat.of().formatHex(sha.digest())),
        new Statement.Annotations(size, f.role()));
  }

  private static void entry(ZipOutputStream zip, String name, byte[] content, Instant at) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setLastModifiedTime(FileTime.from(at));
    zip.putNextEntry(e);
    zip.write(content);
    zip.closeEntry();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
