package dev.kubepci.rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The id, title and columns of a table a rule fills row by row through {@link RuleContext#row}.
 *
 * @param sortedByFirstColumn rows sorted by their first cell (stable), else in the order they were added
 * @param leading first cells whose rows come before all others, in this order (nodes before workloads, say); each
 *     group in the order of {@code sortedByFirstColumn}
 */
public record TableHeader(String id, String title, List<String> columns, boolean sortedByFirstColumn,
    List<String> leading) {
  public TableHeader {
    columns = List.copyOf(columns);
    leading = List.copyOf(leading);
  }

  public TableHeader(String id, String title, List<String> columns) {
    this(id, title, columns, false, List.of());
  }

  /** The same header with rows sorted by their first cell. */
  public TableHeader sorted() {
    return new TableHeader(id, title, columns, true, leading);
  }

  /** The same header with the rows whose first cell is one of {@code firstCells} first, in that order. */
  public TableHeader leading(String... firstCells) {
    return new TableHeader(id, title, columns, sortedByFirstColumn, List.of(firstCells));
  }

  /** The table of {@code rows}. */
  public Table table(List<List<String>> rows) {
    List<List<String>> r = new ArrayList<>(rows);
    Comparator<List<String>> order = Comparator.comparingInt(this::rank);
    if (sortedByFirstColumn) {
      order = order.thenComparing(TableHeader::firstCell);
    }
    r.sort(order);
    return new Table(id, title, columns, r);
  }

  private int rank(List<String> row) {
    int i = leading.indexOf(firstCell(row));
    return i < 0 ? leading.size() : i;
  }

  private static String firstCell(List<String> row) {
    return row.isEmpty() ? "" : row.get(0);
  }
}
