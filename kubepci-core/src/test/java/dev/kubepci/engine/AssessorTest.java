package dev.kubepci.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.catalog.Framework;
import dev.kubepci.catalog.RuleCatalog;
import dev.kubepci.config.KubepciConfig;
import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.Resource;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.RequirementResult;
import dev.kubepci.result.Status;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AssessorTest {
  /** A cluster rule whose outcome the test decides. */
  @RuleInfo(id = "KPCI-9001", name = "fixed-a", severity = Severity.HIGH, reads = {"Namespace"})
  static final class RuleA implements ClusterRule {
    Function<Inventory, Outcome> outcome;

    @Override
    public Outcome check(Inventory inventory, RuleContext context) {
      return outcome.apply(inventory);
    }
  }

  /** A second rule whose outcome the test decides. */
  @RuleInfo(id = "KPCI-9002", name = "fixed-b", severity = Severity.LOW, reads = {"Namespace"})
  static final class RuleB implements ClusterRule {
    Function<Inventory, Outcome> outcome;

    @Override
    public Outcome check(Inventory inventory, RuleContext context) {
      return outcome.apply(inventory);
    }
  }

  private final RuleA a = new RuleA();
  private final RuleB b = new RuleB();
  private final Resource ns = new Resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata()
      .build(), Provenance.ofFile("ns.yaml", 1, 1));

  private Map<String, RequirementResult> run(Framework.Assessment assessment) {
    return report(assessment).requirements().stream().collect(Collectors.toMap(RequirementResult::id, r -> r));
  }

  private AssessmentReport report(Framework.Assessment assessment) {
    RuleCatalog catalog = new RuleCatalog(List.of(a, b));
    Framework framework = new Framework("f", "1", "F", "p", "2026", List.of(new Framework.Area("1", "Area", List.of(
        new Framework.Practice("1.1", "Both rules", null, null, assessment, List.of("KPCI-9001", "KPCI-9002"),
            List.of("collect this"), List.of(), List.of()),
        new Framework.Practice("1.2", "No rule", null, null, Framework.Assessment.manual, List.of(),
            List.of("collect that"), List.of(), List.of())))));
    AssessmentRequest request = new AssessmentRequest(framework, catalog, catalog.rules(), KubepciConfig.EMPTY,
        Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), "test", List.of("ns.yaml"));
    return new Assessor(request).assess(Inventory.of(List.of(ns)), List.of());
  }

  private Outcome pass() {
    return Outcome.builder().pass().build("none");
  }

  private Outcome fail() {
    return Outcome.builder().fail(ns, Violation.at(FieldPath.root().child("metadata"), "x", "bad")).build("none");
  }

  @Test
  void automatedPracticePassesOnlyWhenEveryRulePasses() {
    a.outcome = inv -> pass();
    b.outcome = inv -> pass();
    assertThat(run(Framework.Assessment.automated).get("1.1").status()).isEqualTo(Status.PASS);
    b.outcome = inv -> fail();
    assertThat(run(Framework.Assessment.automated).get("1.1").status()).isEqualTo(Status.FAIL);
  }

  @Test
  void missingDataNeverRollsUpToPass() {
    a.outcome = inv -> pass();
    b.outcome = inv -> Outcome.notAssessed("could not read Namespace: forbidden");
    RequirementResult r = run(Framework.Assessment.automated).get("1.1");
    assertThat(r.status()).isEqualTo(Status.NOT_ASSESSED);
    assertThat(r.reason()).contains("forbidden");
  }

  @Test
  void failureWinsOverMissingData() {
    a.outcome = inv -> fail();
    b.outcome = inv -> Outcome.notAssessed("no data");
    assertThat(run(Framework.Assessment.automated).get("1.1").status()).isEqualTo(Status.FAIL);
  }

  @Test
  void partialPracticeStaysManualWhenItsChecksPass() {
    a.outcome = inv -> pass();
    b.outcome = inv -> Outcome.notApplicable("nothing");
    RequirementResult r = run(Framework.Assessment.partial).get("1.1");
    assertThat(r.status()).isEqualTo(Status.MANUAL);
    assertThat(r.automatedStatus()).isEqualTo(Status.PASS);
    assertThat(r.toCollect()).containsExactly("collect this");
  }

  @Test
  void practiceWithoutRulesIsManualWithItsEvidence() {
    a.outcome = inv -> pass();
    b.outcome = inv -> pass();
    RequirementResult r = run(Framework.Assessment.automated).get("1.2");
    assertThat(r.status()).isEqualTo(Status.MANUAL);
    assertThat(r.toCollect()).containsExactly("collect that");
  }

  @Test
  void ruleThatCrashesIsErrorAndItsPracticeCannotPass() {
    a.outcome = inv -> {
      throw new IllegalStateException("boom");
    };
    b.outcome = inv -> pass();
    AssessmentReport report = report(Framework.Assessment.automated);
    assertThat(report.rules()).filteredOn(r -> r.id().equals("KPCI-9001")).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(Status.ERROR);
      assertThat(r.reason()).contains("internal error in rule KPCI-9001 fixed-a").contains("IllegalStateException");
    });
    RequirementResult practice = report.requirements().get(0);
    assertThat(practice.status()).isEqualTo(Status.NOT_ASSESSED);
    assertThat(practice.reason()).isEqualTo("internal error in rule KPCI-9001 fixed-a");
    // a bug in kubepci, not unreadable input: kept apart, with the stack trace for --debug
    assertThat(report.errors()).isEmpty();
    assertThat(report.ruleErrors()).singleElement().satisfies(e -> {
      assertThat(e.rule()).isEqualTo("KPCI-9001");
      assertThat(e.resource()).isNull();
      assertThat(e.message()).isEqualTo("java.lang.IllegalStateException: boom");
      assertThat(e.stackTrace()).contains("at dev.kubepci.engine.AssessorTest");
    });
  }

  @Test
  void crashedRuleDoesNotHideAFailureOfAnotherRule() {
    a.outcome = inv -> {
      throw new NullPointerException();
    };
    b.outcome = inv -> fail();
    assertThat(run(Framework.Assessment.automated).get("1.1").status()).isEqualTo(Status.FAIL);
  }

  @Test
  void objectRuleThatCrashesOnOneObjectNamesItAndKeepsTheOthersFindings() {
    Resource bad = new Resource(new NamespaceBuilder().withNewMetadata().withName("bad").endMetadata().build(),
        Provenance.ofFile("ns.yaml", 2, 5));
    RuleCatalog catalog = new RuleCatalog(List.of(new Picky()));
    Framework framework = new Framework("f", "1", "F", "p", "2026", List.of(new Framework.Area("1", "Area", List.of(
        new Framework.Practice("1.1", "Picky", null, null, Framework.Assessment.automated, List.of("KPCI-9003"),
            List.of(), List.of(), List.of())))));
    AssessmentReport report = new Assessor(new AssessmentRequest(framework, catalog, catalog.rules(),
        KubepciConfig.EMPTY, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), "test", List.of("ns.yaml")))
        .assess(Inventory.of(List.of(ns, bad)), List.of());
    assertThat(report.rules().get(0).status()).isEqualTo(Status.ERROR);
    assertThat(report.rules().get(0).reason()).contains("on 1 object(s)");
    assertThat(report.findings()).singleElement().satisfies(f -> assertThat(f.resource().name()).isEqualTo("shop"));
    assertThat(report.ruleErrors()).singleElement().satisfies(e -> {
      assertThat(e.resource().displayName()).isEqualTo("Namespace/bad");
      assertThat(e.source().describe()).isEqualTo("ns.yaml:5 (document 2)");
      assertThat(e.describe()).startsWith("KPCI-9003 picky on Namespace/bad: java.lang.IllegalArgumentException");
    });
    assertThat(report.requirements().get(0).status()).isEqualTo(Status.NOT_ASSESSED);
  }

  /** An object rule that fails on "shop" and throws on "bad". */
  @RuleInfo(id = "KPCI-9003", name = "picky", severity = Severity.LOW, reads = {"Namespace"})
  static final class Picky implements dev.kubepci.rule.ResourceRule {
    @Override
    public boolean appliesTo(Resource resource) {
      return "Namespace".equals(resource.kind());
    }

    @Override
    public List<Violation> check(Resource resource, RuleContext context) {
      if ("bad".equals(resource.name())) {
        throw new IllegalArgumentException("cannot decide");
      }
      return List.of(Violation.at(FieldPath.root().child("metadata"), "x", "picky"));
    }
  }

  @Test
  void combineOrdersFailThenMissingThenManual() {
    assertThat(RollUp.combine(List.of(Status.PASS, Status.NOT_ASSESSED, Status.FAIL))).isEqualTo(Status.FAIL);
    assertThat(RollUp.combine(List.of(Status.PASS, Status.MANUAL, Status.NOT_ASSESSED))).isEqualTo(Status.NOT_ASSESSED);
    assertThat(RollUp.combine(List.of(Status.ERROR, Status.NOT_ASSESSED))).isEqualTo(Status.ERROR);
    assertThat(RollUp.combine(List.of(Status.ERROR, Status.FAIL))).isEqualTo(Status.FAIL);
    assertThat(RollUp.combine(List.of(Status.NOT_APPLICABLE, Status.NOT_APPLICABLE))).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(RollUp.combine(List.of(Status.NOT_APPLICABLE, Status.PASS))).isEqualTo(Status.PASS);
    assertThat(RollUp.combine(List.of(Status.WAIVED, Status.PASS))).isEqualTo(Status.WAIVED);
  }
}
