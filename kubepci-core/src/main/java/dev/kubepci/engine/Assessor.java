package dev.kubepci.engine;

import dev.kubepci.model.EvidenceText;
import dev.kubepci.catalog.Framework;
import dev.kubepci.catalog.RuleDescriptor;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.model.Workload;
import dev.kubepci.model.Workloads;
import dev.kubepci.result.AreaResult;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.AssessmentReportBuilder;
import dev.kubepci.result.Finding;
import dev.kubepci.result.ProcessingError;
import dev.kubepci.result.RequirementResult;
import dev.kubepci.result.RuleError;
import dev.kubepci.result.RuleResult;
import dev.kubepci.result.Status;
import dev.kubepci.rbac.Binding;
import dev.kubepci.rbac.Rbac;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.ComponentRule;
import dev.kubepci.rule.Components;
import dev.kubepci.rule.NamespaceRule;
import dev.kubepci.rule.Observations;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.ResourceRule;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.SubjectRule;
import dev.kubepci.rule.TableHeader;
import dev.kubepci.rule.Violation;
import dev.kubepci.rule.WorkloadNamespace;
import dev.kubepci.rule.WorkloadRule;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Runs the selected rules over an inventory and rolls their results up to the framework's best practices and
 * areas. The engine does the iterating for each rule shape: object rules (workload and resource rules) run in one
 * pass over the objects (the pod-spec view is built once per object); component rules over each visible
 * control-plane instance or kubelet configuration, after one visibility check, and once over each file an instance
 * names; namespace rules over each namespace that runs workloads; subject rules over each binding subject (and
 * kubeconfig user); cluster rules read the inventory's indexes
 * themselves. Each rule has its own context and tally
 * ({@link #runRule} runs one), and violations of one object at one path are joined. The object pass and the
 * other rules run in parallel (see {@link RuleTasks}); the report does not depend on it. Missing data never rolls
 * up to PASS.
 */
public final class Assessor {
  /** The kind of each user of the kubeconfig given with the scan, which subject rules may check. */
  private static final String KUBECONFIG_USER = "KubeconfigUser";

  private final AssessmentRequest request;

  public Assessor(AssessmentRequest request) {
    this.request = request;
  }

  public AssessmentReport assess(Inventory inventory, List<ProcessingError> inputErrors) {
    RuleContext context = new RuleContext(inventory, request.config(), request.clock().instant(),
        request.redactionKey());
    Map<String, List<String>> requirementsByRule = requirementsByRule(request.framework());
    List<ProcessingError> errors = new ArrayList<>(inputErrors);
    List<RuleError> ruleErrors = new ArrayList<>();

    Map<String, Tally> tallies = new LinkedHashMap<>();
    List<RuleDescriptor> objectRules = new ArrayList<>();
    for (RuleDescriptor d : request.selected()) {
      Tally tally = new Tally(context.forRule(), d.severity());
      tally.context.observations().declare(d.rule().tables());
      tallies.put(d.id(), tally);
      try {
        tally.decided = precheck(d, inventory, context);
      } catch (RuntimeException | StackOverflowError e) {
        ruleErrors.add(ruleError(d, null, e));
        tally.crashed(e, false);
        continue;
      }
      if (tally.decided == null && isObjectRule(d)) {
        objectRules.add(d);
        if (d.rule() instanceof ResourceRule rr) {
          tally.ifNothing = rr.nothingToCheck(context);
        } else if (d.rule() instanceof WorkloadRule wr) {
          tally.ifNothing = wr.nothingToCheck(context);
        }
      }
    }

    // the object pass and each other rule are independent tasks: each writes only its own tallies and errors,
    // merged below in the order a sequential run gives (object pass, then the other rules in selection order)
    List<Runnable> tasks = new ArrayList<>();
    List<RuleError> objectErrors = new ArrayList<>();
    tasks.add(() -> runObjectRules(inventory, objectRules, tallies, objectErrors));
    Map<String, List<RuleError>> clusterErrors = new LinkedHashMap<>();
    for (RuleDescriptor d : request.selected()) {
      Tally tally = tallies.get(d.id());
      if (tally.decided == null && tally.crashed == 0 && !isObjectRule(d)) {
        List<RuleError> mine = new ArrayList<>(1);
        clusterErrors.put(d.id(), mine);
        tasks.add(() -> {
          try {
            runRule(d, inventory, tally);
          } catch (RuntimeException | StackOverflowError e) {
            mine.add(ruleError(d, null, e));
            tally.crashed(e, false);
          }
        });
      }
    }
    RuleTasks.runAll(tasks);
    ruleErrors.addAll(objectErrors);
    clusterErrors.values().forEach(ruleErrors::addAll);

    ScopeClassifier scopes = new ScopeClassifier(request.config(), inventory);
    List<Finding> findings = new ArrayList<>();
    List<RuleResult> ruleResults = new ArrayList<>();
    Map<String, RuleResult> resultById = new HashMap<>();
    for (RuleDescriptor d : request.catalog().rules()) {
      List<String> reqs = requirementsByRule.getOrDefault(d.id(), List.of());
      Tally tally = tallies.get(d.id());
      RuleResult result;
      if (tally == null) {
        result = new RuleResult(d.id(), d.name(), d.title(), d.severity(), reqs, Status.NOT_ASSESSED,
            "not run: the rule was deselected (--rule/--skip-rule)", 0, 0, List.of(), List.of(), d.rationale(),
            d.remediation(), d.references());
      } else {
        Outcome outcome = tally.outcome(d);
        for (Outcome.Failure f : outcome.failures()) {
          findings.add(toFinding(d, reqs, f, scopes));
        }
        Status status = tally.crashed > 0 ? Status.ERROR : status(outcome);
        String reason = tally.crashed > 0 ? tally.errorReason(d) : outcome.reason();
        result = new RuleResult(d.id(), d.name(), d.title(), d.severity(), reqs, status, reason,
            outcome.failures().size(), outcome.passed(), outcome.notes(), outcome.tables(), d.rationale(),
            d.remediation(), d.references());
      }
      ruleResults.add(result);
      resultById.put(d.id(), result);
    }
    findings.sort(Finding.ORDER);

    // governance comes after the rules: waivers and attestations change verdicts, never what was observed
    LocalDate today = LocalDate.ofInstant(context.now(), ZoneOffset.UTC);
    GovernanceStep.Waived waived = GovernanceStep.applyWaivers(request.config().waivers(), findings, ruleResults,
        request.catalog(), request.framework(), today, errors);
    waived.rules().forEach(r -> resultById.put(r.id(), r));
    List<AreaResult> areas = GovernanceStep.attest(rollUp(request.framework(), resultById, waived.findings()),
        request.config().attestations(), request.framework(), today, errors);
    return AssessmentReportBuilder.builder().toolName("kubepci").toolVersion(request.toolVersion())
        .frameworkId(request.framework().id()).frameworkVersion(request.framework().version())
        .frameworkTitle(request.framework().title()).generatedAt(request.clock().instant()).inputs(request.inputs())
        .cluster(inventory.clusterInfo()).objects(inventory.size()).areas(areas).rules(waived.rules())
        .findings(waived.findings()).errors(errors).waivers(waived.waivers()).ruleErrors(ruleErrors).build();
  }

  /** Decides a rule before it runs when its configuration or its data rules it out; null to run it. */
  private static Outcome precheck(RuleDescriptor d, Inventory inventory, RuleContext context) {
    for (String kind : d.reads()) {
      Optional<String> gap = inventory.coverage().gap(kind);
      if (gap.isPresent()) {
        return Outcome.notAssessed("could not read " + kind + ": " + gap.get());
      }
    }
    return d.rule().precheck(context).orElse(null);
  }

  /** Object rules run together in one pass over the inventory; the others one by one ({@link #runRule}). */
  private static boolean isObjectRule(RuleDescriptor d) {
    return d.rule() instanceof WorkloadRule || d.rule() instanceof ResourceRule;
  }

  /**
   * Runs one rule that is not an object rule over the whole inventory, into its own tally: a cluster rule decides
   * its outcome itself; a component rule sees each instance once the component is visible; a namespace rule each
   * namespace that runs workloads; a subject rule sees each subject of each binding but the grants Kubernetes
   * creates.
   */
  private static void runRule(RuleDescriptor d, Inventory inventory, Tally tally) {
    RuleContext context = tally.context;
    if (d.rule() instanceof ClusterRule cluster) {
      tally.decided = cluster.check(inventory, context).onePerPath(d.severity());
    } else if (d.rule() instanceof ComponentRule<?> component) {
      runComponents(component, d, inventory, tally);
      if (tally.decided == null) {
        ComponentRule.noteOverriddenFlags(component.getClass(), context);
        component.finish(context);
      }
    } else if (d.rule() instanceof NamespaceRule namespaces) {
      tally.ifNothing = NamespaceRule.NO_NAMESPACES;
      TableHeader table = NamespaceRule.table(namespaces);
      for (WorkloadNamespace ns : WorkloadNamespace.all(inventory)) {
        int uncounted = context.observations().uncountedCount();
        NamespaceRule.Judged judged = namespaces.check(ns, context);
        context.row(table, NamespaceRule.row(ns, judged));
        tally.record(ns.object(), judged.violations(), uncounted);
      }
      namespaces.finish(context);
    } else if (d.rule() instanceof SubjectRule subjects) {
      runSubjects(subjects, inventory, tally);
    }
  }

  private static void runSubjects(SubjectRule rule, Inventory inventory, Tally tally) {
    RuleContext context = tally.context;
    Rbac rbac = Rbac.of(inventory);
    boolean users = rule.checksKubeconfigUsers();
    tally.ifNothing = users ? SubjectRule.NO_BINDINGS_OR_USERS : SubjectRule.NO_BINDINGS;
    if (!rbac.hasBindings() && !users) {
      tally.decided = Outcome.notApplicable(SubjectRule.NO_BINDINGS);
      return;
    }
    for (Binding b : rbac.bindings()) {
      for (Binding.BindingSubject bs : b.subjects()) {
        if (bs.subject().isEmpty()) {
          continue;
        }
        if (bs.expected() && !rule.includesBuiltInGrants()) {
          tally.builder.pass();
          continue;
        }
        int uncounted = context.observations().uncountedCount();
        tally.record(b.resource(), rule.check(b, bs, bs.subject().get(), context), uncounted);
      }
    }
    if (users) {
      for (Resource user : inventory.ofKind(KUBECONFIG_USER)) {
        int uncounted = context.observations().uncountedCount();
        tally.record(user, rule.checkKubeconfigUser(user, context), uncounted);
      }
    }
    rule.finish(context);
  }

  private static <T> void runComponents(ComponentRule<T> rule, RuleDescriptor d, Inventory inventory, Tally tally) {
    Components<T> components = rule.components();
    Optional<Outcome> hidden = components.hidden(inventory, d.managed());
    if (hidden.isPresent()) {
      tally.decided = hidden.get();
      return;
    }
    tally.ifNothing = components.ifNothing();
    RuleContext context = tally.context;
    // a file several instances name is judged once, on the file (by identity: equal objects are two files)
    Set<Resource> judged = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (T instance : components.instances(inventory)) {
      int uncounted = context.observations().uncountedCount();
      List<Violation> violations = rule.check(instance, context);
      Optional<Resource> referenced = violations.isEmpty() && context.observations().uncountedCount() == uncounted
          ? rule.referenced(instance, context) : Optional.empty();
      if (referenced.isEmpty()) {
        tally.record(components.resource(instance), violations, uncounted);
      } else if (judged.add(referenced.get())) {
        uncounted = context.observations().uncountedCount();
        tally.record(referenced.get(), rule.checkReferenced(referenced.get(), context), uncounted);
      }
    }
    components.partlyVisible(inventory).ifPresent(context::notAssessedIfClean);
  }

  private void runObjectRules(Inventory inventory, List<RuleDescriptor> rules, Map<String, Tally> tallies,
      List<RuleError> ruleErrors) {
    if (rules.isEmpty()) {
      return;
    }
    boolean anyWorkloadRule = rules.stream().anyMatch(d -> d.rule() instanceof WorkloadRule);
    for (Resource resource : inventory.all()) {
      Workload workload = null;
      boolean owned = false;
      if (anyWorkloadRule && Workloads.isWorkloadKind(resource.kind())) {
        // a Pod of a ReplicaSet of a Deployment is checked through the Deployment's template, once; known
        // without decoding a compact Pod, which is most of a large cluster
        owned = inventory.hasOwnerPresent(resource) && Workloads.hasPodSpec(resource);
        workload = owned ? null : Workloads.of(resource).orElse(null);
      }
      for (RuleDescriptor d : rules) {
        Tally tally = tallies.get(d.id());
        try {
          if (d.rule() instanceof WorkloadRule wr) {
            boolean running = wr.scope() == WorkloadRule.Scope.RUNNING;
            if (owned) {
              tally.coveredByOwner += running ? 0 : 1;
              continue;
            }
            if (workload == null || running && (workload.namespace() == null
                || "PodTemplate".equals(resource.kind()))) {
              continue;
            }
            int uncounted = tally.context.observations().uncountedCount();
            tally.record(resource, wr.check(workload, tally.context), uncounted);
          } else if (d.rule() instanceof ResourceRule rr && rr.appliesTo(resource)) {
            int uncounted = tally.context.observations().uncountedCount();
            tally.record(resource, rr.check(resource, tally.context), uncounted);
          }
        } catch (RuntimeException | StackOverflowError e) {
          // a bug in the rule, not in the input: the rule's verdict is ERROR, the other rules go on
          ruleErrors.add(ruleError(d, resource, e));
          tally.crashed(e, true);
        }
      }
    }
    for (RuleDescriptor d : rules) {
      Tally tally = tallies.get(d.id());
      if (tally.crashed > 0) {
        continue;
      }
      try {
        d.rule().finish(tally.context);
      } catch (RuntimeException | StackOverflowError e) {
        ruleErrors.add(ruleError(d, null, e));
        tally.crashed(e, false);
      }
    }
  }

  private static RuleError ruleError(RuleDescriptor d, Resource resource, Throwable e) {
    java.io.StringWriter trace = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(trace));
    String message = e.getMessage() == null ? e.getClass().getName()
        : e.getClass().getName() + ": " + EvidenceText.firstLine(e.getMessage());
    return new RuleError(d.id(), d.name(), resource == null ? null : resource.ref(),
        resource == null ? null : resource.provenance(), message, trace.toString());
  }

  private static Finding toFinding(RuleDescriptor d, List<String> reqs, Outcome.Failure f, ScopeClassifier scopes) {
    Violation v = f.violation();
    Resource r = f.resource();
    return Finding.builder(d.id(), d.name()).requirements(reqs)
        .severity(v.severity() != null ? v.severity() : d.severity()).status(Status.FAIL)
        .resource(r == null ? null : r.ref()).source(r == null ? null : r.provenance()).scope(scopes.classify(r))
        .path(v.path()).observed(v.observed()).message(v.message()).remediation(d.remediation()).build();
  }

  private static Status status(Outcome outcome) {
    return switch (outcome.kind()) {
      case NOT_APPLICABLE -> Status.NOT_APPLICABLE;
      case NOT_ASSESSED -> Status.NOT_ASSESSED;
      case MANUAL -> Status.MANUAL;
      case EVALUATED -> outcome.failures().isEmpty() ? Status.PASS : Status.FAIL;
    };
  }

  static Map<String, List<String>> requirementsByRule(Framework framework) {
    Map<String, List<String>> map = new HashMap<>();
    for (Framework.Practice p : framework.practices()) {
      for (String rule : p.rules()) {
        map.computeIfAbsent(rule, k -> new ArrayList<>()).add(p.id());
      }
    }
    return map;
  }

  private static List<AreaResult> rollUp(Framework framework, Map<String, RuleResult> rules, List<Finding> findings) {
    Map<String, Long> findingsByRequirement = findings.stream()
        .flatMap(f -> f.requirements().stream())
        .collect(Collectors.groupingBy(r -> r, TreeMap::new, Collectors.counting()));
    List<AreaResult> areas = new ArrayList<>();
    for (Framework.Area area : framework.areas()) {
      List<RequirementResult> reqs = new ArrayList<>();
      Map<Status, Integer> counts = new EnumMap<>(Status.class);
      for (Framework.Practice p : area.practices()) {
        RequirementResult r = requirement(area, p, rules, findingsByRequirement.getOrDefault(p.id(), 0L).intValue());
        reqs.add(r);
        counts.merge(r.status(), 1, Integer::sum);
      }
      areas.add(new AreaResult(area.id(), area.title(), areaStatus(reqs), reqs, counts));
    }
    return areas;
  }

  static RequirementResult requirement(Framework.Area area, Framework.Practice p, Map<String, RuleResult> rules,
      int findingCount) {
    List<RuleResult> mine = p.rules().stream().map(rules::get).filter(r -> r != null).toList();
    Status automated = mine.isEmpty() ? null : RollUp.combine(mine.stream().map(RuleResult::status).toList());
    List<String> evidence = new ArrayList<>();
    for (RuleResult r : mine) {
      StringBuilder line = new StringBuilder(r.id() + " " + r.name() + ": " + r.status());
      if (r.status() == Status.PASS || r.status() == Status.FAIL || r.status() == Status.WAIVED) {
        line.append(" (").append(r.passed()).append(" passed, ").append(r.failed()).append(" failed)");
      } else if (r.reason() != null) {
        line.append(" (").append(r.reason()).append(')');
      }
      evidence.add(line.toString());
      r.notes().forEach(n -> evidence.add(r.id() + ": " + n));
    }
    Status status;
    String reason;
    if (automated == null) {
      status = Status.MANUAL;
      reason = "no automated check decides this practice; collect the evidence listed";
    } else if (automated == Status.ERROR) {
      // a broken rule decided nothing: the practice is not assessed, whatever its other rules say
      status = Status.NOT_ASSESSED;
      reason = mine.stream().filter(r -> r.status() == Status.ERROR)
          .map(r -> "internal error in rule " + r.id() + " " + r.name()).collect(Collectors.joining("; "));
    } else if (automated == Status.FAIL || automated == Status.NOT_ASSESSED) {
      status = automated;
      reason = automated == Status.NOT_ASSESSED
          ? mine.stream().filter(r -> r.status() == Status.NOT_ASSESSED).map(r -> r.id() + ": " + r.reason())
              .collect(Collectors.joining("; "))
          : null;
    } else if (p.assessment() == Framework.Assessment.automated) {
      status = automated;
      reason = automated == Status.PASS ? null
          : mine.stream().filter(r -> r.reason() != null).map(r -> r.id() + ": " + r.reason())
              .collect(Collectors.joining("; "));
    } else {
      // automation decides only part of this practice: its checks alone never make it a pass
      status = Status.MANUAL;
      reason = "automated checks: " + automated + "; the rest needs the evidence listed";
    }
    return new RequirementResult(p.id(), area.id(), p.title(), p.assessment().name(), status, automated, p.rules(),
        reason == null || reason.isEmpty() ? null : reason, evidence,
        status == Status.PASS ? List.of() : p.evidence(), p.commands(), p.questions(), findingCount);
  }

  private static Status areaStatus(List<RequirementResult> reqs) {
    return RollUp.combine(reqs.stream().map(RequirementResult::status).toList());
  }

  /** {@code unknown} with the tables {@code outcome} gathered. */
  private static Outcome withTables(Outcome unknown, Outcome outcome) {
    for (dev.kubepci.rule.Table t : outcome.tables()) {
      unknown = unknown.withTable(t);
    }
    return unknown;
  }

  /** Per-rule accumulation: its own context (notes, rows, undecided objects) and what passed and failed. */
  private static final class Tally {
    final RuleContext context;
    Outcome decided;
    /** The NOT_APPLICABLE reason when nothing was checked; null for the object rules' wording. */
    String ifNothing;
    final Outcome.Builder builder = Outcome.builder();
    int coveredByOwner;
    int crashed;
    Throwable crash;
    boolean crashedOnObjects;

    /** The rule's own severity, which a violation without one has. */
    final dev.kubepci.rule.Severity severity;

    Tally(RuleContext context, dev.kubepci.rule.Severity severity) {
      this.context = context;
      this.severity = severity;
    }

    void crashed(Throwable e, boolean onObject) {
      crashed++;
      crash = e;
      crashedOnObjects = onObject;
    }

    String errorReason(RuleDescriptor d) {
      return "internal error in rule " + d.id() + " " + d.name()
          + (crashedOnObjects ? " on " + crashed + " object(s)" : "") + " (" + crash.getClass().getSimpleName()
          + "); a bug in kubepci: run with --debug for the stack trace and report it";
    }

    /** One object's check: failed, passed, or neither when it was undecided or ignored (the count rose). */
    void record(Resource resource, List<Violation> violations, int uncountedBefore) {
      if (!violations.isEmpty()) {
        builder.fail(resource, Violation.onePerPath(violations, severity));
      } else if (context.observations().uncountedCount() == uncountedBefore) {
        builder.pass();
      }
    }

    Outcome outcome(RuleDescriptor d) {
      if (decided != null) {
        return decided;
      }
      Observations seen = context.observations();
      if (seen.notAssessed() != null) {
        return Outcome.notAssessed(seen.notAssessed());
      }
      seen.notes().forEach(builder::note);
      seen.tables().forEach(builder::table);
      if (coveredByOwner > 0) {
        builder.note(coveredByOwner + " object(s) checked through their owner's pod template");
      }
      String nothing = ifNothing != null ? ifNothing : "no object of the kinds it reads ("
          + String.join(", ", new java.util.TreeSet<>(Set.copyOf(d.reads()))) + ") is in the input";
      Outcome outcome = builder.build(nothing);
      List<String> undecided = seen.undecided();
      if (outcome.failures().isEmpty() && !undecided.isEmpty()) {
        return withTables(Outcome.notAssessed(d.rule().undecidedReason(undecided)), outcome);
      }
      if (outcome.kind() == Outcome.Kind.EVALUATED && outcome.failures().isEmpty()
          && seen.notAssessedIfClean() != null) {
        return withTables(Outcome.notAssessed(seen.notAssessedIfClean()), outcome);
      }
      return outcome;
    }
  }
}
