package dev.kubepci.rbac;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.model.Inventory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The answers of {@code kubepci who-can} and {@code kubepci access}: the grants that allow a request, or the grants
 * that apply to a subject, each with its binding, role and rule, plus what the answer cannot see (other
 * authorization modes, bindings to roles not in the input).
 */
public final class AccessReview {
  /**
   * One grant in an answer.
   *
   * @param via the binding subject the grant reached the asked-about identity through, when it is not the identity
   *     itself (a group such as system:authenticated); or, for who-can, who a built-in group stands for
   * @param scope {@code cluster} or a namespace
   */
  public record Row(Subject subject, String via, String scope, Binding binding, Role role, SourcedRule rule,
      boolean expected) {}

  /** Who may make one request. */
  public record WhoCan(AccessRequest request, List<Row> rows, List<String> alwaysAllowed, List<String> warnings) {
    /** The distinct subjects of the rows, in order. */
    public List<Subject> subjects() {
      return rows.stream().map(Row::subject).distinct().toList();
    }
  }

  /**
   * What one subject may do.
   *
   * @param privileged true when the identity is in system:masters: it may do everything, whatever RBAC says
   */
  public record Access(Subject subject, Identity identity, boolean privileged, String namespace, List<Row> rows,
      List<String> warnings) {}

  private static final Comparator<Row> BY_RULE = Comparator.comparing((Row r) -> r.binding().display())
      .thenComparing(r -> r.rule().origin().display())
      .thenComparingInt(r -> r.rule().index());

  private static final Comparator<Row> BY_SUBJECT = Comparator.comparing(Row::subject)
      .thenComparing(r -> "cluster".equals(r.scope()) ? "" : r.scope())
      .thenComparing(BY_RULE);

  private static final Comparator<Row> BY_SCOPE = Comparator
      .comparing((Row r) -> "cluster".equals(r.scope()) ? "" : r.scope())
      .thenComparing(BY_RULE);

  private AccessReview() {}

  /** Every grant that allows {@code request}, sorted by subject. */
  public static WhoCan whoCan(Inventory inventory, AccessRequest request) {
    Rbac rbac = Rbac.of(inventory);
    List<Row> rows = new ArrayList<>();
    for (Grant g : rbac.subjectsAllowed(request)) {
      rows.add(new Row(g.subject(), g.subject().implicitMeaning().orElse(null), g.binding().scopeCell(), g.binding(),
          g.role(), g.rule(), g.expected()));
    }
    rows.sort(BY_SUBJECT);
    return new WhoCan(request, List.copyOf(rows), List.of("Group " + Identity.MASTERS), warnings(inventory, rbac));
  }

  /**
   * Every grant that applies to {@code identity}, cluster-wide first and then per namespace.
   *
   * @param namespace when not null, only cluster-wide grants and grants in this namespace
   */
  public static Access access(Inventory inventory, Subject subject, Identity identity, String namespace) {
    Rbac rbac = Rbac.of(inventory);
    List<Row> rows = new ArrayList<>();
    for (Grant g : rbac.permissionsOf(identity)) {
      String scope = g.binding().scopeCell();
      if (namespace != null && !"cluster".equals(scope) && !namespace.equals(scope)) {
        continue;
      }
      String via = g.subject().equals(subject) ? null : g.subject().display();
      rows.add(new Row(g.subject(), via, scope, g.binding(), g.role(), g.rule(), g.expected()));
    }
    rows.sort(BY_SCOPE);
    return new Access(subject, identity, identity.isPrivileged(), namespace, List.copyOf(rows),
        warnings(inventory, rbac));
  }

  /** What an RBAC-only answer cannot see in this input. */
  static List<String> warnings(Inventory inventory, Rbac rbac) {
    List<String> out = new ArrayList<>();
    for (String kind : List.of("ClusterRole", "Role", "ClusterRoleBinding", "RoleBinding")) {
      inventory.coverage().gap(kind).ifPresent(gap -> out.add("could not read " + kind + ": " + gap
          + "; the answer is incomplete"));
    }
    if (!rbac.hasBindings()) {
      out.add("the input holds no RoleBinding or ClusterRoleBinding");
    }
    List<ControlPlane.Instance> apis = ControlPlane.of(inventory).instances(ControlPlane.Component.KUBE_APISERVER);
    if (apis.isEmpty()) {
      out.add("only RBAC is analysed: the API server's other authorization modes (Node, Webhook, ABAC) are not "
          + "visible in the input");
    } else {
      for (ControlPlane.Instance api : apis) {
        Optional<String> modes = api.flag("authorization-mode");
        List<String> others = modes.map(m -> List.of(m.split(","))).orElse(List.of("AlwaysAllow")).stream()
            .map(String::trim).filter(m -> !m.equals("RBAC") && !m.equals("Node")).toList();
        if (!others.isEmpty()) {
          out.add(api.pod().ref().displayName() + " also authorizes with " + String.join(", ", others)
              + ", which this answer does not cover");
        }
      }
    }
    out.addAll(rbac.problems());
    return List.copyOf(out);
  }
}
