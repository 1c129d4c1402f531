package dev.kubepci.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Resource;
import dev.kubepci.model.Workload;
import dev.kubepci.rbac.Binding;
import dev.kubepci.rbac.Subject;
import dev.kubepci.result.Finding;
import dev.kubepci.result.Status;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.ComponentRule;
import dev.kubepci.rule.ContainerRule;
import dev.kubepci.rule.Components;
import dev.kubepci.rule.EachInstance;
import dev.kubepci.rule.EachObject;
import dev.kubepci.rule.NamespaceRule;
import dev.kubepci.rule.NamespaceTable;
import dev.kubepci.rule.NotVisible;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.ResourceRule;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.SubjectRule;
import dev.kubepci.rule.TableHeader;
import dev.kubepci.rule.Violation;
import dev.kubepci.rule.WorkloadNamespace;
import dev.kubepci.rule.WorkloadRule;
import dev.kubepci.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the engine does for each rule shape: iterating, the visibility check, skipping, joining, counting. */
class RuleShapesTest {
  /** {@code rule} run on an input of one Namespace and nothing else. */
  private static RuleTester.Given onlyANamespace(dev.kubepci.rule.Rule rule) {
    return RuleTester.of(rule).given("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        """);
  }

  private static final String API_SERVER = """
      apiVersion: v1
      kind: Pod
      metadata: {name: kube-apiserver, namespace: kube-system}
      spec:
        containers:
          - name: kube-apiserver
            image: registry.k8s.io/kube-apiserver:v1.31.4
            command: [kube-apiserver, --profiling=true]
      """;

  /** Flags --profiling=true, cannot decide --profiling-from-file. */
  @RuleInfo(id = "KPCI-9101", name = "test-profiling", severity = Severity.LOW, reads = {"Pod"})
  static final class ProfilingRule implements ComponentRule<ControlPlane.Instance> {
    @Override
    public Components<ControlPlane.Instance> components() {
      return Components.of(ControlPlane.Component.KUBE_APISERVER, NotVisible.collect());
    }

    @Override
    public List<Violation> check(ControlPlane.Instance api, RuleContext context) {
      context.noteOnce("the same note for every instance");
      if (api.flag("profiling-from-file").isPresent()) {
        context.undecided(api.pod().name());
        return List.of();
      }
      return api.flag("profiling").filter("true"::equals)
          .map(p -> List.of(Violation.at(api.pathOf("profiling"), p, "profiling is on"))).orElse(List.of());
    }

    @Override
    public String undecidedReason(List<String> undecided) {
      return "profiling is set in a file that is not in the input: " + String.join(", ", undecided);
    }
  }

  /** Flags --profiling=true, declaring its component instead of writing components(). */
  @RuleInfo(id = "KPCI-9121", name = "test-declared-profiling", severity = Severity.LOW, reads = {"Pod"})
  @EachInstance(of = ControlPlane.Component.KUBE_APISERVER, notVisible = NotVisible.Wording.PROVIDER_SETTINGS)
  static final class DeclaredProfilingRule implements ComponentRule<ControlPlane.Instance> {
    @Override
    public List<Violation> check(ControlPlane.Instance api, RuleContext context) {
      return api.flag("profiling").filter("true"::equals)
          .map(p -> List.of(Violation.at(api.pathOf("profiling"), p, "profiling is on"))).orElse(List.of());
    }
  }

  /** A component rule that says neither what it checks nor components(). */
  @RuleInfo(id = "KPCI-9122", name = "test-undeclared", severity = Severity.LOW, reads = {"Pod"})
  static final class UndeclaredRule implements ComponentRule<ControlPlane.Instance> {
    @Override
    public List<Violation> check(ControlPlane.Instance api, RuleContext context) {
      return List.of();
    }
  }

  @Test
  void aComponentRuleThatDeclaresItsComponentIsRunOverItsInstancesWithTheDeclaredWording() {
    var given = RuleTester.of(new DeclaredProfilingRule()).given(API_SERVER).assertStatus(Status.FAIL);
    assertThat(given.findings()).extracting(Finding::message).containsExactly("profiling is on");
    var hidden = onlyANamespace(new DeclaredProfilingRule()).assertStatus(Status.NOT_ASSESSED);
    assertThat(hidden.result().reason()).startsWith("no kube-apiserver static pod or mirror pod is in the input");
  }

