package dev.kubepci.bench.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The shape of a synthetic cluster, decided before a single object is written: nodes, namespaces and the
 * applications in each, with the practices each one follows. Small (a few records per application), so that
 * objects can be rendered kind by kind, in the order {@code kubectl get} lists them, without holding them.
 *
 * <p>The shares are those of a mid-sized production cluster: most pods belong to Deployments whose ReplicaSets
 * keep old revisions, a few StatefulSets with volumes, CronJobs keeping their last Jobs, one pod per node for
 * each DaemonSet, a Service, ConfigMap and Secrets per application, and Events. Bad practice is spread at rates
 * seen in real audits (a quarter without limits, nearly half running as root, a few privileged pods, namespaces
 * without a default deny, cluster-admin granted to people).
 */
public final class ClusterPlan {
  /** The fewest objects a plan can have: the system namespaces and cluster-wide objects alone. */
  public static final int MIN_OBJECTS = 200;
  /** The largest cluster: one worker per 500 objects, and the cluster CIDR 10.128.0.0/9 has a /24 for 32,768 nodes. */
  public static final int MAX_OBJECTS = 16_000_000;

  /** Kinds of application a namespace runs. */
  enum AppKind { DEPLOYMENT, STATEFULSET, DAEMONSET, CRONJOB, MIRROR }

  /** How an application's pods are configured: the good and bad practice a check looks for. */
  record Practice(
      boolean privileged, boolean hostNetwork, boolean hostPid, boolean runAsNonRoot, boolean limits,
      boolean digest, boolean latestTag, boolean automountOff, boolean restricted, String registry,
      boolean hostPath) {

    static Practice random(SplittableRandom rnd) {
      boolean restricted = rnd.nextDouble() < 0.40;
      String registry = pick(rnd, 0.80, "registry.payments.example.com", 0.10, "ghcr.io/acme", 0.10,
          "docker.io/library");
      return new Practice(
          !restricted && rnd.nextDouble() < 0.03,
          !restricted && rnd.nextDouble() < 0.01,
          false,
          restricted || rnd.nextDouble() < 0.25,
          rnd.nextDouble() < 0.75,
          rnd.nextDouble() < 0.30,
          rnd.nextDouble() < 0.05,
          rnd.nextDouble() < 0.35,
          restricted,
          registry,
          !restricted && rnd.nextDouble() < 0.02);
    }

    private static String pick(SplittableRandom rnd, double p1, String a, double p2, String b, double p3, String c) {
      double x = rnd.nextDouble() * (p1 + p2 + p3);
      return x < p1 ? a : x < p1 + p2 ? b : c;
    }
  }

  /**
   * One application.
   *
   * @param replicas pods of the current revision (DaemonSet: pods are one per node, this is ignored)
   * @param oldRevisions ReplicaSets or ControllerRevisions kept from earlier rollouts
   * @param jobs Jobs a CronJob keeps (each with one pod)
   * @param sidecar a second container (a proxy or log shipper)
   * @param init an init container (schema migration, config rendering)
   * @param ownServiceAccount a ServiceAccount of its own; otherwise pods run as {@code default}
   * @param allowPolicy a NetworkPolicy allowing its ingress
   */
  record AppPlan(
      String name, AppKind kind, int replicas, int oldRevisions, int jobs, boolean service, int secrets,
      boolean configMap, boolean ownServiceAccount, boolean allowPolicy, boolean sidecar, boolean init,
      String image, String version, Practice practice) {

    /** The objects this application adds with {@code nodes} workers ({@code controlPlaneNodes} for MIRROR). */
    int objects(int nodes, int controlPlaneNodes) {
      int n = switch (kind) {
        case DEPLOYMENT -> 1 + (1 + oldRevisions) + replicas;
        case STATEFULSET -> 1 + (1 + oldRevisions) + 2 * replicas;
        case DAEMONSET -> 1 + (1 + oldRevisions) + nodes;
        case CRONJOB -> 1 + 2 * jobs;
        case MIRROR -> controlPlaneNodes;
      };
      if (service) {
        n += 3; // Service, Endpoints, EndpointSlice
      }
      return n + secrets + (configMap ? 1 : 0) + (ownServiceAccount ? 1 : 0) + (allowPolicy ? 1 : 0);
    }

    int pods(int nodes, int controlPlaneNodes) {
      return switch (kind) {
        case DEPLOYMENT, STATEFULSET -> replicas;
        case DAEMONSET -> nodes;
        case CRONJOB -> jobs;
        case MIRROR -> controlPlaneNodes;
      };
    }
  }

