package dev.kubepci.report.access;

import dev.kubepci.report.Printable;
import dev.kubepci.model.Provenance;
import dev.kubepci.rbac.AccessRequest;
import dev.kubepci.rbac.AccessReview;
import dev.kubepci.rbac.PolicyRule;
import dev.kubepci.rbac.Subject;
import dev.kubepci.report.JsonDocuments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders who-can and access answers for a terminal and as JSON ({@link AccessJson}). */
public final class AccessWriter {
  private static final int MAX_CELL = 70;

  private AccessWriter() {}

  /** The terminal text of a who-can answer. */
  public static String text(AccessReview.WhoCan answer) {
    StringBuilder sb = new StringBuilder();
    sb.append("Who can ").append(Printable.text(answer.request().describe())).append('\n');
    List<List<String>> rows = new ArrayList<>();
    for (AccessReview.Row r : answer.rows()) {
      String subject = r.subject().display() + (r.via() == null ? "" : " (" + r.via() + ")");
      rows.add(List.of(subject, r.scope(), r.binding().display(), r.role().display(), ruleText(r),
          r.expected() ? "yes" : ""));
    }
    sb.append('\n');
    if (rows.isEmpty()) {
      sb.append("  no RoleBinding or ClusterRoleBinding in the input allows it\n");
    } else {
      table(List.of("SUBJECT", "SCOPE", "BINDING", "ROLE", "RULE", "K8S DEFAULT"), rows, sb);
    }
    for (String always : answer.alwaysAllowed()) {
      sb.append("  ").append(Printable.text(always)).append(": always allowed (members bypass authorization; membership is in the ")
          .append("credentials, not in RBAC)\n");
    }
    sb.append('\n').append(answer.subjects().size()).append(" subject(s), ").append(answer.rows().size())
        .append(" grant(s)").append('\n');
    warnings(answer.warnings(), sb);
    return sb.toString();
  }

  /** The terminal text of an access answer. */
  public static String text(AccessReview.Access answer) {
    StringBuilder sb = new StringBuilder();
    sb.append("What ").append(Printable.text(answer.subject().display())).append(" may do")
        .append(answer.namespace() == null ? "" : " (cluster-wide and in namespace " + Printable.text(answer.namespace()) + ")")
        .append('\n');
    sb.append("  seen by the API server as ").append(Printable.text(answer.identity().describe())).append('\n');
    if (answer.privileged()) {
      sb.append("  member of system:masters: every request is allowed, whatever the grants below say\n");
    }
    Map<String, List<AccessReview.Row>> byScope = byScope(answer.rows());
    if (byScope.isEmpty()) {
      sb.append("\n  no grant in the input applies\n");
    }
    for (Map.Entry<String, List<AccessReview.Row>> e : byScope.entrySet()) {
      sb.append('\n').append("cluster".equals(e.getKey()) ? "Cluster-wide" : "Namespace " + Printable.text(e.getKey())).append('\n');
      List<List<String>> rows = new ArrayList<>();
      for (AccessReview.Row r : e.getValue()) {
        PolicyRule p = r.rule().rule();
        String what = p.resources().isEmpty() && !p.nonResourceURLs().isEmpty()
            ? String.join(",", p.nonResourceURLs()) : resources(p);
        rows.add(List.of(String.join(",", p.verbs()), what, String.join(",", p.resourceNames()),
            r.via() == null ? "" : r.via(), r.binding().display(), r.rule().describeOrigin()));
      }
      table(List.of("VERBS", "RESOURCES", "NAMES", "VIA", "BINDING", "RULE"), rows, sb);
    }
    sb.append('\n').append(answer.rows().size()).append(" grant(s)\n");
    warnings(answer.warnings(), sb);
    return sb.toString();
  }

  public static String json(AccessReview.WhoCan answer) {
    Map<Subject, List<AccessJson.Grant>> bySubject = new LinkedHashMap<>();
    Map<Subject, String> meaning = new LinkedHashMap<>();
    for (AccessReview.Row r : answer.rows()) {
      bySubject.computeIfAbsent(r.subject(), k -> new ArrayList<>()).add(grant(r, null));
      r.subject().implicitMeaning().ifPresent(m -> meaning.put(r.subject(), m));
    }
    List<AccessJson.SubjectGrants> subjects = new ArrayList<>();
    bySubject.forEach((s, grants) -> subjects.add(new AccessJson.SubjectGrants(s.kind().title(), s.name(),
        s.namespace(), meaning.get(s), grants)));
    AccessRequest q = answer.request();
    AccessJson.Query query = new AccessJson.Query(q.verb(), q.isResourceRequest() ? q.apiGroup() : null, q.resource(),
        q.subresource(), q.path(), q.namespace(), q.allNamespaces(), q.name(), q.describe());
    return JsonDocuments.text(new AccessJson.WhoCan(query, subjects, answer.alwaysAllowed(), answer.warnings()));
  }