  /** A resource rule that says neither its kinds nor appliesTo(). */
  @RuleInfo(id = "KPCI-9125", name = "test-object-undeclared", severity = Severity.LOW, reads = {"Node"})
  static final class UndeclaredObjectRule implements ResourceRule {
    @Override
    public List<Violation> check(Resource node, RuleContext context) {
      return List.of();
    }
  }

  /** A component rule whose components are a part of anyOf, with no wording for when none is visible. */
  @RuleInfo(id = "KPCI-9127", name = "test-component-part", severity = Severity.LOW, reads = {"Pod"})
  static final class PartOnlyRule implements ComponentRule<ControlPlane.Instance> {
    @Override
    public Components<ControlPlane.Instance> components() {
      return Components.of(ControlPlane.Component.KUBE_APISERVER, ControlPlane.Component.KUBE_SCHEDULER);
    }

    @Override
    public List<Violation> check(ControlPlane.Instance api, RuleContext context) {
      return List.of();
    }
  }

  @Test
  void aComponentRuleReadsTheKindsOfItsInstancesAfterThoseItNames() {
    assertThat(dev.kubepci.catalog.RuleDescriptor.of(new DeclaredProfilingRule()).reads())
        .containsExactly("Pod", "Node");
    assertThat(Components.kubelets().reads()).containsExactly("KubeletConfiguration", "Node");
    assertThat(Components.anyOf(List.of(Components.of(ControlPlane.Component.KUBE_APISERVER), Components.kubelets()),
        "kube-apiserver, kubelet", NotVisible.collect(), "nothing", "clean").reads())
        .containsExactly("Pod", "Node", "KubeletConfiguration");
  }

  @Test
  void theCatalogueRejectsARuleWithoutTheDeclarationItsShapeNeeds() {
    assertThat(dev.kubepci.catalog.RuleCatalog.validate(List.of(
        dev.kubepci.catalog.RuleDescriptor.of(new UndeclaredRule()),
        dev.kubepci.catalog.RuleDescriptor.of(new UntabledRule()),
        dev.kubepci.catalog.RuleDescriptor.of(new UndeclaredObjectRule()),
        dev.kubepci.catalog.RuleDescriptor.of(new PartOnlyRule()))))
        .anySatisfy(p -> assertThat(p).contains("UndeclaredRule").contains("@EachInstance"))
        .anySatisfy(p -> assertThat(p).contains("UntabledRule").contains("@NamespaceTable"))
        .anySatisfy(p -> assertThat(p).contains("UndeclaredObjectRule").contains("@EachObject"))
        .anySatisfy(p -> assertThat(p).contains("PartOnlyRule").contains("when none is visible"));
  }

  @Test
  void aComponentRuleIsNotAssessedOnceWhenTheComponentIsNotVisible() {
    var given = onlyANamespace(new ProfilingRule()).assertStatus(Status.NOT_ASSESSED);
    assertThat(given.result().reason())
        .isEqualTo("control-plane manifests or mirror pods not in the input (kube-apiserver)");
  }

  @Test
  void aComponentRuleSeesEachInstanceAndNotesOnce() {
    var given = RuleTester.of(new ProfilingRule()).given(API_SERVER + "---\n" + API_SERVER.replace(
        "name: kube-apiserver, namespace", "name: kube-apiserver-2, namespace").replace("=true", "=false"))
        .assertStatus(Status.FAIL);
    assertThat(given.result().passed()).isEqualTo(1);
    assertThat(given.result().notes()).containsExactly("the same note for every instance");
  }

  @Test
  void anUndecidedInstanceMakesACleanResultNotAssessedButNeverHidesAFailure() {
    String undecided = API_SERVER.replace("--profiling=true", "--profiling-from-file=/etc/p");
    var clean = RuleTester.of(new ProfilingRule()).given(undecided).assertStatus(Status.NOT_ASSESSED);
    assertThat(clean.result().reason()).isEqualTo("profiling is set in a file that is not in the input: "
        + "kube-apiserver");
    assertThat(clean.result().passed()).isZero();
    RuleTester.of(new ProfilingRule()).given(API_SERVER + "---\n" + undecided.replace("name: kube-apiserver,",
        "name: other-apiserver,")).assertStatus(Status.FAIL);
  }