  /**
   * One namespace.
   *
   * @param scope {@code cde}, {@code connected} or null, as the {@code pci.example.com/scope} label
   * @param podSecurity the enforced Pod Security level label, or null
   * @param events Events kept (they expire after an hour on a real cluster, so a steady share)
   */
  record NamespacePlan(
      String name, String team, boolean system, String scope, String podSecurity, boolean defaultDeny, boolean role,
      boolean quota, List<AppPlan> apps, int events) {

    int objects(int nodes, int controlPlaneNodes) {
      // Namespace, ServiceAccount default, ConfigMap kube-root-ca.crt
      int n = 3 + (defaultDeny ? 1 : 0) + (role ? 2 : 0) + (quota ? 2 : 0) + events;
      for (AppPlan a : apps) {
        n += a.objects(nodes, controlPlaneNodes);
      }
      return n;
    }

    NamespacePlan withEvents(int count) {
      return new NamespacePlan(name, team, system, scope, podSecurity, defaultDeny, role, quota, apps, count);
    }
  }

  /** Cluster-wide objects besides nodes and namespaces. */
  record ClusterWide(int clusterRoles, int clusterRoleBindings, int adminBindings, int kyvernoPolicies,
      int constraintTemplates, int webhooks) {
    int objects() {
      // each constraint template comes with one constraint
      return clusterRoles + clusterRoleBindings + adminBindings + kyvernoPolicies + 2 * constraintTemplates + webhooks;
    }
  }

  private final long seed;
  private final List<String> workers;
  private final List<String> controlPlane;
  private final List<NamespacePlan> namespaces;
  private final ClusterWide clusterWide;
  private final int objects;

  private ClusterPlan(long seed, List<String> workers, List<String> controlPlane, List<NamespacePlan> namespaces,
      ClusterWide clusterWide, int objects) {
    this.seed = seed;
    this.workers = List.copyOf(workers);
    this.controlPlane = List.copyOf(controlPlane);
    this.namespaces = List.copyOf(namespaces);
    this.clusterWide = clusterWide;
    this.objects = objects;
  }

