package dev.kubepci.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EvidenceBundleTest {
  private static final Instant AT = Instant.parse("2026-01-01T12:00:00Z");

  @TempDir
  Path dir;

  private static Statement.Predicate predicate() {
    return new Statement.Predicate(AT.toString(), new Statement.Named("kubepci", "1.2.3"),
        new Statement.Named("pci-container-guidance", "1.0"), new Statement.Named("pci-dss", "4.0.1"), 80,
        new Statement.Cluster("prod", null, "v1.31.4"), List.of("manifests/"),
        new Statement.Summary(Map.of("FAIL", 2), Map.of("HIGH", 3), 1, 0), null);
  }

  private static List<BundleFile> files() {
    return List.of(BundleFile.ofBytes("reports/report.json", "report", "{\"ok\":true}\n".getBytes(StandardCharsets.UTF_8)),
        BundleFile.ofBytes("inputs/manifests/a.yaml", "input", "kind: Pod\n".getBytes(StandardCharsets.UTF_8)));
  }

  private SigningKey key(KeyAlgorithm algorithm) throws IOException {
    KeyPair pair = Keys.generate(algorithm);
    Path pem = Files.writeString(dir.resolve(algorithm.cliName() + ".key"),
        Keys.privateKeyPem(pair.getPrivate()) + Keys.publicKeyPem(pair.getPublic()));
    return Keys.readSigningKey(pem, null);
  }

  private Path pack(SigningKey key) {
    Path out = dir.resolve("bundle.zip");
    EvidenceBundle.write(out, files(), predicate(), key, null);
    return out;
  }

  @Test
  void preAuthenticationEncodingFollowsTheDsseSpecification() {
    assertThat(new String(Dsse.pae("application/vnd.in-toto+json", "{}".getBytes(StandardCharsets.UTF_8)),
        StandardCharsets.UTF_8)).isEqualTo("DSSEv1 28 application/vnd.in-toto+json 2 {}");
    // lengths count bytes, not characters
    assertThat(new String(Dsse.pae("t", "é".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
        .isEqualTo("DSSEv1 1 t 2 é");
    assertThat(Dsse.pae("", new byte[0])).isEqualTo("DSSEv1 0  0 ".getBytes(StandardCharsets.US_ASCII));
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void packsAndVerifiesWithEitherAlgorithm(KeyAlgorithm algorithm) throws IOException {
    SigningKey key = key(algorithm);
    Path bundle = pack(key);
    BundleVerifier.Verified v = BundleVerifier.verify(bundle, BundleVerifier.Trust.key(key.publicKey()), AT);
    assertThat(v.files()).isEqualTo(2);
    assertThat(v.statement().predicate().cluster().name()).isEqualTo("prod");
    assertThat(v.statement().subject()).extracting(Statement.Subject::name)
        .containsExactly("inputs/manifests/a.yaml", "reports/report.json");
    assertThat(v.statement().subject().get(1).annotations().size()).isEqualTo(12);
    assertThat(v.statement().subject().get(1).sha256()).matches("[0-9a-f]{64}");
    // the envelope is DSSE: payloadType and base64 payload, one signature with the key id
    String envelope = entries(bundle).get(BundleLayout.ENVELOPE);
    assertThat(envelope).contains("\"payloadType\" : \"application/vnd.in-toto+json\"").contains(key.keyId());
  }

  @Test
  void theSameEvidencePacksToTheSameBytes() throws IOException {
    SigningKey key = key(KeyAlgorithm.ED25519); // Ed25519 signatures are deterministic
    byte[] first = Files.readAllBytes(pack(key));
    byte[] second = Files.readAllBytes(pack(key));
    assertThat(second).isEqualTo(first);
  }

  @Test
  void aChangedByteFails() throws IOException {
    SigningKey key = key(KeyAlgorithm.ED25519);
    Path bundle = rewrite(pack(key), m -> m.put("inputs/manifests/a.yaml", "kind: Poe\n"));
    assertThatThrownBy(() -> BundleVerifier.verify(bundle, BundleVerifier.Trust.key(key.publicKey()), AT))
        .isInstanceOf(EvidenceException.class).hasMessageContaining("changed file inputs/manifests/a.yaml");
  }

  @Test
  void aMissingFileFails() throws IOException {
    SigningKey key = key(KeyAlgorithm.ED25519);
    Path bundle = rewrite(pack(key), m -> m.remove("reports/report.json"));
    assertThatThrownBy(() -> BundleVerifier.verify(bundle, BundleVerifier.Trust.key(key.publicKey()), AT))
        .hasMessageContaining("missing file reports/report.json");
  }

  @Test
  void anExtraFileFails() throws IOException {
    SigningKey key = key(KeyAlgorithm.ECDSA_P256);
    Path bundle = rewrite(pack(key), m -> m.put("inputs/manifests/b.yaml", "kind: Pod\n"));
    assertThatThrownBy(() -> BundleVerifier.verify(bundle, BundleVerifier.Trust.key(key.publicKey()), AT))
        .hasMessageContaining("extra file inputs/manifests/b.yaml is not in the signed manifest");
  }

  @Test
  void aChangedManifestBreaksTheSignature() throws IOException {
    SigningKey key = key(KeyAlgorithm.ED25519);
    Path original = pack(key);
    assertThat(entries(original).get(BundleLayout.ENVELOPE)).contains("\"payload\" : \"ew");
    Path bundle = rewrite(original, m -> m.put(BundleLayout.ENVELOPE,
        m.get(BundleLayout.ENVELOPE).replace("\"payload\" : \"ew", "\"payload\" : \"ex")));
    assertThatThrownBy(() -> BundleVerifier.verify(bundle, BundleVerifier.Trust.key(key.publicKey()), AT))
        .hasMessageContaining("signature does not verify");
  }

  @Test
  void theWrongKeyFails() throws IOException {
    SigningKey key = key(KeyAlgorithm.ED25519);
    SigningKey other = key(KeyAlgorithm.ECDSA_P256);
    Path bundle = pack(key);
    assertThatThrownBy(() -> BundleVerifier.verify(bundle, BundleVerifier.Trust.key(other.publicKey()), AT))
        .hasMessageContaining("signature does not verify with key id " + other.keyId())
        .hasMessageContaining("signed by key id " + key.keyId());
  }

  @Test
  void aCertificateChainVerifiesAgainstItsCaAndFailsOnceExpired() throws Exception {
    TestPki pki = TestPki.create(dir);
    SigningKey key = Keys.readSigningKey(pki.signingKeyPem(), pki.signer());
    Path bundle = dir.resolve("signed.zip");
    EvidenceBundle.write(bundle, files(), predicate(), key, List.of(pki.signer(), pki.ca()));
    BundleVerifier.Trust ca = BundleVerifier.Trust.authorities(Keys.certificates(pki.caPem()));
    assertThat(BundleVerifier.verify(bundle, ca, AT).signer()).contains("CN=kubepci signer");
    assertThatThrownBy(() -> BundleVerifier.verify(bundle, ca, Instant.parse("2026-01-05T00:00:00Z")))
        .hasMessageContaining("certificate 'CN=kubepci signer' expired on 2026-01-02");
    // a CA that did not issue the chain
    KeyPair stranger = Keys.generate(KeyAlgorithm.ECDSA_P256);
    assertThatThrownBy(() -> BundleVerifier.verify(bundle, BundleVerifier.Trust.key(stranger.getPublic()), AT))
        .hasMessageContaining("signature does not verify");
  }

  @Test
  void aSigningKeyWithoutItsPublicKeyOrCertificateIsRefused() throws IOException {
    KeyPair pair = Keys.generate(KeyAlgorithm.ED25519);
    Path pem = Files.writeString(dir.resolve("bare.key"), Keys.privateKeyPem(pair.getPrivate()));
    assertThatThrownBy(() -> Keys.readSigningKey(pem, null)).hasMessageContaining("no PUBLIC KEY after the private key");
    KeyPair other = Keys.generate(KeyAlgorithm.ED25519);
    Path mismatched = Files.writeString(dir.resolve("mismatch.key"),
        Keys.privateKeyPem(pair.getPrivate()) + Keys.publicKeyPem(other.getPublic()));
    assertThatThrownBy(() -> Keys.readSigningKey(mismatched, null)).hasMessageContaining("does not belong");
  }

  @Test
  void readingRejectsPathTraversal() throws IOException {
    Path zip = zip(Map.of("../../etc/passwd", "x"));
    assertThatThrownBy(() -> BundleReader.read(zip)).hasMessageContaining("unsafe entry '../../etc/passwd'");
    Path absolute = zip(Map.of("/etc/passwd", "x"));
    assertThatThrownBy(() -> BundleReader.read(absolute)).hasMessageContaining("absolute");
    Path windows = zip(Map.of("inputs\\..\\x", "x"));
    assertThatThrownBy(() -> BundleReader.read(windows)).hasMessageContaining("unsafe entry");
  }

  @Test
  void directoryEntriesAsZipToolsWriteThemAreIgnoredButNotWithData() throws IOException {
    SigningKey key = key(KeyAlgorithm.ED25519);
    Path bundle = rewrite(pack(key), m -> {
      Map<String, String> copy = new LinkedHashMap<>(m);
      m.clear();
      m.put("inputs/", "");
      m.put("inputs/manifests/", "");
      m.putAll(copy);
    });
    assertThat(BundleVerifier.verify(bundle, BundleVerifier.Trust.key(key.publicKey()), AT).files()).isEqualTo(2);
    Path withData = zip(Map.of("inputs/", "hidden"));
    assertThatThrownBy(() -> BundleReader.read(withData)).hasMessageContaining("directory entry 'inputs/' holds data");
    Path traversal = zip(Map.of("inputs/../../", ""));
    assertThatThrownBy(() -> BundleReader.read(traversal)).hasMessageContaining("unsafe entry");
  }

  @Test
  void readingRejectsDuplicateEntries() throws IOException {
    Path zip = zip(new LinkedHashMap<>(Map.of("inputs/a.yaml", "one", "inputs/b.yaml", "two")));
    // rename the second entry to the first's name, in its local header and in the central directory
    byte[] bytes = Files.readAllBytes(zip);
    String latin = new String(bytes, StandardCharsets.ISO_8859_1).replace("inputs/b.yaml", "inputs/a.yaml");
    Files.write(zip, latin.getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> BundleReader.read(zip)).hasMessageContaining("entry 'inputs/a.yaml' occurs twice");
  }

  @Test
  void readingCapsWhatIsActuallyReadNotWhatIsDeclared() throws IOException {
    Path zip = zip(Map.of("inputs/big.yaml", "a".repeat(10_000)));
    BundleReader.Limits small = new BundleReader.Limits(10, 1_000, 5_000, 100);
    assertThatThrownBy(() -> BundleReader.read(zip, small))
        .hasMessageContaining("entry 'inputs/big.yaml' exceeds the size limit (1000 bytes)");
    Path many = zip(Map.of("a", "1", "b", "2", "c", "3"));
    assertThatThrownBy(() -> BundleReader.read(many, new BundleReader.Limits(2, 1_000, 5_000, 100)))
        .hasMessageContaining("more than 2 entries");
  }

  @Test
  void notAZipIsAClearError() throws IOException {
    Path junk = Files.writeString(dir.resolve("junk.zip"), "not a zip");
    assertThatThrownBy(() -> BundleReader.read(junk)).hasMessageContaining("not an evidence bundle");
  }

  private Path zip(Map<String, String> entries) throws IOException {
    Path out = Files.createTempFile(dir, "crafted", ".zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out;
  }

  private static Map<String, String> entries(Path bundle) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        zip.transferTo(b);
        m.put(e.getName(), b.toString(StandardCharsets.UTF_8));
      }
    }
    return m;
  }

  /** The bundle with its entries edited, as an attacker with the archive would. */
  private Path rewrite(Path bundle, Consumer<Map<String, String>> edit) throws IOException {
    Map<String, String> m = entries(bundle);
    edit.accept(m);
    Path out = dir.resolve("tampered.zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
      for (Map.Entry<String, String> e : m.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out;
  }
}
