package dev.kubepci.engine;

import dev.kubepci.catalog.Framework;
import dev.kubepci.catalog.RuleCatalog;
import dev.kubepci.catalog.RuleDescriptor;
import dev.kubepci.model.Provenance;
import dev.kubepci.result.AreaResult;
import dev.kubepci.result.Finding;
import dev.kubepci.result.ProcessingError;
import dev.kubepci.result.RequirementResult;
import dev.kubepci.result.RuleResult;
import dev.kubepci.result.Status;
import dev.kubepci.result.WaiverResult;
import dev.kubepci.waiver.Attestation;
import dev.kubepci.waiver.AttestationOutcome;
import dev.kubepci.waiver.Waiver;
import dev.kubepci.waiver.WaiverOutcome;
import dev.kubepci.waiver.Waivers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the declared governance after the rules have run: waivers turn the FAIL findings they cover into
 * WAIVED (kept in the report with their waiver), attestations decide the practices left MANUAL. Invalid or
 * expired records take no effect and become processing errors, so that a lapsed exception fails the run instead
 * of silently hiding a finding.
 */
final class GovernanceStep {
  private GovernanceStep() {}

  /** Findings, rule results and waiver outcomes after the waivers are applied. */
  record Waived(List<Finding> findings, List<RuleResult> rules, List<WaiverResult> waivers) {}

  static Waived applyWaivers(List<Waiver> waivers, List<Finding> findings, List<RuleResult> rules,
      RuleCatalog catalog, Framework framework, LocalDate today, List<ProcessingError> errors) {
    if (waivers.isEmpty()) {
      return new Waived(findings, rules, List.of());
    }
    Set<String> ruleKeys = new HashSet<>();
    for (RuleDescriptor d : catalog.rules()) {
      ruleKeys.add(d.id());
      ruleKeys.add(d.name());
    }
    Set<String> practiceIds = practiceIds(framework);
    List<Waiver> valid = new ArrayList<>();
    List<WaiverOutcome.Rejected> rejections = new ArrayList<>();
    Map<String, Waiver> byId = new HashMap<>();
    for (Waiver w : waivers) {
      WaiverOutcome.Rejected rejection = Waivers.rejection(w, today, ruleKeys, practiceIds);
      Waiver first = w.id() == null || w.id().isBlank() ? null : byId.putIfAbsent(w.id().strip(), w);
      if (first != null && !(rejection instanceof WaiverOutcome.Expired)) {
        // two records under one reference: which one an auditor reads is a guess, so only the first counts
        rejection = new WaiverOutcome.Repeated(where(first).describe());
      }
      rejections.add(rejection);
      if (rejection == null) {
        valid.add(w);
      } else {
        errors.add(new ProcessingError(where(w), "waiver " + w.label() + " " + rejection.problem()
            + "; the findings it names stay FAIL"));
      }
    }
    int[] matched = new int[valid.size()];
    List<Finding> out = new ArrayList<>(findings.size());
    Map<String, int[]> byRule = new HashMap<>(); // rule id -> {failing, waived}
    for (Finding f : findings) {
      Finding result = f;
      if (f.status() == Status.FAIL) {
        for (int i = 0; i < valid.size(); i++) {
          if (Waivers.covers(valid.get(i), f.rule(), f.name(), f.requirements(), f.resource())) {
            result = f.waivedBy(valid.get(i));
            matched[i]++;
            break;
          }
        }
        int[] counts = byRule.computeIfAbsent(f.rule(), k -> new int[2]);
        counts[0]++;
        if (result.status() == Status.WAIVED) {
          counts[1]++;
        }
      }
      out.add(result);
    }
    List<RuleResult> ruleResults = new ArrayList<>(rules.size());
    for (RuleResult r : rules) {
      int[] counts = byRule.get(r.id());
      boolean allWaived = r.status() == Status.FAIL && counts != null && counts[0] > 0 && counts[0] == counts[1];
      ruleResults.add(allWaived ? r.withStatus(Status.WAIVED) : r);
    }
    List<WaiverResult> outcomes = new ArrayList<>();
    int validIndex = 0;
    for (int i = 0; i < waivers.size(); i++) {
      WaiverOutcome outcome = rejections.get(i);
      if (outcome == null) {
        int covered = matched[validIndex++];
        outcome = covered > 0 ? new WaiverOutcome.Applied(covered) : new WaiverOutcome.Unmatched();
      }
      outcomes.add(new WaiverResult(waivers.get(i), outcome));
    }
    return new Waived(out, ruleResults, outcomes);
  }

