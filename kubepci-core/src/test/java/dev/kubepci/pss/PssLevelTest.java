package dev.kubepci.pss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PssLevelTest {

  @Test
  void parsesLevelsIgnoringCase() {
    assertThat(PssLevel.parse("restricted")).isEqualTo(PssLevel.RESTRICTED);
    assertThat(PssLevel.parse("Baseline")).isEqualTo(PssLevel.BASELINE);
    assertThat(PssLevel.parse(" PRIVILEGED ")).isEqualTo(PssLevel.PRIVILEGED);
  }

  @Test
  void rejectsUnknownLevelsNamingTheChoices() {
    assertThatThrownBy(() -> PssLevel.parse("strict"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown Pod Security level \"strict\": expected privileged, baseline or restricted");
    assertThatThrownBy(() -> PssLevel.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void printsTheLabelUsedByNamespaces() {
    assertThat(PssLevel.RESTRICTED.label()).isEqualTo("restricted");
  }
}