  public static String json(AccessReview.Access answer) {
    List<AccessJson.Grant> cluster = new ArrayList<>();
    List<AccessJson.NamespaceGrants> namespaces = new ArrayList<>();
    byScope(answer.rows()).forEach((scope, rows) -> {
      List<AccessJson.Grant> grants = rows.stream().map(r -> grant(r, r.via())).toList();
      if ("cluster".equals(scope)) {
        cluster.addAll(grants);
      } else {
        namespaces.add(new AccessJson.NamespaceGrants(scope, grants));
      }
    });
    Subject s = answer.subject();
    return JsonDocuments.text(new AccessJson.Access(new AccessJson.SubjectRef(s.kind().title(), s.name(), s.namespace()),
        new AccessJson.Identity(answer.identity().user(), answer.identity().groups()), answer.privileged(),
        answer.namespace(), cluster, namespaces, answer.warnings()));
  }

  private static Map<String, List<AccessReview.Row>> byScope(List<AccessReview.Row> rows) {
    Map<String, List<AccessReview.Row>> byScope = new LinkedHashMap<>();
    for (AccessReview.Row r : rows) {
      byScope.computeIfAbsent(r.scope(), k -> new ArrayList<>()).add(r);
    }
    return byScope;
  }

  private static AccessJson.Grant grant(AccessReview.Row r, String via) {
    PolicyRule p = r.rule().rule();
    var role = r.role();
    return new AccessJson.Grant(via, r.scope(),
        new AccessJson.Ref(r.binding().kind(), r.binding().namespace(), r.binding().name(),
            source(r.binding().resource().provenance())),
        new AccessJson.RoleRef(role.id().kind(), role.id().namespace(), role.id().name(), role.aggregated(),
            role.kubernetesDefault(), role.resource() == null ? null : source(role.resource().provenance())),
        new AccessJson.Rule(r.rule().origin().display(), r.rule().index(), r.rule().kubernetesDefault(), p.verbs(),
            p.apiGroups(), p.resources(), p.resourceNames(), p.nonResourceURLs()),
        r.expected());
  }

  private static AccessJson.Source source(Provenance p) {
    if (p instanceof Provenance.FileSource f) {
      return new AccessJson.Source(f.file(), f.document(), f.line(), null, null);
    }
    if (p instanceof Provenance.ClusterSource c) {
      return new AccessJson.Source(null, null, null, c.cluster(),
          c.collectedAt() == null ? null : c.collectedAt().toString());
    }
    throw new IllegalStateException("an RBAC object is read from a file or a cluster, not " + p.describe());
  }

  private static String ruleText(AccessReview.Row r) {
    return r.rule().describeOrigin() + " " + r.rule().rule().describe();
  }

  private static String resources(PolicyRule p) {
    List<String> out = new ArrayList<>();
    for (String res : p.resources()) {
      for (String g : p.apiGroups()) {
        int slash = res.indexOf('/');
        out.add(g.isEmpty() ? res : slash < 0 ? res + "." + g : res.substring(0, slash) + "." + g + res.substring(slash));
      }
    }
    return String.join(",", out);
  }

  private static void warnings(List<String> warnings, StringBuilder sb) {
    for (String w : warnings) {
      sb.append("note: ").append(Printable.text(w)).append('\n');
    }
  }

  private static void table(List<String> header, List<List<String>> cells, StringBuilder sb) {
    List<List<String>> rows = cells.stream().map(r -> r.stream().map(Printable::text).toList()).toList();
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.min(Math.max(widths[i], row.get(i).length()), MAX_CELL);
      }
    }
    sb.append("  ").append(line(header, widths)).append('\n');
    for (List<String> row : rows) {
      sb.append("  ").append(line(row, widths)).append('\n');
    }
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      if (c.length() > widths[i]) {
        c = c.substring(0, widths[i] - 3) + "...";
      }
      sb.append(c);
      if (i + 1 < cells.size()) {
        sb.append(" ".repeat(widths[i] - c.length() + 2));
      }
    }
    return sb.toString().stripTrailing();
  }
}