  /**
   * Attaches each valid attestation to its practice. A MANUAL practice takes the attested verdict; any other
   * keeps the status automation gave it (a failure or missing data is never overridden) and shows the
   * attestation beside it.
   */
  static List<AreaResult> attest(List<AreaResult> areas, List<Attestation> attestations, Framework framework,
      LocalDate today, List<ProcessingError> errors) {
    if (attestations.isEmpty()) {
      return areas;
    }
    Set<String> practiceIds = practiceIds(framework);
    Map<String, Attestation> byPractice = new HashMap<>();
    for (Attestation a : attestations) {
      AttestationOutcome.Rejected rejection = Waivers.rejection(a, today, practiceIds);
      if (rejection == null && byPractice.containsKey(a.practice())) {
        rejection = new AttestationOutcome.Repeated(a);
      }
      if (rejection != null) {
        errors.add(new ProcessingError(where(a), "attestation"
            + (a.practice() == null ? "" : " for " + a.practice()) + " " + rejection.problem()
            + "; it was not applied"));
      } else {
        byPractice.put(a.practice(), a);
      }
    }
    List<AreaResult> out = new ArrayList<>();
    for (AreaResult area : areas) {
      List<RequirementResult> reqs = new ArrayList<>();
      Map<Status, Integer> counts = new EnumMap<>(Status.class);
      for (RequirementResult r : area.requirements()) {
        Attestation a = byPractice.get(r.id());
        RequirementResult updated = a == null ? r : attested(r, a);
        reqs.add(updated);
        counts.merge(updated.status(), 1, Integer::sum);
      }
      Status status = RollUp.combine(reqs.stream().map(RequirementResult::status).toList());
      out.add(new AreaResult(area.id(), area.title(), status, reqs, counts));
    }
    return out;
  }

  private static RequirementResult attested(RequirementResult r, Attestation a) {
    boolean decides = r.status() == Status.MANUAL;
    Status status = decides ? Status.valueOf(a.verdict().name()) : r.status();
    String reason = decides
        ? "attested " + a.verdict() + " by " + a.reviewer() + " on " + a.date()
            + (a.note() == null || a.note().isBlank() ? "" : ": " + a.note())
        : r.reason();
    List<String> toCollect = decides ? List.of() : r.toCollect();
    return new RequirementResult(r.id(), r.area(), r.title(), r.assessment(), status, r.automatedStatus(), r.rules(),
        reason, r.evidence(), toCollect, r.commands(), r.questions(), r.findings(),
        decides ? new AttestationOutcome.Decided(a) : new AttestationOutcome.Alongside(a));
  }

  private static Set<String> practiceIds(Framework framework) {
    Set<String> ids = new HashSet<>();
    framework.practices().forEach(p -> ids.add(p.id()));
    return ids;
  }

  /** Where a waiver was declared; a waiver handed over without a file is named as a configuration element. */
  private static Provenance where(Waiver w) {
    return w.source() != null ? w.source() : Provenance.ofConfiguration(null, "waiver " + w.label());
  }

  private static Provenance where(Attestation a) {
    return a.source() != null ? a.source()
        : Provenance.ofConfiguration(null, "attestation" + (a.practice() == null ? "" : " for " + a.practice()));
  }
}
