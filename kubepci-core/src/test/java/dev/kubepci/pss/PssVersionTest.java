package dev.kubepci.pss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PssVersionTest {

  @Test
  void parsesNumberedVersions() {
    assertThat(PssVersion.parse("v1.25")).isEqualTo(PssVersion.of(25));
    assertThat(PssVersion.parse("v1.0").minor()).isZero();
    assertThat(PssVersion.parse(" 1.30 ")).isEqualTo(PssVersion.of(30));
    assertThat(PssVersion.parse("v1.25")).hasToString("v1.25");
  }

  @Test
  void parsesLatestInAnyCase() {
    assertThat(PssVersion.parse("latest")).isSameAs(PssVersion.LATEST);
    assertThat(PssVersion.parse("LATEST").isLatest()).isTrue();
    assertThat(PssVersion.LATEST).hasToString("latest");
    assertThat(PssVersion.parse("v1.37").isLatest()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "v2.1", "v1.", "v1.x", "1", "v1.25.0", "v1.-1", "v1.01", "newest"})
  void rejectsMalformedVersionsWithAClearMessage(String text) {
    assertThatThrownBy(() -> PssVersion.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("v1.<minor>");
  }

  @Test
  void rejectsNullAndNegativeVersions() {
    assertThatThrownBy(() -> PssVersion.parse(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PssVersion.of(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sortsLatestAboveEveryNumberedVersion() {
    assertThat(PssVersion.of(8)).isLessThan(PssVersion.of(19));
    assertThat(PssVersion.LATEST).isGreaterThan(PssVersion.of(10_000));
  }

  @Test
  void resolvesLatestAndFutureVersionsToTheNewestKnown() {
    assertThat(PssVersion.NEWEST_KNOWN).isEqualTo(PssVersion.of(37));
    assertThat(PssVersion.LATEST.effective()).isEqualTo(PssVersion.NEWEST_KNOWN);
    assertThat(PssVersion.of(40).effective()).isEqualTo(PssVersion.NEWEST_KNOWN);
    assertThat(PssVersion.of(25).effective()).isEqualTo(PssVersion.of(25));
  }
}
