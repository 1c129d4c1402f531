package dev.kubepci.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubepci.model.Inventory;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A catalogue finds each rule's texts through its class, and names the file when a rule and its texts disagree. */
class RuleCatalogTextsTest {
  /** Has an entry in this package's rules.yaml. */
  @RuleInfo(id = "KPCI-9901", name = "test-described", severity = Severity.LOW, reads = {"Namespace"})
  static final class Described implements ClusterRule {
    @Override
    public Outcome check(Inventory inventory, RuleContext context) {
      return Outcome.notApplicable("nothing to check");
    }
  }

  /** Has none. */
  @RuleInfo(id = "KPCI-9902", name = "test-undescribed", severity = Severity.LOW, reads = {"Namespace"})
  static final class Undescribed implements ClusterRule {
    @Override
    public Outcome check(Inventory inventory, RuleContext context) {
      return Outcome.notApplicable("nothing to check");
    }
  }

  @Test
  void readsTheTextsBesideTheRuleClass() {
    RuleDescriptor d = new RuleCatalog(List.of(new Described())).find("test-described").orElseThrow();
    assertThat(d.title()).isEqualTo("Namespaces are described");
    assertThat(d.rationale()).isEqualTo("This rule exists only in tests of the catalogue.");
    assertThat(d.remediation()).isEqualTo("Nothing to fix in tests at all.");
    assertThat(d.references()).containsExactly("docs/development.md");
    assertThat(d.severity()).isEqualTo(Severity.LOW);
  }

  @Test
  void readsEachFileOnce() {
    assertThat(RuleTexts.of(Described.class)).isSameAs(RuleTexts.of(Undescribed.class));
  }

  @Test
  void rejectsARuleWithNoEntry() {
    assertThatThrownBy(() -> new RuleCatalog(List.of(new Undescribed()))).isInstanceOf(IllegalStateException.class)
        .hasMessage("dev/kubepci/catalog/rules.yaml: no entry for KPCI-9902, the id of " + Undescribed.class.getName());
  }

  @Test
  void rejectsARuleWithNoTextsFile() {
    assertThatThrownBy(() -> RuleTexts.of(String.class)).isInstanceOf(IllegalStateException.class)
        .hasMessage("java.lang.String has no texts: java/lang/rules.yaml is not on the class path");
  }

  @Test
  void rejectsAnEntryWithNoRuleInACompleteCatalogue() {
    assertThatThrownBy(() -> RuleCatalog.complete(List.of(new Described()))).isInstanceOf(IllegalStateException.class)
        .hasMessage("invalid rule texts:\n  dev/kubepci/catalog/rules.yaml:11: KPCI-9903 is the id of no rule in this "
            + "package");
  }

  @Test
  void stillValidatesTextsOfADescriptorMadeByHand() {
    RuleDescriptor d = new RuleDescriptor("KPCI-9901", "test-described", "Ends with a period.", Severity.LOW,
        "too short", "Long enough to be a sentence here.", List.of(), Map.of(), List.of("Namespace"), new Described());
    assertThat(RuleCatalog.validate(List.of(d))).containsExactly(
        "Described: title must be non-empty without a final period",
        "Described: rationale must be full sentences ending with a period");
  }
}
