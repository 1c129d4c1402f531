package dev.kubepci.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.catalog.Framework;
import dev.kubepci.catalog.FrameworkLoader;
import dev.kubepci.catalog.RuleCatalog;
import dev.kubepci.catalog.RuleDescriptor;
import dev.kubepci.rule.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Catalogue-wide checks: every rule is well described, tested, and mapped; the framework is complete. */
class BuiltInRulesTest {
  private final RuleCatalog catalog = BuiltInRules.catalog();
  private final Framework framework = BuiltInRules.pciFramework();

  @Test
  void everyRuleHasValidMetadata() {
    assertThat(RuleCatalog.validate(catalog.rules())).isEmpty();
    assertThat(catalog.rules()).isNotEmpty();
  }

  @Test
  void everyRuleHasATestClassNextToIt() {
    List<String> untested = new ArrayList<>();
    for (RuleDescriptor d : catalog.rules()) {
      String testName = d.rule().getClass().getName() + "Test";
      try {
        Class.forName(testName);
      } catch (ClassNotFoundException e) {
        untested.add(testName);
      }
    }
    assertThat(untested).as("rules without a test class").isEmpty();
  }

  @Test
  void everyRuleIsRegisteredOnce() {
    Set<Class<?>> classes = new HashSet<>();
    for (Rule r : BuiltInRules.all()) {
      assertThat(classes.add(r.getClass())).as("registered twice: %s", r.getClass()).isTrue();
    }
  }

  @Test
  void frameworkHasAllSixteenAreasAndFortyTwoPractices() {
    assertThat(framework.id()).isEqualTo("pci-container-guidance");
    assertThat(framework.version()).isEqualTo("1.0");
    assertThat(framework.areas()).extracting(Framework.Area::id)
        .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16");
    assertThat(framework.practices()).extracting(Framework.Practice::id).containsExactly(
        "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3",
        "5.1", "5.2", "6.1", "6.2", "7.1", "8.1", "8.2", "9.1", "9.2", "10.1", "10.2", "10.3", "11.1",
        "12.1", "12.2", "12.3", "12.4", "13.1", "13.2", "13.3", "13.4", "14.1", "15.1", "16.1", "16.2", "16.3",
        "16.4");
  }

  @Test
  void frameworkIsConsistentWithTheCatalogue() {
    assertThat(FrameworkLoader.validate(framework, catalog)).isEmpty();
  }

  @Test
  void everyRuleDecidesAtLeastOnePractice() {
    Set<String> mapped = new HashSet<>();
    framework.practices().forEach(p -> mapped.addAll(p.rules()));
    assertThat(catalog.rules()).extracting(RuleDescriptor::id).allMatch(mapped::contains);
  }

  @Test
  void validationRejectsAPracticeMappedToAnUnknownRule() {
    Framework broken = new Framework("x", "1", "X", "p", "2026", List.of(new Framework.Area("1", "A", List.of(
        new Framework.Practice("1.1", "A practice", null, null, Framework.Assessment.partial,
            List.of("KPCI-9999"), List.of("evidence"), List.of(), List.of())))));
    assertThat(FrameworkLoader.validate(broken, catalog)).containsExactly("practice 1.1 maps unknown rule KPCI-9999");
  }
}
