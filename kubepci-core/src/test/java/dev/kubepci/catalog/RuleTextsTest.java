package dev.kubepci.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubepci.model.ManagedProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading one texts file: what it accepts, and every way it is rejected with the file and line named. */
class RuleTextsTest {
  private static RuleTexts parse(String yaml) throws IOException {
    return RuleTexts.parse("x/rules.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertRejected(String yaml, String... problems) {
    assertThatThrownBy(() -> parse(yaml)).isInstanceOf(IllegalStateException.class)
        .hasMessage("invalid rule texts:\n  " + String.join("\n  ", problems));
  }

  @Test
  void readsFoldedTextsReferencesAndTheLineOfEachEntry() throws IOException {
    RuleTexts texts = parse("""
        # a comment
        KPCI-0001:
          title: "Containers do not run privileged: ever"
          rationale: >-
            A privileged container can do
            anything the node can.
          remediation: Set privileged to false, or drop the field.
          references:
            - https://example.invalid/a#b
        KPCI-0002:
          title: Second
          rationale: It has no references at all, which is allowed.
          remediation: Nothing to do for this one.
        """);
    assertThat(texts.entry("KPCI-0001", Object.class)).isEqualTo(new RuleTexts.Entry(
        "Containers do not run privileged: ever", "A privileged container can do anything the node can.",
        "Set privileged to false, or drop the field.", List.of("https://example.invalid/a#b"), Map.of(), 2));
    assertThat(texts.entry("KPCI-0002", Object.class).references()).isEmpty();
    assertThat(texts.entry("KPCI-0002", Object.class).line()).isEqualTo(10);
  }

  @Test
  void readsWhatShowsTheControlPerManagedProvider() throws IOException {
    RuleTexts texts = parse("""
        KPCI-0001:
          title: A title
          rationale: Long enough to be a sentence here.
          remediation: Long enough to be a sentence here.
          managed:
            EKS: "cluster.logging: api, audit"
            GKE: >-
              the cluster's
              logging settings
        """);
    assertThat(texts.entry("KPCI-0001", Object.class).managed()).containsExactly(
        Map.entry(ManagedProvider.EKS, "cluster.logging: api, audit"),
        Map.entry(ManagedProvider.GKE, "the cluster's logging settings"));
  }

  @Test
  void rejectsAnUnknownProvider() {
    assertRejected("""
        KPCI-0001:
          title: A title
          rationale: Long enough to be a sentence here.
          remediation: Long enough to be a sentence here.
          managed:
            EKS: the cluster's logging settings
            OpenShift: the cluster's audit settings
            AKS: ""
        """, "x/rules.yaml:7: KPCI-0001: unknown provider 'OpenShift' (expected EKS, AKS, GKE)",
        "x/rules.yaml:8: KPCI-0001: managed.AKS is empty");
  }

  @Test
  void rejectsAnUnknownKey() {
    assertRejected("""
        KPCI-0001:
          title: A title
          rationale: Long enough to be a sentence here.
          remediation: Long enough to be a sentence here.
          severity: HIGH
        """, "x/rules.yaml:5: KPCI-0001: unknown key 'severity' (expected title, rationale, remediation, references, "
            + "managed)");
  }

  @Test
  void rejectsAMissingKey() {
    assertRejected("""
        KPCI-0001:
          title: A title
          rationale: Long enough to be a sentence here.
        """, "x/rules.yaml:1: KPCI-0001: no remediation");
  }

  @Test
  void rejectsAnEmptyText() {
    assertRejected("""
        KPCI-0001:
          title: A title
          rationale: ""
          remediation:
        """, "x/rules.yaml:3: KPCI-0001: rationale is empty", "x/rules.yaml:4: KPCI-0001: remediation is empty");
  }

  @Test
  void rejectsATitleEndingWithAPeriod() {
    assertRejected("""
        KPCI-0001:
          title: A title.
          rationale: Long enough to be a sentence here.
          remediation: Long enough to be a sentence here.
        """, "x/rules.yaml:1: KPCI-0001: title must be non-empty without a final period");
  }

  @Test
  void rejectsARationaleThatIsNotSentences() {
    assertRejected("""
        KPCI-0001:
          title: A title
          rationale: too short
          remediation: Long enough to be a sentence here.
        """, "x/rules.yaml:1: KPCI-0001: rationale must be full sentences ending with a period");
  }

  @Test
  void rejectsAnIdGivenTwice() {
    assertRejected("""
        KPCI-0001:
          title: A title
          rationale: Long enough to be a sentence here.
          remediation: Long enough to be a sentence here.
        KPCI-0001:
          title: Another title
          rationale: Long enough to be a sentence here.
          remediation: Long enough to be a sentence here.
        """, "x/rules.yaml:5: KPCI-0001 is given twice (first on line 1)");
  }

  @Test
  void rejectsReferencesThatAreNotAListOfText() {
    assertRejected("""
        KPCI-0001:
          title: A title
          rationale: Long enough to be a sentence here.
          remediation: Long enough to be a sentence here.
          references: [{url: x}, y]
        """, "x/rules.yaml:5: KPCI-0001: references must be a list of text");
  }

  @Test
  void rejectsAnEntryThatIsNotAMapping() {
    assertRejected("""
        KPCI-0001: just a title
        KPCI-0002:
          title: A title
          rationale: Long enough to be a sentence here.
        """, "x/rules.yaml:1: KPCI-0001: expected title, rationale, remediation, references, managed",
        "x/rules.yaml:1: KPCI-0001: no title", "x/rules.yaml:1: KPCI-0001: no rationale",
        "x/rules.yaml:1: KPCI-0001: no remediation", "x/rules.yaml:2: KPCI-0002: no remediation");
  }

  @Test
  void rejectsTextThatIsNotYaml() {
    assertThatThrownBy(() -> parse("KPCI-0001:\n  title: [unclosed\n")).isInstanceOf(IllegalStateException.class)
        .hasMessage("invalid rule texts:\n  x/rules.yaml:2: not YAML: while parsing a flow sequence: expected ',' or "
            + "']', but got <stream end>");
  }
}
