package dev.kubepci.engine;

import dev.kubepci.result.Status;
import java.util.List;

/**
 * How verdicts combine, for a practice from its rules and for an area from its practices: a failure wins, then a
 * rule that failed with an internal error, then missing data, then what needs a person; a pass needs every part
 * decided.
 */
public final class RollUp {
  private RollUp() {}

  public static Status combine(List<Status> statuses) {
    if (statuses.contains(Status.FAIL)) {
      return Status.FAIL;
    }
    if (statuses.contains(Status.ERROR)) {
      return Status.ERROR;
    }
    if (statuses.contains(Status.NOT_ASSESSED)) {
      return Status.NOT_ASSESSED;
    }
    if (statuses.contains(Status.MANUAL)) {
      return Status.MANUAL;
    }
    if (statuses.stream().allMatch(s -> s == Status.NOT_APPLICABLE)) {
      return Status.NOT_APPLICABLE;
    }
    return statuses.contains(Status.WAIVED) ? Status.WAIVED : Status.PASS;
  }
}
