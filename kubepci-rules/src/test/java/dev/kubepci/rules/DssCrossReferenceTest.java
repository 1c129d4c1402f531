package dev.kubepci.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.catalog.Framework;
import dev.kubepci.crossref.CrossReference;
import java.util.List;
import org.junit.jupiter.api.Test;

class DssCrossReferenceTest {
  private final Framework framework = BuiltInRules.pciFramework();
  private final CrossReference dss = BuiltInRules.dssCrossReference();
  private final List<String> practiceIds = framework.practices().stream().map(Framework.Practice::id).toList();

  @Test
  void mapsEveryOneOfTheFortyTwoPracticesWithAOneLineRationale() {
    assertThat(dss.validate(practiceIds)).isEmpty();
    assertThat(dss.practices()).hasSize(42);
    assertThat(dss.practices()).allSatisfy(p -> assertThat(p.supports()).isNotEmpty());
  }

  @Test
  void saysItIsKubepcisInterpretationAndNotAStatementByThePciSsc() {
    assertThat(dss.statement()).contains("kubepci's interpretation").contains("not a statement by the PCI Security");
    assertThat(dss.title()).contains("not a statement by the PCI SSC");
    assertThat(dss.framework()).isEqualTo(framework.id());
    assertThat(dss.frameworkVersion()).isEqualTo(framework.version());
    assertThat(dss.version()).isEqualTo("4.0.1");
  }

  @Test
  void mapsTheDomainsToTheRequirementFamiliesTheyServe() {
    assertThat(dss.requirementIdsOf("1.1")).contains("8.3");
    assertThat(dss.requirementIdsOf("4.1")).contains("1.2", "1.3");
    assertThat(dss.requirementIdsOf("7.1")).contains("10.2");
    assertThat(dss.requirementIdsOf("10.2")).contains("6.3");
    assertThat(dss.requirementIdsOf("10.3")).contains("11.3");
    assertThat(dss.requirementIdsOf("16.1")).contains("12.5", "1.3");
  }

  @Test
  void requirementsOfSeveralPracticesComeInTheStandardsOrderOnce() {
    assertThat(dss.requirementIdsOf(List.of("16.1", "4.1", "1.1"))).containsExactly("1.2", "1.3", "2.2", "8.3",
        "12.5", "A1.1");
  }

  @Test
  void validationNamesEveryKindOfMistake() {
    CrossReference broken = new CrossReference("pci-dss", "4.0.1", "t", "f", "1", "a mapping",
        List.of(new CrossReference.Requirement("1.2", "NSCs"), new CrossReference.Requirement("1.2", "again"),
            new CrossReference.Requirement("9.9", "unused")),
        List.of(new CrossReference.PracticeMapping("1.1", List.of(
                new CrossReference.Support("1.2", "first line\nsecond line"), new CrossReference.Support("7.7", "x"))),
            new CrossReference.PracticeMapping("99.1", List.of())));
    assertThat(broken.validate(List.of("1.1", "1.2"))).containsExactly(
        "the statement must say the mapping is not a statement by the standard's publisher",
        "requirement 1.2 is declared twice",
        "practice 1.1 -> 1.2 needs a one-line rationale",
        "practice 1.1 maps undeclared requirement 7.7",
        "practice 99.1 is not a practice of f",
        "practice 99.1 supports no requirement",
        "practice 1.2 is not mapped",
        "requirement 9.9 is declared but no practice maps to it");
  }
}
