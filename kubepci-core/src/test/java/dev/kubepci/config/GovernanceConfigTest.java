package dev.kubepci.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubepci.model.Provenance;
import dev.kubepci.waiver.Attestation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovernanceConfigTest {
  @Test
  void readsWaiversAndAttestationsFromTheConfigurationWithTheirLines(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("kubepci.yaml");
    Files.writeString(file, """
        trustedRegistries: [registry.example.com]
        waivers:
          - rule: KPCI-0001
            scope: {namespace: kube-system}
            justification: CNI
            approver: CISO
            expires: 2026-06-30
          - practice: "3.1"
            scope: {name: "node-*"}
            justification: metrics
            approver: CISO
            expires: 2026-03-31
            riskAnalysis: TRA-1
        attestations:
          - practice: "7.1"
            verdict: PASS
            reviewer: QSA
            date: 2026-01-10
            evidence: [audit policy]
        """);
    KubepciConfig c = ConfigLoader.load(file);
    assertThat(c.trustedRegistries().entries()).containsExactly("registry.example.com");
    assertThat(c.waivers()).hasSize(2);
    assertThat(c.waivers().get(0).expires()).isEqualTo(LocalDate.parse("2026-06-30"));
    assertThat(((Provenance.FileSource) c.waivers().get(0).source()).line()).isEqualTo(3);
    assertThat(((Provenance.FileSource) c.waivers().get(1).source()).line()).isEqualTo(8);
    assertThat(c.waivers().get(1).riskAnalysis()).isEqualTo("TRA-1");
    assertThat(c.attestations()).singleElement().satisfies(a -> {
      assertThat(a.verdict()).isEqualTo(Attestation.Verdict.PASS);
      assertThat(a.source().describe()).isEqualTo(file + ":15 (document 1)");
    });
  }

  @Test
  void aGovernanceFileAcceptsOnlyWaiversAndAttestations(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("w.yaml");
    Files.writeString(file, "waivers:\n  - rule: KPCI-0001\n    scope: {kind: Pod}\n    justifcation: typo\n");
    assertThatThrownBy(() -> ConfigLoader.loadGovernance(file)).isInstanceOf(ConfigLoader.ConfigException.class)
        .hasMessageContaining("w.yaml:").hasMessageContaining("unknown key 'justifcation'");
    Files.writeString(file, "scope: {}\n");
    assertThatThrownBy(() -> ConfigLoader.loadGovernance(file)).hasMessageContaining("unknown key 'scope'");
  }

  @Test
  void aDateThatIsNotADateIsReportedWithItsLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("w.yaml");
    Files.writeString(file, "waivers:\n  - rule: KPCI-0001\n    expires: next year\n");
    assertThatThrownBy(() -> ConfigLoader.loadGovernance(file)).isInstanceOf(ConfigLoader.ConfigException.class)
        .hasMessage(file + ":3: waivers[0].expires: expected a date (YYYY-MM-DD), not 'next year'");
  }

  /** Before: Jackson's words, naming Java classes ("Cannot construct instance of `java.util.ArrayList`..."). */
  @Test
  void aValueOfTheWrongShapeIsReportedWithWhereItIsAndWhatBelongsThere(@TempDir Path dir) throws IOException {
    java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put("trustedRegistries: registry.k8s.io\n", "1: trustedRegistries: expected a list, not a text");
    cases.put("trustedRegistries: {a: b}\n", "1: trustedRegistries: expected a list, not a mapping");
    cases.put("trustedRegistries: [{a: 1}]\n", "1: trustedRegistries[0]: expected a text, not a mapping");
    String hint = " names no registry; give a host such as registry.example.com, *.azurecr.io or quay.io/calico, "
        + "with a path if you like (an empty list trusts none)";
    cases.put("trustedRegistries: [quay.io, ~]\n", "1: trustedRegistries: entry 2 (empty)" + hint);
    // each entry on its own line: the line of the entry, not of the list's end
    cases.put("trustedRegistries:\n  - quay.io\n  - '*'\n  - registry.k8s.io\nscope: {}\n",
        "3: trustedRegistries: entry 2 ('*')" + hint);
    cases.put("trustedRegistries:\n  - '*/library'\n", "2: trustedRegistries: entry 1 ('*/library')" + hint);
    cases.put("scope:\n  cde: {}\n  - payments\n", "3: while parsing a block mapping: expected <block end>, but found '-'");
    cases.put("attestations:\n  - practice: '7.1'\n    verdict: maybe\n",
        "3: attestations[0].verdict: expected one of PASS, FAIL, NOT_APPLICABLE, not 'maybe'");
    cases.put("scope:\n  cde:\n    namespaces: payments\n", "3: scope.cde.namespaces: expected a list, not a text");
    cases.put("highRisk: [a]\n", "1: highRisk: expected a mapping (key: value lines), not a list");
    Path file = dir.resolve("kubepci.yaml");
    for (var c : cases.entrySet()) {
      Files.writeString(file, c.getKey());
      assertThatThrownBy(() -> ConfigLoader.load(file)).as(c.getKey()).isInstanceOf(ConfigLoader.ConfigException.class)
          .hasMessage(file + ":" + c.getValue());
    }
  }
}
