package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.catalog.RuleDescriptor;
import dev.kubepci.rules.BuiltInRules;
import org.junit.jupiter.api.Test;

/** What a scan takes is what {@link BuiltInRules} gives, loaded ahead or not, and fresh for each scan. */
class BuiltInsTest {
  @Test
  void preloadedAndLoadedOnTheSpotAreTheBuiltIns() {
    BuiltIns.preload();
    BuiltIns.preload(); // a second start while one is pending starts nothing
    BuiltIns.Loaded preloaded = BuiltIns.take();
    BuiltIns.Loaded onTheSpot = BuiltIns.take(); // nothing pending any more

    for (BuiltIns.Loaded loaded : new BuiltIns.Loaded[] {preloaded, onTheSpot}) {
      assertThat(loaded.catalog().rules()).extracting(RuleDescriptor::id)
          .isEqualTo(BuiltInRules.catalog().rules().stream().map(RuleDescriptor::id).toList());
      assertThat(loaded.framework()).isEqualTo(BuiltInRules.pciFramework());
      assertThat(loaded.crossReference()).isEqualTo(BuiltInRules.dssCrossReference());
    }
    assertThat(preloaded.catalog()).isNotSameAs(onTheSpot.catalog());
  }
}
