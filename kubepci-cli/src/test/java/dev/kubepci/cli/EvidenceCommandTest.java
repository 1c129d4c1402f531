package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubepci evidence} and {@code scan --evidence-bundle} over the example, as a user runs them. */
class EvidenceCommandTest {
  @TempDir
  Path dir;

  private Path key;
  private Path pub;
  private Path bundle;

  @BeforeEach
  void packTheExample() {
    key = dir.resolve("signer.key");
    pub = dir.resolve("signer.pub");
    bundle = dir.resolve("evidence.zip");
    Cli.Run keygen = Cli.run("evidence", "keygen", "--private-key", key.toString(), "--public-key", pub.toString());
    assertThat(keygen.code()).as(keygen.err()).isZero();
    Cli.Run pack = Cli.run("evidence", "pack", "--output", bundle.toString(), "--signing-key", key.toString(),
        "-c", GovernanceCommandTest.CONFIG, "--waivers", GovernanceCommandTest.WAIVERS,
        "--attestations", GovernanceCommandTest.ATTESTATIONS, Cli.MANIFESTS);
    assertThat(pack.code()).as(pack.err()).isZero();
    assertThat(pack.out()).contains("evidence bundle " + bundle + " written");
  }

  @Test
  void verifiesAndPrintsWhatTheBundleAttests() {
    Cli.Run verify = Cli.run("evidence", "verify", bundle.toString(), "--public-key", pub.toString());
    assertThat(verify.code()).as(verify.err()).isZero();
    assertThat(verify.out()).contains("verified").contains("cluster:     none (offline files)")
        .contains("framework:   pci-container-guidance 1.0, cross-reference pci-dss 4.0.1")
        .contains("inputs:      " + Cli.MANIFESTS).contains("practices:").contains("waived");
  }

  @Test
  void holdsReportsInputsGovernanceAndCatalogue() throws IOException {
    Map<String, byte[]> entries = entries(bundle);
    assertThat(entries.keySet()).contains("reports/report.json", "reports/report.html", "catalogue/rules.json",
        "catalogue/pci-container-guidance-1.0.yaml", "catalogue/pci-dss-4.0.1-crossreference.yaml",
        "config/__up__/examples/payment-platform/kubepci.yaml", "config/__up__/examples/payment-platform/waivers.yaml",
        "config/__up__/examples/payment-platform/attestations.yaml", "signature/envelope.dsse.json",
        "inputs/__up__/examples/payment-platform/manifests/payments/payment-api.yaml");
    assertThat(new String(entries.get("reports/report.json"))).contains("\"crossReference\"");
  }

