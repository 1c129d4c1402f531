package dev.kubepci.result;

import java.util.List;
import java.util.Map;

/** One of the 16 areas with its practices and how many are in each status. */
public record AreaResult(String id, String title, Status status, List<RequirementResult> requirements,
    Map<Status, Integer> counts) {
  public AreaResult {
    requirements = List.copyOf(requirements);
    counts = Map.copyOf(counts);
  }
}
