package dev.kubepci.store;

import java.util.List;

/**
 * One page of an assessment's findings, in report order (most severe first, then rule, object, path).
 *
 * @param total how many findings match the filter in all
 */
public record FindingPage(List<StoredFinding> findings, int offset, int limit, int total) {
  public FindingPage {
    findings = List.copyOf(findings);
  }
}
