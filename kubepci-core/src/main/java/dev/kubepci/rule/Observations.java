package dev.kubepci.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one rule noted besides its violations while the engine ran it: notes, table rows, undecided objects. */
public final class Observations {
  private final List<String> notes = new ArrayList<>();
  private final Set<String> notedOnce = new LinkedHashSet<>();
  private final Map<TableHeader, List<List<String>>> rows = new LinkedHashMap<>();
  private final List<String> undecided = new ArrayList<>();
  private int ignored;
  private String notAssessed;
  private String notAssessedIfClean;

  void note(String note) {
    notes.add(note);
  }

  void noteOnce(String note) {
    if (notedOnce.add(note)) {
      notes.add(note);
    }
  }

  void row(TableHeader header, List<String> cells) {
    rows.computeIfAbsent(header, h -> new ArrayList<>()).add(List.copyOf(cells));
  }

  void undecided(String what) {
    undecided.add(what);
  }

  void ignore() {
    ignored++;
  }

  void notAssessed(String reason) {
    if (notAssessed == null) {
      notAssessed = reason;
    }
    ignored++;
  }

  void notAssessedIfClean(String reason) {
    if (notAssessedIfClean == null) {
      notAssessedIfClean = reason;
    }
  }

  /** Declares tables shown even without rows, first and in this order. */
  public void declare(List<TableHeader> headers) {
    headers.forEach(h -> rows.computeIfAbsent(h, k -> new ArrayList<>()));
  }

  public List<String> notes() {
    return List.copyOf(notes);
  }

  public List<Table> tables() {
    List<Table> out = new ArrayList<>();
    rows.forEach((header, r) -> out.add(header.table(r)));
    return out;
  }

  public List<String> undecided() {
    return List.copyOf(undecided);
  }

  /** The first reason the rule as a whole could not be assessed ({@link RuleContext#notAssessed}); null if none. */
  public String notAssessed() {
    return notAssessed;
  }

  /** The first reason a clean result is not a pass ({@link RuleContext#notAssessedIfClean}); null if none. */
  public String notAssessedIfClean() {
    return notAssessedIfClean;
  }

  /**
   * How many objects were undecided or ignored so far: the engine compares before and after a check, and counts an
   * object without violations as passed only when this did not change.
   */
  public int uncountedCount() {
    return undecided.size() + ignored;
  }
}
