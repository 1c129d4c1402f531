package dev.kubepci.rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The id, title and columns of a table a rule fills row by row through {@link RuleContext#row}.
 *
 * @param sortedByFirstColumn rows sorted by their first cell (stable), else in the order they were added
 */
public record TableHeader(String id, String title, List<String> columns, boolean sortedByFirstColumn) {
  public TableHeader {
    columns = List.copyOf(columns);
  }

  public TableHeader(String id, String title, List<String> columns) {
    this(id, title, columns, false);
  }

  /** The same header with rows sorted by their first cell. */
  public TableHeader sorted() {
    return new TableHeader(id, title, columns, true);
  }

  /** The table of {@code rows}. */
  public Table table(List<List<String>> rows) {
    List<List<String>> r = new ArrayList<>(rows);
    if (sortedByFirstColumn) {
      r.sort(Comparator.comparing((List<String> row) -> row.isEmpty() ? "" : row.get(0)));
    }
    return new Table(id, title, columns, r);
  }
}