  /** Flags every subject it is asked about. */
  @RuleInfo(id = "KPCI-9102", name = "test-any-subject", severity = Severity.LOW, reads = {"ClusterRoleBinding"})
  static final class AnySubjectRule implements SubjectRule {
    @Override
    public List<Violation> check(Binding b, Binding.BindingSubject entry, Subject s, RuleContext context) {
      return List.of(Violation.at(entry.path(), s.display(), s.display() + " is bound"));
    }
  }

  @Test
  void aSubjectRuleIsNotAskedAboutTheGrantsKubernetesCreates() {
    var given = RuleTester.of(new AnySubjectRule()).given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: cluster-admin}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects:
          - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:masters"}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: mine}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects:
          - {apiGroup: rbac.authorization.k8s.io, kind: User, name: alice}    # expect-violation: User alice is bound
        """).assertMarkedViolations();
    assertThat(given.result().passed()).isEqualTo(1);
  }

  @Test
  void aSubjectRuleWithoutBindingsIsNotApplicable() {
    var given = onlyANamespace(new AnySubjectRule()).assertStatus(Status.NOT_APPLICABLE);
    assertThat(given.result().reason()).isEqualTo(SubjectRule.NO_BINDINGS);
  }

  /** Flags a namespace without the label {@code team}; cannot decide one whose Namespace object is missing. */
  @RuleInfo(id = "KPCI-9120", name = "test-namespace-team", severity = Severity.LOW, reads = {"Namespace"},
      readsWorkloads = true)
  @NamespaceTable(id = "teams", title = "Teams", columns = {"team"})
  static final class TeamLabelRule implements NamespaceRule {
    @Override
    public Judged check(WorkloadNamespace namespace, RuleContext context) {
      if (!namespace.known()) {
        context.undecided(namespace.name());
        return new Judged(List.of("unknown"), List.of());
      }
      String team = namespace.object().labels().get("team");
      return new Judged(List.of(team == null ? "-" : team), team != null ? List.of()
          : List.of(Violation.at(FieldPath.parse("metadata.labels"), null, "no team label")));
    }
  }

  /** A namespace rule without its table. */
  @RuleInfo(id = "KPCI-9123", name = "test-namespace-untabled", severity = Severity.LOW, reads = {"Namespace"})
  static final class UntabledRule implements NamespaceRule {
    @Override
    public Judged check(WorkloadNamespace namespace, RuleContext context) {
      return new Judged(List.of(), List.of());
    }
  }

  private static final String NAMESPACED_PODS = """
      apiVersion: v1
      kind: Namespace
      metadata:                  # expect-violation: no team label
        name: shop
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: audit
        labels: {team: sec}
      ---
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata: {name: web-1, namespace: shop, ownerReferences: [{kind: Deployment, name: web, uid: u1}]}
      spec: {template: {spec: {containers: [{name: c, image: x}]}}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop, uid: u1}
      spec: {template: {spec: {containers: [{name: c, image: x}]}}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: job, namespace: audit}
      spec: {containers: [{name: c, image: x}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: stray, namespace: zoo}
      spec: {containers: [{name: c, image: x}]}
      """;

  @Test
  void aNamespaceRuleSeesEachNamespaceThatRunsWorkloadsOnceInNameOrder() {
    var given = RuleTester.of(new TeamLabelRule()).given(NAMESPACED_PODS).assertMarkedViolations();
    assertThat(given.result().passed()).isEqualTo(1);
    // a ReplicaSet whose Deployment is in the input is the Deployment's, not a second workload
    assertThat(given.result().tables().get(0).rows())
        .containsExactly(List.of("audit", "1", "sec"), List.of("shop", "1", "-"), List.of("zoo", "1", "unknown"));
    assertThat(given.result().tables().get(0).columns()).containsExactly("namespace", "workloads", "team");
  }

  @Test
  void aNamespaceRuleWithoutWorkloadsIsNotApplicableAndAnUndecidedNamespaceNeverHidesAFailure() {
    var none = onlyANamespace(new TeamLabelRule()).assertStatus(Status.NOT_APPLICABLE);
    assertThat(none.result().reason()).isEqualTo(NamespaceRule.NO_NAMESPACES);
    var clean = RuleTester.of(new TeamLabelRule()).given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: stray, namespace: zoo}
        spec: {containers: [{name: c, image: x}]}
        """).assertStatus(Status.NOT_ASSESSED);
    assertThat(clean.result().reason()).isEqualTo("could not decide zoo");
    RuleTester.of(new TeamLabelRule()).given(NAMESPACED_PODS).assertStatus(Status.FAIL);
  }

  /** Flags a Node without the label {@code zone}; needs the Nodes to answer at all. */
  @RuleInfo(id = "KPCI-9124", name = "test-node-zone", severity = Severity.LOW, reads = {"Node"})
  @EachObject(value = "Node", ifNone = "no Node to look at", ifAbsent = "no Node objects are in the input")
  static final class NodeZoneRule implements ResourceRule {
    @Override
    public List<Violation> check(Resource node, RuleContext context) {
      return node.labels().containsKey("zone") ? List.of()
          : List.of(Violation.at(FieldPath.parse("metadata.labels"), null, "no zone label"));
    }
  }

  @Test
  void aResourceRuleChecksTheDeclaredKindsInTheirGroupAndIsNotAssessedWhenTheyAreAbsent() {
    var given = RuleTester.of(new NodeZoneRule()).given("""
        apiVersion: v1
        kind: Node
        metadata:               # expect-violation: no zone label
          name: a
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: b, labels: {zone: z1}}
        ---
        apiVersion: example.com/v1
        kind: Node
        metadata: {name: not-a-node}
        """).assertMarkedViolations();
    assertThat(given.result().passed()).isEqualTo(1);
    var absent = onlyANamespace(new NodeZoneRule()).assertStatus(Status.NOT_ASSESSED);
    assertThat(absent.result().reason()).isEqualTo("no Node objects are in the input");
  }

  /** Flags each container whose image has no tag. */
  @RuleInfo(id = "KPCI-9126", name = "test-untagged", severity = Severity.LOW)
  static final class UntaggedRule implements ContainerRule {
    @Override
    public List<Violation> check(Workload.ContainerRef c, Workload workload, RuleContext context) {
      return c.container().getImage().contains(":") ? List.of()
          : List.of(Violation.at(c.path().child("image"), c.container().getImage(), c.describe() + " has no tag"));
    }
  }

  @Test
  void aContainerRuleSeesEveryContainerOfAPodSpecInOrderAndJudgesTheWorkload() {
    var given = RuleTester.of(new UntaggedRule()).given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          template:
            spec:
              initContainers:
                - {name: init, image: busybox}      # expect-violation: init container "init" has no tag
              containers:
                - {name: app, image: "app:1.0"}
                - {name: side, image: envoy}        # expect-violation: container "side" has no tag
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: clean, namespace: shop}
        spec:
          containers: [{name: c, image: "x:1"}]
        """).assertMarkedViolations();
    assertThat(given.result().failed()).isEqualTo(2);
    assertThat(given.result().passed()).isEqualTo(1);
  }

  /** Says two things about one field, one of them at a higher severity than the rule's. */
  @RuleInfo(id = "KPCI-9103", name = "test-two-at-one-path", severity = Severity.LOW)
  static final class TwoAtOnePathRule implements WorkloadRule {
    @Override
    public List<Violation> check(Workload workload, RuleContext context) {
      if (!Boolean.TRUE.equals(workload.podSpec().getHostNetwork())) {
        return List.of();
      }
      FieldPath path = workload.podSpecPath().child("hostNetwork");
      return List.of(Violation.at(path, true, "first"), Violation.at(path, true, "second")
          .withSeverity(Severity.CRITICAL));
    }
  }

  @Test
  void violationsAtOnePathAreOneFindingAtTheHighestSeverity() {
    var given = RuleTester.of(new TwoAtOnePathRule()).given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop}
        spec:
          hostNetwork: true     # expect-violation: first; second
          containers: [{name: c, image: x}]
        """).assertMarkedViolations();
    Finding f = given.findings().get(0);
    assertThat(given.findings()).hasSize(1);
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void aWorkloadRuleReadsTheWorkloadKindsWithoutNamingThem() {
    var d = dev.kubepci.catalog.RuleDescriptor.of(new TwoAtOnePathRule());
    assertThat(d.reads()).containsExactlyElementsOf(WorkloadRule.KINDS);
  }

  @Test
  void aRuleOnNetworkPoliciesReadsThePolicyKindsWithoutNamingThem() {
    var d = dev.kubepci.catalog.RuleDescriptor.of(new PolicyKindsRule());
    List<String> expected = new java.util.ArrayList<>(dev.kubepci.netpol.NetworkPolicies.KINDS);
    expected.add("RuntimeClass");
    expected.addAll(WorkloadRule.KINDS);
    assertThat(d.reads()).containsExactlyElementsOf(expected);
    assertThat(dev.kubepci.catalog.RuleCatalog.validate(List.of(d))).isEmpty();
  }

  @Test
  void theCatalogueRejectsANetworkPolicyKindNamedAgain() {
    var d = dev.kubepci.catalog.RuleDescriptor.of(new PolicyKindNamedAgainRule());
    assertThat(dev.kubepci.catalog.RuleCatalog.validate(List.of(d)))
        .containsExactly("PolicyKindNamedAgainRule: NetworkPolicy is one of the network policy kinds the rule reads "
            + "without naming them");
  }

  @RuleInfo(id = "KPCI-9105", name = "test-policy-kinds", severity = Severity.LOW, reads = {"RuntimeClass"},
      readsWorkloads = true, readsNetworkPolicies = true)
  static final class PolicyKindsRule implements ClusterRule {
    @Override
    public Outcome check(Inventory inventory, RuleContext context) {
      return Outcome.notApplicable("nothing");
    }
  }

  @RuleInfo(id = "KPCI-9106", name = "test-policy-kind-again", severity = Severity.LOW, reads = {"NetworkPolicy"},
      readsNetworkPolicies = true)
  static final class PolicyKindNamedAgainRule implements ClusterRule {
    @Override
    public Outcome check(Inventory inventory, RuleContext context) {
      return Outcome.notApplicable("nothing");
    }
  }

  private static final TableHeader SEEN = new TableHeader("seen", "Namespaces seen", List.of("namespace")).sorted();

  /** Looks at Namespaces, but only at those not named skip-*; lists the others. */
  @RuleInfo(id = "KPCI-9104", name = "test-namespaces", severity = Severity.LOW, reads = {"Namespace"})
  static final class NamespacesRule implements ResourceRule {
    @Override
    public boolean appliesTo(Resource resource) {
      return resource.kind().equals("Namespace");
    }

    @Override
    public String nothingToCheck() {
      return "every namespace was skipped";
    }

    @Override
    public List<TableHeader> tables() {
      return List.of(SEEN);
    }

    @Override
    public List<Violation> check(Resource resource, RuleContext context) {
      if (resource.name().startsWith("skip-")) {
        context.ignore();
        return List.of();
      }
      context.row(SEEN, List.of(resource.name()));
      return List.of();
    }
  }

  @Test
  void anIgnoredObjectNeitherPassesNorFailsAndADeclaredTableShowsWithoutRows() {
    var skipped = RuleTester.of(new NamespacesRule()).given("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: skip-me}
        """).assertStatus(Status.NOT_APPLICABLE);
    assertThat(skipped.result().reason()).isEqualTo("every namespace was skipped");
    assertThat(skipped.result().tables()).singleElement().satisfies(t -> assertThat(t.rows()).isEmpty());
    var listed = RuleTester.of(new NamespacesRule()).given("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: skip-me}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: billing}
        """).assertStatus(Status.PASS);
    assertThat(listed.result().passed()).isEqualTo(2);
    assertThat(listed.result().tables().get(0).rows()).containsExactly(List.of("billing"), List.of("shop"));
  }

  /** Passes each Namespace; afterwards notes the count and leaves undecided a namespace no object names. */
  @RuleInfo(id = "KPCI-9110", name = "test-finish", severity = Severity.LOW, reads = {"Namespace", "ConfigMap"})
  static final class FinishRule implements ResourceRule {
    @Override
    public boolean appliesTo(Resource resource) {
      return resource.kind().equals("Namespace");
    }

    @Override
    public String nothingToCheck(RuleContext context) {
      return "no Namespace among " + context.inventory().size() + " object(s)";
    }

    @Override
    public List<Violation> check(Resource resource, RuleContext context) {
      return resource.name().equals("bad") ? List.of(Violation.at(FieldPath.root(), "bad", "bad namespace"))
          : List.of();
    }

    @Override
    public void finish(RuleContext context) {
      context.note(context.inventory().ofKind("Namespace").size() + " namespace(s)");
      for (Resource cm : context.inventory().ofKind("ConfigMap")) {
        if (cm.namespace() != null && context.inventory().get("Namespace", null, cm.namespace()).isEmpty()) {
          context.undecided(cm.namespace());
        }
      }
    }
  }

  @Test
  void finishSeesTheWholeInputOnceAfterEveryObject() {
    String shop = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c, namespace: elsewhere}
        """;
    var unknown = RuleTester.of(new FinishRule()).given(shop).assertStatus(Status.NOT_ASSESSED).result();
    assertThat(unknown.reason()).isEqualTo("could not decide elsewhere");
    var failed = RuleTester.of(new FinishRule()).given(shop + """
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: bad}
        """).assertStatus(Status.FAIL).result();
    assertThat(failed.passed()).isEqualTo(1);
    assertThat(failed.notes()).containsExactly("2 namespace(s)");
    var none = RuleTester.of(new FinishRule()).given("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c}
        """).assertStatus(Status.NOT_APPLICABLE).result();
    assertThat(none.reason()).isEqualTo("no Namespace among 1 object(s)");
  }

  private static final String KUBELET = """
      apiVersion: kubelet.config.k8s.io/v1beta1
      kind: KubeletConfiguration
      metadata: {name: worker}
      readOnlyPort: 10255
      """;

  private static final String SCHEDULER = """
      apiVersion: v1
      kind: Pod
      metadata: {name: kube-scheduler, namespace: kube-system}
      spec:
        containers:
          - {name: kube-scheduler, image: k8s, command: [kube-scheduler, --profiling=false]}
      """;

  /** Flags --profiling=true on API servers (and schedulers, unnamed) and an open read-only port on kubelets. */
  @RuleInfo(id = "KPCI-9111", name = "test-two-kinds", severity = Severity.LOW, reads = {"Pod", "KubeletConfiguration"})
  static final class TwoKindsRule implements ComponentRule<Object> {
    @Override
    public Components<Object> components() {
      return Components.anyOf(List.of(Components.of(ControlPlane.Component.KUBE_APISERVER),
          Components.of(ControlPlane.Component.KUBE_SCHEDULER).unnamed(), Components.kubelets()),
          "kube-apiserver, kubelet", NotVisible.collect(), "nothing at all", "nothing open");
    }

    @Override
    public List<Violation> check(Object instance, RuleContext context) {
      if (instance instanceof Resource kubelet) {
        return kubelet.field("readOnlyPort").filter(p -> !"0".equals(String.valueOf(p)))
            .map(p -> List.of(Violation.at(FieldPath.root().child("readOnlyPort"), p, "read-only port open")))
            .orElse(List.of());
      }
      ControlPlane.Instance i = (ControlPlane.Instance) instance;
      return i.flag("profiling").filter("true"::equals)
          .map(p -> List.of(Violation.at(i.pathOf("profiling"), p, "profiling is on"))).orElse(List.of());
    }
  }

  @Test
  void aComponentRuleOverTwoKindsIsNotVisibleOnlyWhenNeitherIs() {
    var hidden = onlyANamespace(new TwoKindsRule()).assertStatus(Status.NOT_ASSESSED);
    assertThat(hidden.result().reason())
        .isEqualTo("control-plane manifests or mirror pods not in the input (kube-apiserver, kubelet)");
    var both = RuleTester.of(new TwoKindsRule()).given(API_SERVER + "---\n" + KUBELET).assertStatus(Status.FAIL);
    assertThat(both.findings()).extracting(Finding::message).containsExactlyInAnyOrder("profiling is on",
        "read-only port open");
    var onePasses = RuleTester.of(new TwoKindsRule()).given(SCHEDULER + "---\n" + API_SERVER.replace("=true",
        "=false") + "---\n" + KUBELET.replace("10255", "0")).assertStatus(Status.PASS);
    assertThat(onePasses.result().passed()).isEqualTo(3);
  }

  @Test
  void aComponentRuleOverTwoKindsNamesTheMissingPartOfACleanResultButNeverHidesAFailure() {
    var noKubelet = RuleTester.of(new TwoKindsRule()).given(API_SERVER.replace("=true", "=false"))
        .assertStatus(Status.NOT_ASSESSED);
    assertThat(noKubelet.result().reason()).isEqualTo("nothing open, but KubeletConfiguration not in the input");
    var onlyScheduler = RuleTester.of(new TwoKindsRule()).given(SCHEDULER).assertStatus(Status.NOT_ASSESSED);
    assertThat(onlyScheduler.result().reason())
        .isEqualTo("nothing open, but kube-apiserver and KubeletConfiguration not in the input");
    RuleTester.of(new TwoKindsRule()).given(KUBELET).assertStatus(Status.FAIL);
  }

  private static final TableHeader FILES = new TableHeader("files", "Files judged", List.of("file")).sorted();

  /** Judges the ConfigMap an API server's --config-map names, once; a named but absent one leaves it undecidable. */
  @RuleInfo(id = "KPCI-9107", name = "test-referenced", severity = Severity.LOW, reads = {"Pod", "ConfigMap"})
  static final class ReferencedRule implements ComponentRule<ControlPlane.Instance> {
    @Override
    public Components<ControlPlane.Instance> components() {
      return Components.of(ControlPlane.Component.KUBE_APISERVER, NotVisible.collect());
    }

    @Override
    public List<TableHeader> tables() {
      return List.of(FILES);
    }

    @Override
    public List<Violation> check(ControlPlane.Instance api, RuleContext context) {
      if (api.flag("config-map").isEmpty()) {
        return List.of(Violation.at(api.pathOf("config-map"), null, "no config map named"));
      }
      if (referenced(api, context).isEmpty()) {
        context.notAssessed(api.flag("config-map").get() + " is not in the input");
      }
      return List.of();
    }

    @Override
    public java.util.Optional<Resource> referenced(ControlPlane.Instance api, RuleContext context) {
      return api.flag("config-map").flatMap(name -> context.inventory().get("ConfigMap", "kube-system", name));
    }

    @Override
    public List<Violation> checkReferenced(Resource config, RuleContext context) {
      context.row(FILES, List.of(config.name()));
      return config.labels().containsKey("good") ? List.of()
          : List.of(Violation.at(FieldPath.root().child("metadata").child("labels"), null, "not good"));
    }
  }

  private static String apiServerNaming(String name, String configMap) {
    return API_SERVER.replace("name: kube-apiserver, namespace", "name: " + name + ", namespace")
        .replace("--profiling=true", "--config-map=" + configMap) + "---\n";
  }

  private static String configMap(String name, String label) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: %s, namespace: kube-system, labels: {%s: "yes"}}
        ---
        """.formatted(name, label);
  }

  @Test
  void aFileSeveralInstancesNameIsJudgedOnceOnTheFileInsteadOfThem() {
    var shared = RuleTester.of(new ReferencedRule()).given(apiServerNaming("api-1", "enc")
        + apiServerNaming("api-2", "enc") + configMap("enc", "bad")).assertStatus(Status.FAIL);
    assertThat(shared.findings()).singleElement().satisfies(f -> {
      assertThat(f.resource().kind()).isEqualTo("ConfigMap");
      assertThat(f.message()).isEqualTo("not good");
    });
    assertThat(shared.result().passed()).isZero();
    assertThat(shared.result().tables().get(0).rows()).containsExactly(List.of("enc"));
    var good = RuleTester.of(new ReferencedRule()).given(apiServerNaming("api-1", "enc")
        + apiServerNaming("api-2", "enc") + configMap("enc", "good")).assertStatus(Status.PASS);
    assertThat(good.result().passed()).isEqualTo(1);
  }

  @Test
  void aNamedFileMissingFromTheInputLeavesTheRuleNotAssessedEvenAfterAFailure() {
    var missing = RuleTester.of(new ReferencedRule()).given(API_SERVER + "---\n" + apiServerNaming("api-2", "gone")
        + configMap("enc", "good")).assertStatus(Status.NOT_ASSESSED);
    assertThat(missing.result().reason()).isEqualTo("gone is not in the input");
    assertThat(missing.findings()).isEmpty();
  }

  /** Flags every subject, Kubernetes' own grants included, and every kubeconfig user. */
  @RuleInfo(id = "KPCI-9108", name = "test-every-account", severity = Severity.LOW, reads = {"ClusterRoleBinding",
      "kubepci.dev/KubeconfigUser"})
  static final class EveryAccountRule implements SubjectRule {
    @Override
    public boolean includesBuiltInGrants() {
      return true;
    }

    @Override
    public boolean checksKubeconfigUsers() {
      return true;
    }

    @Override
    public List<Violation> check(Binding b, Binding.BindingSubject entry, Subject s, RuleContext context) {
      return List.of(Violation.at(entry.path(), s.display(), s.display() + " is bound"));
    }

    @Override
    public List<Violation> checkKubeconfigUser(Resource user, RuleContext context) {
      return List.of(Violation.at(FieldPath.root().child("users"), user.name(), user.name() + " may log in"));
    }
  }

  @Test
  void aSubjectRuleThatIncludesBuiltInGrantsIsAskedAboutThemAndKubeconfigUsers() {
    var given = RuleTester.of(new EveryAccountRule()).given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: cluster-admin}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects:
          - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:masters"}
        """).assertStatus(Status.FAIL);
    assertThat(given.findings()).extracting(Finding::message).containsExactly("Group system:masters is bound");
    var users = RuleTester.of(new EveryAccountRule()).given("""
        apiVersion: v1
        kind: Config
        users:
          - name: oscar
            user: {token: x}
        """).assertStatus(Status.FAIL);
    assertThat(users.findings()).extracting(Finding::message).containsExactly("oscar may log in");
    var none = onlyANamespace(new EveryAccountRule()).assertStatus(Status.NOT_APPLICABLE);
    assertThat(none.result().reason()).isEqualTo(SubjectRule.NO_BINDINGS_OR_USERS);
  }

  private static final TableHeader KINDS_SEEN = new TableHeader("kinds", "Objects seen", List.of("kind", "name"))
      .leading("Namespace");

  /** Lists Namespaces first, then ConfigMaps; fails ConfigMaps named bad; without a Secret a clean result is unsure. */
  @RuleInfo(id = "KPCI-9109", name = "test-leading", severity = Severity.LOW, reads = {"Namespace", "ConfigMap",
      "Secret"})
  static final class LeadingRule implements ResourceRule {
    @Override
    public boolean appliesTo(Resource resource) {
      return resource.kind().equals("Namespace") || resource.kind().equals("ConfigMap");
    }

    @Override
    public List<TableHeader> tables() {
      return List.of(KINDS_SEEN);
    }

    @Override
    public List<Violation> check(Resource resource, RuleContext context) {
      context.row(KINDS_SEEN, List.of(resource.kind(), resource.name()));
      return resource.name().equals("bad") ? List.of(Violation.at(FieldPath.root(), "bad", "bad object"))
          : List.of();
    }

    @Override
    public void finish(RuleContext context) {
      if (context.inventory().ofKind("Secret").isEmpty()) {
        context.notAssessedIfClean("no Secret in the input");
      }
    }
  }

  private static String object(String kind, String name) {
    return """
        apiVersion: v1
        kind: %s
        metadata: {name: %s, namespace: shop}
        ---
        """.formatted(kind, name);
  }

  @Test
  void leadingRowsComeFirstAndACleanResultWithSomethingMissingIsNotAssessed() {
    var unsure = RuleTester.of(new LeadingRule()).given(object("ConfigMap", "z") + object("Namespace", "shop")
        + object("ConfigMap", "a")).assertStatus(Status.NOT_ASSESSED).result();
    assertThat(unsure.reason()).isEqualTo("no Secret in the input");
    assertThat(unsure.tables().get(0).rows()).containsExactly(List.of("Namespace", "shop"),
        List.of("ConfigMap", "z"), List.of("ConfigMap", "a"));
    RuleTester.of(new LeadingRule()).given(object("ConfigMap", "bad")).assertStatus(Status.FAIL);
    RuleTester.of(new LeadingRule()).given(object("Namespace", "shop") + object("Secret", "s"))
        .assertStatus(Status.PASS);
    RuleTester.of(new LeadingRule()).given(object("Pod", "p")).assertStatus(Status.NOT_APPLICABLE);
  }
}
