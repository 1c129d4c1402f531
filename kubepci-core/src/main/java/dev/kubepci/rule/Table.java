package dev.kubepci.rule;

import dev.kubepci.model.EvidenceText;
import java.util.List;
import java.util.Objects;

/**
 * A titled table of facts a rule gathered (namespace readiness, admission coverage, isolation per workload ...),
 * shown by every report as evidence beside the verdicts. Cells are plain text, cut at
 * {@link EvidenceText#MAX_VALUE} characters; rows are sorted by the rule.
 *
 * @param id stable identifier, lower-case-hyphenated, unique in a report
 */
public record Table(String id, String title, List<String> columns, List<List<String>> rows) {
  public Table {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    columns = List.copyOf(columns);
    List<List<String>> copied = new java.util.ArrayList<>();
    for (List<String> r : rows) {
      if (r.size() != columns.size()) {
        throw new IllegalArgumentException("table " + id + ": row " + r + " does not have " + columns.size() + " cells");
      }
      // a cell may quote an input value (an image, a name): cut, as findings' values are
      copied.add(List.copyOf(r.stream().map(c -> EvidenceText.cut(c, EvidenceText.MAX_VALUE)).toList()));
    }
    rows = List.copyOf(copied);
  }
}
