package dev.kubepci.rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders the rows of an evidence table by their first column, keeping the order of rows that share it, so that a
 * table reads the same whatever order the objects were read in (files, a dump, a live cluster).
 */
public final class TableRows {
  private TableRows() {}

  public static List<List<String>> byFirstColumn(List<List<String>> rows) {
    List<List<String>> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing((List<String> r) -> r.isEmpty() ? "" : r.get(0)));
    return sorted;
  }
}
