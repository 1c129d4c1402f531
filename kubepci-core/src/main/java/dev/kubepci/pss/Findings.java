package dev.kubepci.pss;

import java.util.ArrayList;
import java.util.List;

/** Collects the violations one check finds in one pod. */
final class Findings {
  private final String checkId;
  private final List<PssViolation> violations = new ArrayList<>();

  Findings(String checkId) {
    this.checkId = checkId;
  }

  /**
   * Records an offending field; the message is upstream's reason followed by the detail in
   * parentheses, as upstream prints one forbidden reason with its detail.
   */
  void add(String path, String reason, String detail) {
    violations.add(new PssViolation(checkId, reason + " (" + detail + ")", path));
  }

  boolean isEmpty() {
    return violations.isEmpty();
  }

  List<PssViolation> violations() {
    return violations;
  }
}
