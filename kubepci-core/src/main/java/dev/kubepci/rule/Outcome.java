package dev.kubepci.rule;

import dev.kubepci.model.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a rule concluded: evaluated (with failures and the number of objects that passed), not applicable,
 * not assessed (data missing, with the reason) or manual (automation cannot decide, with what to collect).
 *
 * @param reason why the rule did not evaluate; null when it did
 * @param notes facts worth showing as evidence even when nothing failed ("3 namespaces have a default deny")
 * @param tables tables of facts the rule gathered, shown by every report
 */
public record Outcome(Kind kind, String reason, List<Failure> failures, int passed, List<String> notes,
    List<Table> tables) {
  /** The kinds of conclusion. */
  public enum Kind { EVALUATED, NOT_APPLICABLE, NOT_ASSESSED, MANUAL }

  /** A violation on an object; {@code resource} is null for a finding about the cluster as a whole. */
  public record Failure(Resource resource, Violation violation) {
    public Failure {
      Objects.requireNonNull(violation, "violation");
    }
  }

  /**
   * Holds what the factories and the builder guarantee: a reason exactly when not EVALUATED, failures and passes
   * only when EVALUATED (and at least one of them then), no negative count.
   */
  public Outcome {
    Objects.requireNonNull(kind, "kind");
    failures = List.copyOf(failures);
    notes = List.copyOf(notes);
    tables = List.copyOf(tables);
    boolean evaluated = kind == Kind.EVALUATED;
    if (evaluated == (reason != null) || passed < 0
        || evaluated == (failures.isEmpty() && passed == 0)) {
      throw new IllegalArgumentException(kind + " outcome with reason " + reason + ", " + failures.size()
          + " failure(s) and " + passed + " pass(es)");
    }
  }

  public static Outcome notApplicable(String reason) {
    return new Outcome(Kind.NOT_APPLICABLE, Objects.requireNonNull(reason), List.of(), 0, List.of(), List.of());
  }

  public static Outcome notAssessed(String reason) {
    return new Outcome(Kind.NOT_ASSESSED, Objects.requireNonNull(reason), List.of(), 0, List.of(), List.of());
  }

  public static Outcome manual(String reason) {
    return new Outcome(Kind.MANUAL, Objects.requireNonNull(reason), List.of(), 0, List.of(), List.of());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The same conclusion with a table of evidence attached (also for NOT_ASSESSED or MANUAL outcomes). */
  public Outcome withTable(Table table) {
    List<Table> t = new ArrayList<>(tables);
    t.add(table);
    return new Outcome(kind, reason, failures, passed, notes, t);
  }

  /**
   * The same conclusion with the violations of one object at one path joined ({@link Violation#onePerPath}), so
   * that a finding's identity (rule, object, path) stays unique; {@code own} is the rule's severity.
   */
  public Outcome onePerPath(Severity own) {
    Map<PathKey, List<Violation>> byKey = new LinkedHashMap<>();
    for (Failure f : failures) {
      byKey.computeIfAbsent(new PathKey(f.resource(), f.violation().path().toString()), k -> new ArrayList<>())
          .add(f.violation());
    }
    if (byKey.size() == failures.size()) {
      return this;
    }
    List<Failure> merged = new ArrayList<>();
    byKey.forEach((k, v) -> Violation.onePerPath(v, own).forEach(x -> merged.add(new Failure(k.resource(), x))));
    return new Outcome(kind, reason, merged, passed, notes, tables);
  }

  /** An object (by identity; null for the cluster) and a path. */
  private record PathKey(Resource resource, String path) {
    @Override
    public boolean equals(Object o) {
      return o instanceof PathKey k && k.resource == resource && k.path.equals(path);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(resource) * 31 + path.hashCode();
    }
  }

  /** Collects the result of an evaluation. */
  public static final class Builder {
    private final List<Failure> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private int passed;
    private String ifClean;

    public Builder pass() {
      passed++;
      return this;
    }

    public Builder pass(int count) {
      passed += count;
      return this;
    }

    public Builder fail(Resource resource, Violation violation) {
      failures.add(new Failure(resource, violation));
      return this;
    }

    public Builder fail(Resource resource, List<Violation> violations) {
      violations.forEach(v -> fail(resource, v));
      return this;
    }

    public Builder note(String note) {
      notes.add(note);
      return this;
    }

    public Builder table(Table table) {
      tables.add(table);
      return this;
    }

    /**
     * Something that could fail was not decided (an engine not in the input): without failures the outcome is
     * NOT_ASSESSED with {@code reason}, keeping the tables, instead of a pass; the first reason given is the one
     * shown, even when nothing at all was checked (unlike {@link RuleContext#notAssessedIfClean} for the rules the
     * engine iterates, which keeps NOT_APPLICABLE then: here the undecided thing is itself what was to be checked).
     */
    public Builder notAssessedIfClean(String reason) {
      if (ifClean == null) {
        ifClean = Objects.requireNonNull(reason);
      }
      return this;
    }

    /**
     * Evaluated, or NOT_APPLICABLE with {@code ifNothing} when no object was checked at all, or NOT_ASSESSED when
     * nothing failed and {@link #notAssessedIfClean} was said.
     */
    public Outcome build(String ifNothing) {
      if (failures.isEmpty() && ifClean != null) {
        return new Outcome(Kind.NOT_ASSESSED, ifClean, List.of(), 0, List.of(), tables);
      }
      if (failures.isEmpty() && passed == 0) {
        return new Outcome(Kind.NOT_APPLICABLE, ifNothing, List.of(), 0, notes, tables);
      }
      return new Outcome(Kind.EVALUATED, null, failures, passed, notes, tables);
    }
  }
}
