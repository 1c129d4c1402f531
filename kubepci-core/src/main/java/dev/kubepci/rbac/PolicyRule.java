package dev.kubepci.rbac;

import java.util.ArrayList;
import java.util.List;

/**
 * One rule of a Role or ClusterRole, matched against requests exactly as the Kubernetes RBAC authorizer matches
 * it: {@code *} matches every verb, API group or resource (subresources included), {@code *}{@code /sub} matches
 * subresource {@code sub} of any resource, a {@code resource/*} form has no special meaning, an empty
 * {@code resourceNames} list matches every name (and only that matches requests without a name, such as list),
 * and a non-resource URL ending in {@code *} matches by prefix.
 */
public record PolicyRule(List<String> verbs, List<String> apiGroups, List<String> resources,
    List<String> resourceNames, List<String> nonResourceURLs) {

  public static final String ALL = "*";

  public PolicyRule {
    verbs = copy(verbs);
    apiGroups = copy(apiGroups);
    resources = copy(resources);
    resourceNames = copy(resourceNames);
    nonResourceURLs = copy(nonResourceURLs);
  }

  private static List<String> copy(List<String> list) {
    if (list == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(list.size());
    for (String s : list) {
      out.add(s == null ? "" : s);
    }
    return List.copyOf(out);
  }

  static PolicyRule of(io.fabric8.kubernetes.api.model.rbac.PolicyRule rule) {
    return new PolicyRule(rule.getVerbs(), rule.getApiGroups(), rule.getResources(), rule.getResourceNames(),
        rule.getNonResourceURLs());
  }

  /** True when this rule allows {@code request}. */
  public boolean allows(AccessRequest request) {
    if (!verbMatches(request.verb())) {
      return false;
    }
    if (!request.isResourceRequest()) {
      return urlMatches(request.path());
    }
    return groupMatches(request.apiGroup())
        && resourceMatches(request.resource(), request.subresource())
        && nameMatches(request.name());
  }

  /**
   * True when this rule allows {@code verb} on the resource for at least one object name: the resourceNames
   * restriction is ignored (see {@link #isNameRestricted()}). Risk checks use it, since a grant limited to some
   * names is still a grant.
   */
  public boolean couldAllow(String verb, String apiGroup, String resource, String subresource) {
    return verbMatches(verb) && groupMatches(apiGroup) && resourceMatches(resource, subresource);
  }

  public boolean verbMatches(String verb) {
    for (String v : verbs) {
      if (ALL.equals(v) || v.equals(verb)) {
        return true;
      }
    }
    return false;
  }

  public boolean groupMatches(String group) {
    String g = group == null ? "" : group;
    for (String ruleGroup : apiGroups) {
      if (ALL.equals(ruleGroup) || ruleGroup.equals(g)) {
        return true;
      }
    }
    return false;
  }

  /** {@code resource} plus optional {@code subresource} (null or empty for none). */
  public boolean resourceMatches(String resource, String subresource) {
    boolean hasSub = subresource != null && !subresource.isEmpty();
    String combined = hasSub ? resource + "/" + subresource : resource;
    for (String r : resources) {
      if (ALL.equals(r) || r.equals(combined)) {
        return true;
      }
      if (hasSub && r.equals("*/" + subresource)) {
        return true;
      }
    }
    return false;
  }

  /** A request without a name matches only rules that list no names, as in Kubernetes. */
  public boolean nameMatches(String name) {
    if (resourceNames.isEmpty()) {
      return true;
    }
    String n = name == null ? "" : name;
    return resourceNames.contains(n);
  }

  public boolean urlMatches(String path) {
    if (path == null) {
      return false;
    }
    for (String url : nonResourceURLs) {
      if (ALL.equals(url) || url.equals(path)) {
        return true;
      }
      if (url.endsWith("*") && path.startsWith(url.substring(0, url.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  public boolean isNameRestricted() {
    return !resourceNames.isEmpty();
  }

  /** True when a {@code *} appears in verbs, API groups, resources or non-resource URLs. */
  public boolean hasWildcard() {
    return verbs.contains(ALL) || apiGroups.contains(ALL) || resources.contains(ALL)
        || resources.stream().anyMatch(r -> r.startsWith("*/")) || nonResourceURLs.stream().anyMatch(u -> u.endsWith(ALL));
  }

  /** True when the rule grants every verb on every resource of every group, like cluster-admin. */
  public boolean isFullWildcard() {
    return verbs.contains(ALL) && apiGroups.contains(ALL) && resources.contains(ALL);
  }

  /** Compact text for evidence, e.g. {@code apiGroups=[""] resources=[secrets] verbs=[get,list]}. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    if (!nonResourceURLs.isEmpty() && resources.isEmpty()) {
      sb.append("nonResourceURLs=").append(list(nonResourceURLs));
    } else {
      sb.append("apiGroups=").append(groups(apiGroups)).append(" resources=").append(list(resources));
      if (!resourceNames.isEmpty()) {
        sb.append(" resourceNames=").append(list(resourceNames));
      }
      if (!nonResourceURLs.isEmpty()) {
        sb.append(" nonResourceURLs=").append(list(nonResourceURLs));
      }
    }
    sb.append(" verbs=").append(list(verbs));
    return sb.toString();
  }

  private static String groups(List<String> groups) {
    List<String> shown = new ArrayList<>();
    for (String g : groups) {
      shown.add(g.isEmpty() ? "\"\"" : g);
    }
    return list(shown);
  }

  private static String list(List<String> values) {
    return "[" + String.join(",", values) + "]";
  }
}
