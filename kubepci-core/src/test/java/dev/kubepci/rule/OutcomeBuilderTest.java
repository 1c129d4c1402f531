package dev.kubepci.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.model.FieldPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cluster rule's outcome when something that could fail was not decided. */
class OutcomeBuilderTest {
  private static final Table TABLE = new Table("t", "A table", List.of("namespace"), List.of(List.of("shop")));

  @Test
  void aCleanResultWithSomethingUndecidedIsNotAssessedKeepingItsTables() {
    Outcome outcome = Outcome.builder().pass().table(TABLE).note("a note")
        .notAssessedIfClean("the engine of shop is not in the input")
        .notAssessedIfClean("a second reason").build("nothing");
    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.NOT_ASSESSED);
    assertThat(outcome.reason()).isEqualTo("the engine of shop is not in the input");
    assertThat(outcome.tables()).containsExactly(TABLE);
    assertThat(outcome.notes()).isEmpty();
    assertThat(outcome.passed()).isZero();
  }

  @Test
  void aFailureIsReportedWhateverWasUndecided() {
    Outcome outcome = Outcome.builder().fail(null, Violation.at(FieldPath.root(), "x", "x is set"))
        .notAssessedIfClean("the engine of shop is not in the input").build("nothing");
    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.EVALUATED);
    assertThat(outcome.failures()).hasSize(1);
  }

  @Test
  void nothingCheckedButSomethingUndecidedIsNotAssessedRatherThanNotApplicable() {
    Outcome outcome = Outcome.builder().notAssessedIfClean("the Namespace objects are not in the input")
        .build("no namespace runs workloads");
    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.NOT_ASSESSED);
  }

  @Test
  void withoutItACleanResultIsEvaluated() {
    Outcome outcome = Outcome.builder().pass().table(TABLE).build("nothing");
    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.EVALUATED);
    assertThat(outcome.reason()).isNull();
  }
}
