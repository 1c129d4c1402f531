package dev.kubepci.report.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The JSON of {@code kubepci who-can} and {@code kubepci access}: typed records, serialised in this order. */
public final class AccessJson {
  private AccessJson() {}

  /** The answer of who-can. */
  @JsonPropertyOrder({"query", "subjects", "alwaysAllowed", "warnings"})
  public record WhoCan(Query query, List<SubjectGrants> subjects, List<String> alwaysAllowed, List<String> warnings) {}

  /** The request asked about. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"verb", "apiGroup", "resource", "subresource", "nonResourceURL", "namespace", "allNamespaces",
      "name", "text"})
  public record Query(String verb, String apiGroup, String resource, String subresource, String nonResourceURL,
      String namespace, boolean allNamespaces, String name, String text) {}

  /** A subject with the grants that give it the permission. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"kind", "name", "namespace", "meaning", "grants"})
  public record SubjectGrants(String kind, String name, String namespace, String meaning, List<Grant> grants) {}

  /** The answer of access. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"subject", "identity", "privileged", "namespace", "clusterWide", "namespaces", "warnings"})
  public record Access(SubjectRef subject, Identity identity, boolean privileged, String namespace,
      List<Grant> clusterWide, List<NamespaceGrants> namespaces, List<String> warnings) {}

  /** A subject. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"kind", "name", "namespace"})
  public record SubjectRef(String kind, String name, String namespace) {}

  /** The authenticated identity a subject stands for. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Identity(String user, List<String> groups) {}

  /** The grants in one namespace. */
  public record NamespaceGrants(String namespace, List<Grant> grants) {}

  /** One grant: the binding, its role, the rule, and how it reached the subject. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"via", "scope", "binding", "role", "rule", "kubernetesDefault"})
  public record Grant(String via, String scope, Ref binding, RoleRef role, Rule rule, boolean kubernetesDefault) {}

  /** An object of the input and where it was read. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"kind", "namespace", "name", "source"})
  public record Ref(String kind, String namespace, String name, Source source) {}

  /** A role; {@code kubernetesDefault} when kubepci used the Kubernetes default because the input lacks it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"kind", "namespace", "name", "aggregated", "kubernetesDefault", "source"})
  public record RoleRef(String kind, String namespace, String name, boolean aggregated, boolean kubernetesDefault,
      Source source) {}

  /** A policy rule and the role and index it is written at. */
  @JsonPropertyOrder({"origin", "index", "originIsKubernetesDefault", "verbs", "apiGroups", "resources",
      "resourceNames", "nonResourceURLs"})
  public record Rule(String origin, int index, boolean originIsKubernetesDefault, List<String> verbs,
      List<String> apiGroups, List<String> resources, List<String> resourceNames, List<String> nonResourceURLs) {}

  /** A file location or a cluster. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"file", "document", "line", "cluster", "collectedAt"})
  public record Source(String file, Integer document, Integer line, String cluster, String collectedAt) {}
}
