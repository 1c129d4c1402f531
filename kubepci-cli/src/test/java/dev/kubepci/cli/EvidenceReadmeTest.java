package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Evidence for the assessor" samples stay true: each block after a {@code <!-- sample: NAME -->}
 * marker is what the command prints on the example, up to key ids, hashes, times and temporary paths.
 */
class EvidenceReadmeTest {
  private static final Path README = Path.of("..", "docs", "evidence.md");

  @TempDir
  Path dir;

  /** The output lines of the README sample NAME (the code block after its marker, without the $ command line). */
  static List<String> sample(String name) throws IOException {
    List<String> lines = Files.readAllLines(README);
    int at = lines.indexOf("<!-- sample: " + name + " -->");
    assertThat(at).as("README sample " + name).isNotNegative();
    List<String> out = new ArrayList<>();
    for (int i = at + 2; !lines.get(i).equals("```"); i++) {
      if (!lines.get(i).startsWith("$ ")) {
        out.add(lines.get(i));
      }
    }
    return out;
  }

  private String normalise(String text) {
    return text.replace(dir.toString() + "/", "").replace("../examples/", "examples/").replaceAll("\\d+ bytes", "N bytes")
        .replaceAll("[0-9a-f]{64}", "HEX")
        .replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "TIME");
  }

  private List<String> normalised(List<String> lines) {
    return lines.stream().map(this::normalise).toList();
  }

  private Path packTheExample() throws IOException {
    String key = dir.resolve("signer.key").toString();
    assertThat(Cli.run("evidence", "keygen", "--private-key", key, "--public-key",
        dir.resolve("signer.pub").toString()).code()).isZero();
    Cli.Run pack = Cli.run("evidence", "pack", "--output", dir.resolve("evidence.zip").toString(), "--signing-key", key,
        "-c", GovernanceCommandTest.CONFIG, "--waivers", GovernanceCommandTest.WAIVERS,
        "--attestations", GovernanceCommandTest.ATTESTATIONS, Cli.MANIFESTS);
    assertThat(normalise(pack.out()).strip()).isEqualTo(String.join("\n", normalised(sample("evidence-pack"))));
    return dir.resolve("evidence.zip");
  }

  @Test
  void verifySampleIsWhatVerifyPrints() throws IOException {
    Path bundle = packTheExample();
    Cli.Run verify = Cli.run("evidence", "verify", bundle.toString(), "--public-key", dir.resolve("signer.pub").toString());
    assertThat(verify.code()).isZero();
    assertThat(normalise(verify.out()).strip()).isEqualTo(String.join("\n", normalised(sample("evidence-verify"))));
  }

  @Test
  void tamperSampleIsWhatVerifyPrintsForAChangedReport() throws IOException {
    Path bundle = packTheExample();
    // what the README's unzip, sed and zip do: every "FAIL" in the JSON report becomes "PASS"
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(bundle))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        entries.put(e.getName(), b.toByteArray());
      }
    }
    entries.put("reports/report.json", new String(entries.get("reports/report.json"), StandardCharsets.UTF_8)
        .replace("\"FAIL\"", "\"PASS\"").getBytes(StandardCharsets.UTF_8));
    Path tampered = dir.resolve("tampered.zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tampered))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    Cli.Run verify = Cli.run("evidence", "verify", tampered.toString(), "--public-key",
        dir.resolve("signer.pub").toString());
    assertThat(verify.code()).isEqualTo(1);
    assertThat(normalise(verify.err()).strip()).isEqualTo(String.join("\n", normalised(sample("evidence-tampered"))));
  }

  @Test
  void dssSampleLinesAreInTheGroupedReport() throws IOException {
    Cli.Run run = Cli.run("scan", Cli.MANIFESTS, "-c", GovernanceCommandTest.CONFIG, "--waivers",
        GovernanceCommandTest.WAIVERS, "--attestations", GovernanceCommandTest.ATTESTATIONS, "--group-by", "dss",
        "--fail-on", "none");
    List<String> actual = normalised(List.of(run.out().split("\n")));
    for (String line : normalised(sample("group-by-dss"))) {
      if (!line.equals("...")) {
        assertThat(actual).as("README line of the DSS sample").contains(line);
      }
    }
  }
}
