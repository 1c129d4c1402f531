package dev.kubepci.rules.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Flag values read as Kubernetes reads them. */
class FlagValuesTest {
  @Test
  void aDurationIsWithinALimitWhenItIsAboveZeroAndAtMostTheLimit() {
    Duration day = Duration.ofHours(24);
    assertThat(FlagValues.isDurationWithin("24h", day)).isTrue();
    assertThat(FlagValues.isDurationWithin("1h30m", day)).isTrue();
    assertThat(FlagValues.isDurationWithin("24h0m1s", day)).isFalse();
    assertThat(FlagValues.isDurationWithin("0s", day)).isFalse();
    assertThat(FlagValues.isDurationWithin("a day", day)).isFalse();
  }
}
