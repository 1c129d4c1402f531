package dev.kubepci.rules.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The bundled support table parses and is consistent. */
class SupportWindowsTest {
  private final SupportWindows table = SupportWindows.bundled();

  @Test
  void everyReleaseHasOrderedDatesAndAKnownPatchOfItsMinor() {
    assertThat(table.kubernetes()).isNotEmpty();
    for (SupportWindows.Release r : table.kubernetes()) {
      assertThat(LocalDate.parse(r.endOfLife())).as(r.minor()).isAfter(LocalDate.parse(r.released()));
      assertThat(Version.parse(r.knownPatch()).minorText()).isEqualTo(r.minor());
      r.providers().values().forEach(p -> assertThat(LocalDate.parse(p.extendedEnd()))
          .isAfterOrEqualTo(LocalDate.parse(p.standardEnd())));
    }
    assertThat(table.asOfDate()).isBefore(LocalDate.parse("2100-01-01"));
    assertThat(table.newest()).map(SupportWindows.Release::minor).isPresent();
  }

  @Test
  void looksUpReleasesRuntimesAndOperatingSystems() {
    assertThat(table.release("1.31")).map(SupportWindows.Release::endOfLife).contains("2025-11-11");
    assertThat(table.runtime("containerd", "1.6")).isPresent();
    assertThat(table.operatingSystem("Amazon Linux 2023.6.20241212")).map(SupportWindows.OperatingSystem::prefix)
        .contains("Amazon Linux 2023");
    assertThat(table.operatingSystem("Amazon Linux 2")).map(SupportWindows.OperatingSystem::prefix)
        .contains("Amazon Linux 2");
  }

  @Test
  void parsesComponentVersions() {
    assertThat(Version.parse("v1.30.2-eks-1552ad0")).hasToString("1.30.2");
    assertThat(Version.parse("containerd://1.7.24")).hasToString("1.7.24");
    assertThat(Version.find("latest")).isEmpty();
  }
}
