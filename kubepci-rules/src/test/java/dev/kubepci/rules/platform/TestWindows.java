package dev.kubepci.rules.platform;

import java.util.List;
import java.util.Map;

/** A small support table for the version rules' tests, independent of the bundled data. */
final class TestWindows {
  static final SupportWindows TABLE = new SupportWindows("2025-12-01", List.of("test"), List.of(
      new SupportWindows.Release("1.34", "2025-08-27", "2026-10-27", "1.34.9", null),
      new SupportWindows.Release("1.33", "2025-04-23", "2026-06-28", "1.33.10", null),
      new SupportWindows.Release("1.31", "2024-08-13", "2025-11-11", "1.31.14",
          Map.of("eks", new SupportWindows.ProviderSupport("2025-11-26", "2026-11-26"))),
      new SupportWindows.Release("1.29", "2023-12-13", "2025-02-28", "1.29.14", null)),
      Map.of("containerd", List.of(new SupportWindows.Runtime("1.6", "2025-08-23"),
          new SupportWindows.Runtime("2.1", "2026-05-05"))),
      List.of(new SupportWindows.OperatingSystem("Ubuntu 20.04", "2025-05-29"),
          new SupportWindows.OperatingSystem("Ubuntu 24.04", "2029-04-01")));

  private TestWindows() {}
}
