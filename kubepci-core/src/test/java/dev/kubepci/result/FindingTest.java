package dev.kubepci.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.ScopeZone;
import dev.kubepci.rule.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingTest {
  @Test
  void theBuilderStartsAsAnUnscopedFailAtTheObjectsRoot() {
    Finding f = Finding.builder("KPCI-0001", "some-rule").severity(Severity.HIGH).message("m").build();

    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.scope()).isEqualTo(ScopeZone.UNSCOPED);
    assertThat(f.path()).isEqualTo(FieldPath.root());
    assertThat(f.requirements()).isEmpty();
  }

  @Test
  void aFindingBuiltWithoutPathOrScopeIsRefusedNotDefaulted() {
    assertThatNullPointerException().isThrownBy(() -> new Finding("KPCI-0001", "r", List.of(), Severity.LOW,
        Status.FAIL, null, null, ScopeZone.UNSCOPED, null, null, "m", null, null)).withMessage("path");
    assertThatNullPointerException().isThrownBy(() -> new Finding("KPCI-0001", "r", List.of(), Severity.LOW,
        Status.FAIL, null, null, null, FieldPath.root(), null, "m", null, null)).withMessage("scope");
  }
}
