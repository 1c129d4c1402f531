package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waivers and attestations on the example cluster, through the command line. */
class GovernanceCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String CONFIG = Cli.EXAMPLES.resolve("kubepci.yaml").toString();
  static final String WAIVERS = Cli.EXAMPLES.resolve("waivers.yaml").toString();
  static final String ATTESTATIONS = Cli.EXAMPLES.resolve("attestations.yaml").toString();

  private static JsonNode json(String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("scan", Cli.MANIFESTS, "-c", CONFIG, "--format", "json",
        "--fail-on", "none"));
    all.addAll(List.of(args));
    Cli.Run run = Cli.run(all.toArray(String[]::new));
    assertThat(ScanCommandTest.validate(run.out())).as("schema violations").isEmpty();
    JsonNode report = JSON.readTree(run.out());
    report.withArray("errors").forEach(e -> assertThat(run.code()).isEqualTo(ExitCode.INPUT_ERROR.code()));
    return report;
  }

  private static List<JsonNode> findings(JsonNode report, String rule, String object) {
    List<JsonNode> out = new ArrayList<>();
    report.get("findings").forEach(f -> {
      if (f.get("rule").asText().equals(rule) && f.at("/resource/name").asText().equals(object)) {
        out.add(f);
      }
    });
    return out;
  }

  @Test
  void exampleWaiversTurnTheirFindingsIntoWaivedWithTheirJustification() throws IOException {
    JsonNode report = json("--waivers", WAIVERS);
    assertThat(report.get("errors")).isEmpty();
    List<JsonNode> calico = findings(report, "KPCI-0001", "calico-node");
    assertThat(calico).isNotEmpty().allSatisfy(f -> {
      assertThat(f.get("status").asText()).isEqualTo("WAIVED");
      assertThat(f.at("/waiver/id").asText()).isEqualTo("RISK-2025-014");
      assertThat(f.at("/waiver/justification").asText()).contains("Calico node agent");
      assertThat(f.at("/waiver/source/file").asText()).endsWith("waivers.yaml");
      assertThat(f.at("/waiver/source/line").asInt()).isEqualTo(6);
    });
    assertThat(report.get("waivers")).hasSize(3).allSatisfy(w -> {
      assertThat(w.get("state").asText()).isEqualTo("ACTIVE");
      assertThat(w.get("matched").asInt()).isPositive();
    });
    int waived = 0;
    for (JsonNode f : report.get("findings")) {
      waived += f.get("status").asText().equals("WAIVED") ? 1 : 0;
    }
    assertThat(report.at("/summary/waived").asInt()).isEqualTo(waived);
    // the waived findings are no longer counted as failing, and nothing else changed
    JsonNode plain = json();
    assertThat(report.get("findings")).hasSameSizeAs(plain.get("findings"));
  }

  @Test
  void anExpiredWaiverIsAnInputErrorAndItsFindingsStayFail(@TempDir Path dir) throws IOException {
    Path waivers = dir.resolve("waivers.yaml");
    Files.writeString(waivers, """
        waivers:
          - rule: privileged-container
            scope: {namespace: kube-system, name: calico-node}
            justification: CNI needs it
            approver: CISO
            expires: 2025-12-31
        """);
    Cli.Run run = Cli.run("scan", Cli.MANIFESTS, "-c", CONFIG, "--waivers", waivers.toString(), "--format", "json");
    assertThat(run.code()).isEqualTo(ExitCode.INPUT_ERROR.code());
    assertThat(run.err()).contains("invalid or expired waivers");
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("errors")).singleElement().satisfies(e -> {
      assertThat(e.get("message").asText()).contains("expired on 2025-12-31");
      assertThat(e.at("/source/line").asInt()).isEqualTo(2);
    });
    assertThat(findings(report, "KPCI-0001", "calico-node")).allSatisfy(f ->
        assertThat(f.get("status").asText()).isEqualTo("FAIL"));
    assertThat(report.at("/waivers/0/state").asText()).isEqualTo("EXPIRED");
  }

  @Test
  void anUnjustifiedWaiverIsAnInputError(@TempDir Path dir) throws IOException {
    Path waivers = dir.resolve("waivers.yaml");
    Files.writeString(waivers, """
        waivers:
          - rule: KPCI-0001
            scope: {namespace: falco}
            approver: CISO
            expires: 2027-01-31
        """);
    Cli.Run run = Cli.run("scan", Cli.MANIFESTS, "--waivers", waivers.toString(), "--format", "json");
    assertThat(run.code()).isEqualTo(ExitCode.INPUT_ERROR.code());
    assertThat(JSON.readTree(run.out()).at("/errors/0/message").asText()).contains("has no justification");
  }

  @Test
  void aMalformedWaiverFileIsAUsageErrorOnOneLine(@TempDir Path dir) throws IOException {
    Path waivers = dir.resolve("waivers.yaml");
    Files.writeString(waivers, "waivers:\n  - rule: KPCI-0001\n    expiry: 2027-01-31\n");
    Cli.Run run = Cli.run("scan", Cli.MANIFESTS, "--waivers", waivers.toString());
    assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err().strip()).startsWith("kubepci: ").contains("unknown key 'expiry'").doesNotContain("\n");
    Files.writeString(waivers, "attestations: []\n");
    assertThat(Cli.run("scan", Cli.MANIFESTS, "--waivers", waivers.toString()).err())
        .contains("--waivers expects a top-level 'waivers:' list");
  }

  @Test
  void waiversInTheConfigurationFileApplyToo(@TempDir Path dir) throws IOException {
    Path config = dir.resolve("kubepci.yaml");
    Files.writeString(config, Files.readString(Path.of(CONFIG)) + """
        waivers:
          - rule: KPCI-0001
            scope: {namespace: falco, kind: DaemonSet}
            justification: Runtime detection needs kernel access.
            approver: CISO
            expires: 2027-01-31
        """);
    Cli.Run run = Cli.run("scan", Cli.MANIFESTS, "-c", config.toString(), "--format", "json", "--fail-on", "none");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(findings(JSON.readTree(run.out()), "KPCI-0001", "falco")).singleElement()
        .satisfies(f -> assertThat(f.get("status").asText()).isEqualTo("WAIVED"));
  }

  @Test
  void attestationsDecideManualPracticesOnlyAndTheRestStayOpen() throws IOException {
    JsonNode report = json("--attestations", ATTESTATIONS);
    assertThat(report.get("errors")).isEmpty();
    List<String> open = new ArrayList<>();
    report.at("/summary/open").forEach(o -> open.add(o.asText()));
    int applied = 0;
    for (JsonNode r : report.get("requirements")) {
      JsonNode a = r.get("attestation");
      if (a == null) {
        assertThat(open.contains(r.get("id").asText())).isEqualTo(r.get("status").asText().equals("MANUAL"));
        continue;
      }
      assertThat(open).doesNotContain(r.get("id").asText());
      if (a.get("applied").asBoolean()) {
        applied++;
        assertThat(r.get("status").asText()).isEqualTo(a.get("verdict").asText());
        assertThat(r.get("reason").asText()).startsWith("attested " + a.get("verdict").asText() + " by R. Diaz (QSA)");
      } else {
        assertThat(r.get("status").asText()).as("an attestation never hides an automated verdict")
            .isIn("FAIL", "NOT_ASSESSED", "PASS", "WAIVED", "NOT_APPLICABLE");
      }
    }
    assertThat(applied).isEqualTo(report.at("/summary/attested").asInt()).isGreaterThanOrEqualTo(3);
    JsonNode pki = null;
    for (JsonNode r : report.get("requirements")) {
      if (r.get("id").asText().equals("5.2")) {
        pki = r;
      }
    }
    assertThat(pki.get("status").asText()).isEqualTo("PASS");
    assertThat(pki.at("/attestation/evidence")).hasSize(2);

    Cli.Run text = Cli.run("scan", Cli.MANIFESTS, "-c", CONFIG, "--attestations", ATTESTATIONS, "--no-color",
        "--show", "evidence");
    assertThat(text.out()).contains("Attestations (").contains("5.2 PASS by R. Diaz (QSA) on 2025-11-20")
        .contains("manual practices still open");
  }

  @Test
  void anAttestationForAnUnknownPracticeIsAnInputError(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("a.yaml");
    Files.writeString(file, """
        attestations:
          - practice: "17.1"
            verdict: PASS
            reviewer: QSA
            date: 2025-12-01
            evidence: [a document]
        """);
    Cli.Run run = Cli.run("scan", Cli.MANIFESTS, "--attestations", file.toString(), "--format", "json");
    assertThat(run.code()).isEqualTo(ExitCode.INPUT_ERROR.code());
    assertThat(JSON.readTree(run.out()).at("/errors/0/message").asText())
        .isEqualTo("attestation for 17.1 names an unknown practice '17.1'; it was not applied");
  }
}