  /**
   * A plan of exactly {@code objects} objects. The same seed and size always give the same cluster; a larger size
   * with the same seed keeps the smaller cluster's namespaces and adds more.
   *
   * @throws IllegalArgumentException when {@code objects} is below {@link #MIN_OBJECTS} or above
   *     {@link #MAX_OBJECTS}
   */
  public static ClusterPlan of(int objects, long seed) {
    if (objects < MIN_OBJECTS || objects > MAX_OBJECTS) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "a synthetic cluster has %,d to %,d objects, not %,d", MIN_OBJECTS, MAX_OBJECTS, objects));
    }
    int workerCount = Math.max(3, objects / 500);
    int cpCount = objects >= 5_000 ? 3 : 1;
    List<String> workers = new ArrayList<>();
    for (int i = 1; i <= workerCount; i++) {
      workers.add(String.format("worker-%04d", i));
    }
    List<String> controlPlane = new ArrayList<>();
    for (int i = 1; i <= cpCount; i++) {
      controlPlane.add("control-plane-" + i);
    }
    ClusterWide clusterWide = new ClusterWide(
        28 + Math.min(60, objects / 2_000), 20 + Math.min(40, objects / 2_500), 2 + Math.min(4, objects / 25_000),
        objects >= 1_000 ? 6 : 2, objects >= 1_000 ? 4 : 1, 2);

    List<NamespacePlan> namespaces = new ArrayList<>(systemNamespaces(new SplittableRandom(seed)));
    int total = workerCount + cpCount + clusterWide.objects();
    for (NamespacePlan ns : namespaces) {
      total += ns.objects(workerCount, cpCount);
    }
    if (total > objects) {
      throw new IllegalStateException("system part of the plan (" + total + ") exceeds " + objects);
    }
    for (int i = 1; ; i++) {
      NamespacePlan next = applicationNamespace(i, new SplittableRandom(seed * 1_000_003L + i));
      int size = next.objects(workerCount, cpCount);
      if (total + size > objects) {
        break;
      }
      namespaces.add(next);
      total += size;
    }
    // the remainder are Events in the last namespace, as a real cluster's event churn would leave them
    int last = namespaces.size() - 1;
    NamespacePlan padded = namespaces.get(last);
    namespaces.set(last, padded.withEvents(padded.events() + (objects - total)));
    return new ClusterPlan(seed, workers, controlPlane, namespaces, clusterWide, objects);
  }

  private static List<NamespacePlan> systemNamespaces(SplittableRandom rnd) {
    Practice system = new Practice(false, false, false, true, true, true, false, false, true, "registry.k8s.io", false);
    Practice cni = new Practice(true, true, false, false, false, false, false, false, false, "quay.io/calico", true);
    Practice exporter = new Practice(false, true, true, true, true, false, false, false, false, "quay.io/prometheus",
        true);
    Practice logging = new Practice(false, false, false, false, true, false, false, false, false, "cr.fluentbit.io",
        true);
    Practice addon = new Practice(false, false, false, true, true, false, false, false, true, "registry.k8s.io", false);
    List<NamespacePlan> list = new ArrayList<>();
    list.add(new NamespacePlan("default", "platform", true, null, null, false, false, false, List.of(), 0));
    list.add(new NamespacePlan("kube-node-lease", "platform", true, null, null, false, false, false, List.of(), 0));
    list.add(new NamespacePlan("kube-public", "platform", true, null, null, false, false, false, List.of(), 0));
    list.add(new NamespacePlan("kube-system", "platform", true, null, "privileged", false, false, false, List.of(
        new AppPlan("coredns", AppKind.DEPLOYMENT, 2, 1, 0, true, 0, true, true, false, false, false,
            "coredns/coredns", "v1.11.3", system),
        new AppPlan("metrics-server", AppKind.DEPLOYMENT, 1, 1, 0, true, 1, false, true, false, false, false,
            "metrics-server/metrics-server", "v0.7.2", addon),
        new AppPlan("kube-proxy", AppKind.DAEMONSET, 0, 1, 0, false, 0, true, true, false, false, false,
            "kube-proxy", "v1.31.4", cni),
        new AppPlan("calico-node", AppKind.DAEMONSET, 0, 1, 0, false, 0, true, true, false, false, true,
            "node", "v3.28.2", cni),
        new AppPlan("kube-apiserver", AppKind.MIRROR, 0, 0, 0, false, 0, false, false, false, false, false,
            "kube-apiserver", "v1.31.4", cni),
        new AppPlan("etcd", AppKind.MIRROR, 0, 0, 0, false, 0, false, false, false, false, false,
            "etcd", "3.5.15-0", cni)), 4));
    list.add(new NamespacePlan("monitoring", "observability", true, null, "privileged", true, true, false, List.of(
        new AppPlan("node-exporter", AppKind.DAEMONSET, 0, 0, 0, true, 0, false, true, true, false, false,
            "node-exporter", "v1.8.2", exporter),
        new AppPlan("prometheus", AppKind.STATEFULSET, 1, 1, 0, true, 1, true, true, true, true, false,
            "prometheus", "v2.54.1", addon)), 2));
    list.add(new NamespacePlan("logging", "observability", true, null, "privileged", false, false, false, List.of(
        new AppPlan("fluent-bit", AppKind.DAEMONSET, 0, 1, 0, false, 1, true, true, false, false, false,
            "fluent-bit", "3.1.9", logging)), 1));
    list.add(new NamespacePlan("kyverno", "security", true, "connected", "baseline", true, false, false, List.of(
        new AppPlan("kyverno-admission-controller", AppKind.DEPLOYMENT, 1, 0, 0, true, 1, true, true, true, false,
            true, "kyverno/kyverno", "v1.13.2", addon)), 0));
    if (rnd.nextBoolean()) {
      // both engines are common in the same cluster; the seed decides whether this one has Gatekeeper's manager
      list.add(new NamespacePlan("gatekeeper-system", "security", true, "connected", "baseline", true, false, false,
          List.of(new AppPlan("gatekeeper-controller-manager", AppKind.DEPLOYMENT, 1, 0, 0, true, 1, false, true,
              true, false, false, "openpolicyagent/gatekeeper", "v3.17.1", addon)), 0));
    }
    return list;
  }

  private static final String[] TEAMS = {"payments", "checkout", "ledger", "risk", "identity", "catalog", "search",
      "loyalty", "notifications", "reporting", "fraud", "settlement", "onboarding", "support", "analytics"};
  private static final String[] ENVS = {"prod", "staging", "dev"};
  private static final String[] COMPONENTS = {"api", "worker", "gateway", "scheduler", "cache", "db", "consumer",
      "web", "auth", "sync", "export", "batch", "indexer", "router", "store", "audit", "notifier", "reconciler"};

  private static NamespacePlan applicationNamespace(int index, SplittableRandom rnd) {
    String team = TEAMS[(index - 1) % TEAMS.length];
    String env = ENVS[((index - 1) / TEAMS.length) % ENVS.length];
    int generation = (index - 1) / (TEAMS.length * ENVS.length);
    String name = team + "-" + env + (generation == 0 ? "" : "-" + (generation + 1));
    boolean cde = "prod".equals(env) && (team.equals("payments") || team.equals("ledger") || team.equals("settlement")
        || team.equals("fraud"));
    String scope = cde ? "cde" : "prod".equals(env) && rnd.nextDouble() < 0.5 ? "connected" : null;
    double pss = rnd.nextDouble();
    String podSecurity = cde ? "restricted" : pss < 0.30 ? "restricted" : pss < 0.55 ? "baseline" : null;
    boolean defaultDeny = cde || rnd.nextDouble() < 0.65;
    int appCount = 4 + rnd.nextInt(15);
    List<AppPlan> apps = new ArrayList<>();
    for (int a = 0; a < appCount; a++) {
      String component = COMPONENTS[a % COMPONENTS.length] + (a >= COMPONENTS.length ? "-" + (a / COMPONENTS.length)
          : "");
      String appName = team + "-" + component;
      double k = rnd.nextDouble();
      AppKind kind = k < 0.82 ? AppKind.DEPLOYMENT : k < 0.90 ? AppKind.STATEFULSET : AppKind.CRONJOB;
      int replicas = switch (kind) {
        case DEPLOYMENT -> 1 + rnd.nextInt(4) + (rnd.nextDouble() < 0.25 ? rnd.nextInt(8) : 0);
        case STATEFULSET -> 1 + rnd.nextInt(3);
        default -> 0;
      };
      Practice practice = Practice.random(rnd);
      if (cde && rnd.nextDouble() < 0.6) {
        // CDE teams are held to the restricted profile, mostly
        practice = new Practice(false, false, false, true, true, rnd.nextDouble() < 0.6, false, true, true,
            "registry.payments.example.com", false);
      }
      apps.add(new AppPlan(appName, kind, replicas, kind == AppKind.CRONJOB ? 0 : rnd.nextInt(4),
          kind == AppKind.CRONJOB ? 3 : 0, kind != AppKind.CRONJOB, 1 + rnd.nextInt(2), rnd.nextDouble() < 0.8,
          rnd.nextDouble() < 0.6, defaultDeny && kind != AppKind.CRONJOB && rnd.nextDouble() < 0.8,
          rnd.nextDouble() < 0.3, rnd.nextDouble() < 0.2, team + "/" + component,
          "1." + rnd.nextInt(30) + "." + rnd.nextInt(10), practice));
    }
    int events = 2 + rnd.nextInt(2 * appCount);
    return new NamespacePlan(name, team, false, scope, podSecurity, defaultDeny, rnd.nextDouble() < 0.8,
        rnd.nextDouble() < 0.4, apps, events);
  }

  public long seed() {
    return seed;
  }

  /** The number of objects the cluster holds, exactly as asked. */
  public int objects() {
    return objects;
  }

  List<String> workers() {
    return workers;
  }

  List<String> controlPlane() {
    return controlPlane;
  }

  List<String> nodes() {
    List<String> all = new ArrayList<>(controlPlane);
    all.addAll(workers);
    return all;
  }

  List<NamespacePlan> namespaces() {
    return namespaces;
  }

  ClusterWide clusterWide() {
    return clusterWide;
  }

  /** The number of pods (for the README's description of the benchmark). */
  public int pods() {
    int pods = 0;
    for (NamespacePlan ns : namespaces) {
      for (AppPlan a : ns.apps()) {
        pods += a.pods(workers.size(), controlPlane.size());
      }
    }
    return pods;
  }

  public int namespaceCount() {
    return namespaces.size();
  }

  public int nodeCount() {
    return workers.size() + controlPlane.size();
  }
}