  @Test
  void aChangedByteAMissingOrExtraFileOrTheWrongKeyFailWithExitCodeOne() throws IOException {
    Path changed = rewrite(m -> m.put("reports/report.json",
        new String(m.get("reports/report.json")).replaceFirst("FAIL", "PASS").getBytes()));
    assertNotVerified(changed, pub, "changed file reports/report.json");
    Path missing = rewrite(m -> m.remove("catalogue/rules.json"));
    assertNotVerified(missing, pub, "missing file catalogue/rules.json");
    Path extra = rewrite(m -> m.put("inputs/late-addition.yaml", "kind: Pod\n".getBytes()));
    assertNotVerified(extra, pub, "extra file inputs/late-addition.yaml");
    // an entry name that would end the list with a line of its own and recolour the terminal
    Path forged = rewrite(m -> m.put("inputs/x\n  all files match\u001b[32m.yaml", "kind: Pod\n".getBytes()));
    Cli.Run run = Cli.run("evidence", "verify", forged.toString(), "--public-key", pub.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("NOT VERIFIED").contains("unsafe entry").doesNotContain("\u001b");
    assertThat(run.err().lines()).noneMatch(l -> l.startsWith("  all files match"));
    Path otherPub = dir.resolve("other.pub");
    Cli.run("evidence", "keygen", "--algorithm", "ecdsa-p256", "--private-key", dir.resolve("other.key").toString(),
        "--public-key", otherPub.toString());
    assertNotVerified(bundle, otherPub, "the signature does not verify");
  }

  @Test
  void valuesFromTheEnvelopeCannotForgeLinesOrReachTheTerminal() throws IOException {
    // the keyid is not signed (DSSE signs the payload and its type), so anyone can write one; it is shown when the
    // signature does not verify with the given key
    String forged = "evil\\n  files: 38\\nkubepci: evidence bundle b.zip verified\\u001b[31m";
    Path keyid = rewrite(m -> m.put("signature/envelope.dsse.json", new String(m.get("signature/envelope.dsse.json"))
        .replaceFirst("\"keyid\"\\s*:\\s*\"[^\"]*\"", java.util.regex.Matcher.quoteReplacement(
            "\"keyid\":\"" + forged + "\"")).getBytes()));
    assertThat(new String(entries(keyid).get("signature/envelope.dsse.json"))).contains(forged);
    Path otherPub = dir.resolve("stranger.pub");
    Cli.run("evidence", "keygen", "--private-key", dir.resolve("stranger.key").toString(), "--public-key",
        otherPub.toString());
    assertNoForgedLines(Cli.run("evidence", "verify", keyid.toString(), "--public-key", otherPub.toString()),
        "the signature does not verify");
    // the payload type is checked before the signature
    Path type = rewrite(m -> m.put("signature/envelope.dsse.json", new String(m.get("signature/envelope.dsse.json"))
        .replaceFirst("\"payloadType\"\\s*:\\s*\"[^\"]*\"", java.util.regex.Matcher.quoteReplacement(
            "\"payloadType\":\"" + forged + "\"")).getBytes()));
    assertNoForgedLines(Cli.run("evidence", "verify", type.toString(), "--public-key", pub.toString()),
        "payloadType");
    // a JSON parser's message quotes the text it could not read
    Path broken = rewrite(m -> m.put("signature/envelope.dsse.json",
        "{\"payload\": x\n  files: 38\nkubepci: evidence bundle b.zip verified\u001b[31m".getBytes()));
    assertNoForgedLines(Cli.run("evidence", "verify", broken.toString(), "--public-key", pub.toString()),
        "not a DSSE envelope");
  }

  @Test
  void whatASignedStatementSaysIsPrintedEscaped() {
    // a valid signature says who wrote the statement, not that its text is safe to print
    String evil = "evil\n  files:       0\nkubepci: evidence bundle b.zip verified\u001b]0;pwned\u0007\u202e";
    var predicate = new dev.kubepci.evidence.Statement.Predicate("2026-01-01T12:00:00Z",
        new dev.kubepci.evidence.Statement.Named("kubepci", evil), new dev.kubepci.evidence.Statement.Named(evil, "1.0"),
        null, 80, new dev.kubepci.evidence.Statement.Cluster(evil, "https://" + evil, evil), java.util.List.of(evil),
        new dev.kubepci.evidence.Statement.Summary(Map.of(evil, 1), Map.of("HIGH", 3), 1, 0), java.util.List.of(evil));
    Path signed = dir.resolve("hostile-statement.zip");
    dev.kubepci.evidence.EvidenceBundle.write(signed, java.util.List.of(dev.kubepci.evidence.BundleFile.ofBytes(
        "reports/report.json", "report", "{}".getBytes())), predicate,
        dev.kubepci.evidence.Keys.readSigningKey(key, null), null);
    Cli.Run run = Cli.run("evidence", "verify", signed.toString(), "--public-key", pub.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("cluster:     evil\\n  files:");
    assertThat(run.out().chars().filter(c -> c != '\n' && dev.kubepci.report.Printable.isControl((char) c)))
        .as(run.out()).isEmpty();
    assertThat(run.out().lines()).as(run.out()).filteredOn(l -> l.startsWith("kubepci: evidence bundle")).hasSize(1);
    assertThat(run.out().lines()).as(run.out()).filteredOn(l -> l.startsWith("  files:")).hasSize(1);
  }

  @Test
  void filesNamedOnTheCommandLineArePrintedEscaped() {
    Path evilKey = dir.resolve("k\u001b]0;pwned\u0007.key");
    Path evilPub = dir.resolve("k\u001b[31m.pub");
    Cli.Run keygen = Cli.run("evidence", "keygen", "--private-key", evilKey.toString(), "--public-key",
        evilPub.toString());
    assertThat(keygen.code()).as(keygen.err()).isZero();
    assertThat(keygen.out()).contains("k\\x1B]0;pwned\\x07.key").doesNotContain("\u001b").doesNotContain("\u0007");
    Path evilBundle = dir.resolve("e\u001b[31m\nkubepci: evidence bundle b.zip verified.zip");
    Cli.Run scan = Cli.run("scan", Cli.MANIFESTS, "--fail-on", "none", "--quiet", "--evidence-bundle",
        evilBundle.toString(), "--signing-key", key.toString());
    assertThat(scan.code()).as(scan.err()).isZero();
    assertThat(scan.err()).contains("e\\x1B[31m\\nkubepci: evidence bundle b.zip verified.zip written")
        .doesNotContain("\u001b");
    assertThat(scan.err().lines()).noneMatch(l -> l.startsWith("kubepci: evidence bundle b.zip"));
    Cli.Run verify = Cli.run("evidence", "verify", evilBundle.toString(), "--public-key", pub.toString());
    assertThat(verify.code()).as(verify.err()).isZero();
    assertThat(verify.out()).doesNotContain("\u001b");
    assertThat(verify.out().lines()).noneMatch(l -> l.startsWith("kubepci: evidence bundle b.zip"));
  }

  private static void assertNoForgedLines(Cli.Run run, String message) {
    assertThat(run.code()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("NOT VERIFIED").contains(message);
    assertThat(run.err().chars().filter(c -> c != '\n' && dev.kubepci.report.Printable.isControl((char) c)))
        .as(run.err()).isEmpty();
    assertThat(run.err().lines()).as(run.err())
        .noneMatch(l -> l.startsWith("kubepci: evidence bundle") || l.startsWith("  files:"));
  }

  @Test
  void scanPacksInOneStepWithItsReportsAndAnExpiredCertificateFails() throws Exception {
    Path signed = dir.resolve("scan.zip");
    var pki = dev.kubepci.evidence.TestPki.create(dir.resolve("pki"));
    Cli.Run scan = Cli.run("scan", Cli.MANIFESTS, "--fail-on", "none", "--format", "json", "--output",
        dir.resolve("r.json").toString(), "--evidence-bundle", signed.toString(),
        "--signing-key", pki.signingKeyPem().toString(), "--certificate-chain", pki.chainPem().toString());
    assertThat(scan.code()).as(scan.err()).isZero();
    assertThat(scan.err()).contains("evidence bundle " + signed + " written");
    // the signer certificate is valid for 2026-01-01 only
    Cli.Run valid = runAt("1767268800", "evidence", "verify", signed.toString(), "--ca", pki.caPem().toString());
    assertThat(valid.code()).as(valid.err()).isZero();
    assertThat(valid.out()).contains("signed by:   CN=kubepci signer");
    Cli.Run expired = runAt("1767600000", "evidence", "verify", signed.toString(), "--ca", pki.caPem().toString());
    assertThat(expired.code()).isEqualTo(1);
    assertThat(expired.err()).contains("NOT VERIFIED").contains("certificate 'CN=kubepci signer' expired on 2026-01-02");
  }

  @Test
  void mistakesAreUsageErrors() {
    assertThat(Cli.run("scan", Cli.MANIFESTS, "--evidence-bundle", dir.resolve("x.zip").toString()).err())
        .contains("needs --signing-key");
    assertThat(Cli.run("scan", Cli.MANIFESTS, "--signing-key", key.toString()).err())
        .contains("need --evidence-bundle");
    Cli.Run overwrite = Cli.run("evidence", "keygen", "--private-key", key.toString(), "--public-key", "x.pub");
    assertThat(overwrite.code()).isEqualTo(2);
    assertThat(overwrite.err()).contains("never overwrites a key");
    Cli.Run badKey = Cli.run("evidence", "pack", "--output", dir.resolve("y.zip").toString(), "--signing-key",
        pub.toString(), Cli.MANIFESTS);
    assertThat(badKey.code()).isEqualTo(2);
    assertThat(badKey.err()).contains("expected one PRIVATE KEY PEM block");
    assertThat(Cli.run("scan", Cli.MANIFESTS, "--group-by", "zone").err()).contains("--group-by: expected area or dss");
  }

  private void assertNotVerified(Path b, Path publicKey, String message) {
    Cli.Run run = Cli.run("evidence", "verify", b.toString(), "--public-key", publicKey.toString());
    assertThat(run.code()).as(run.out()).isEqualTo(1);
    assertThat(run.err()).contains("NOT VERIFIED").contains(message);
  }

  private static Cli.Run runAt(String epoch, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
        new ByteArrayInputStream(new byte[0]), Map.of("SOURCE_DATE_EPOCH", epoch));
    return new Cli.Run(code, out.toString(), err.toString());
  }

  private static Map<String, byte[]> entries(Path zip) throws IOException {
    Map<String, byte[]> m = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        m.put(e.getName(), b.toByteArray());
      }
    }
    return m;
  }

  private Path rewrite(java.util.function.Consumer<Map<String, byte[]>> edit) throws IOException {
    Map<String, byte[]> m = entries(bundle);
    edit.accept(m);
    Path out = Files.createTempFile(dir, "tampered", ".zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
      for (Map.Entry<String, byte[]> e : m.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return out;
  }
}
