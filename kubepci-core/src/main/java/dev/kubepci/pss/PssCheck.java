package dev.kubepci.pss;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One upstream check: an id, the level it belongs to, and its revisions, each applying from a
 * policy version until the next revision.
 */
record PssCheck(String id, PssLevel level, List<Revision> revisions) {

  /** The behaviour of a check at one policy version. */
  @FunctionalInterface
  interface Rule {
    void check(PodView pod, Findings findings);
  }

  /**
   * A revision applies from {@code v1.sinceMinor} until the next revision.
   *
   * @param overrides baseline check ids that this restricted revision replaces at the restricted
   *     level (upstream's {@code OverrideCheckIDs})
   */
  record Revision(int sinceMinor, Rule rule, Set<String> overrides) {
    Revision {
      overrides = Set.copyOf(overrides);
    }
  }

  PssCheck {
    revisions = List.copyOf(revisions);
    if (level == PssLevel.PRIVILEGED) {
      throw new IllegalArgumentException(id + ": checks belong to baseline or restricted");
    }
    if (revisions.isEmpty()) {
      throw new IllegalArgumentException(id + ": a check needs at least one revision");
    }
    for (int i = 1; i < revisions.size(); i++) {
      if (revisions.get(i).sinceMinor() <= revisions.get(i - 1).sinceMinor()) {
        throw new IllegalArgumentException(id + ": revisions must be strictly increasing");
      }
    }
    if (level == PssLevel.BASELINE
        && revisions.stream().anyMatch(r -> !r.overrides().isEmpty())) {
      throw new IllegalArgumentException(id + ": only restricted checks may override others");
    }
  }

  static PssCheck baseline(String id, Revision... revisions) {
    return new PssCheck(id, PssLevel.BASELINE, List.of(revisions));
  }

  static PssCheck restricted(String id, Revision... revisions) {
    return new PssCheck(id, PssLevel.RESTRICTED, List.of(revisions));
  }

  static Revision since(int minor, Rule rule) {
    return new Revision(minor, rule, Set.of());
  }

  static Revision since(int minor, Rule rule, String... overrides) {
    return new Revision(minor, rule, Set.of(overrides));
  }

  /**
   * This check with one more revision from {@code v1.minor}: the newest rule, now passing without a look
   * the pods that {@code exempt} matches (upstream's exemptions for Windows pods, where the API rejects
   * the Linux-only fields, and for pods in their own user namespace, where root and an unmasked /proc
   * do not reach the host).
   */
  PssCheck exemptingFrom(int minor, Predicate<PodView> exempt) {
    Revision newest = revisions.get(revisions.size() - 1);
    Rule rule = (pod, findings) -> {
      if (!exempt.test(pod)) {
        newest.rule().check(pod, findings);
      }
    };
    List<Revision> all = new ArrayList<>(revisions);
    all.add(new Revision(minor, rule, newest.overrides()));
    return new PssCheck(id, level, all);
  }

  /** The revision in force at {@code v1.minor}, if the check exists at that version. */
  Optional<Revision> revisionAt(int minor) {
    Revision found = null;
    for (Revision r : revisions) {
      if (r.sinceMinor() <= minor) {
        found = r;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The newest policy version this check has a revision for. */
  int newestMinor() {
    return revisions.get(revisions.size() - 1).sinceMinor();
  }
}
