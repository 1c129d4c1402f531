package dev.kubepci.rbac;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Who a request comes from once authenticated: a user name and the groups the authenticator adds. Kubernetes adds
 * {@code system:authenticated} to every authenticated user, {@code system:unauthenticated} to the anonymous user,
 * and {@code system:serviceaccounts} plus {@code system:serviceaccounts:<namespace>} to service accounts. RBAC sees
 * only this; group membership itself lives in the identity provider.
 *
 * @param user null when the question is about a group's members rather than one user
 * @param groups sorted, without duplicates
 */
public record Identity(String user, List<String> groups) {
  public static final String AUTHENTICATED = "system:authenticated";
  public static final String UNAUTHENTICATED = "system:unauthenticated";
  public static final String ANONYMOUS = "system:anonymous";
  public static final String SERVICE_ACCOUNTS = "system:serviceaccounts";
  public static final String MASTERS = "system:masters";
  static final String SA_PREFIX = "system:serviceaccount:";

  public Identity {
    groups = List.copyOf(new TreeSet<>(groups));
  }

  /** A user with the groups given, plus the groups Kubernetes adds to that user. */
  public static Identity user(String name, Collection<String> groups) {
    TreeSet<String> all = new TreeSet<>(groups);
    if (ANONYMOUS.equals(name)) {
      all.add(UNAUTHENTICATED);
    } else {
      all.add(AUTHENTICATED);
      if (name.startsWith(SA_PREFIX)) {
        String[] parts = name.substring(SA_PREFIX.length()).split(":", 2);
        if (parts.length == 2) {
          all.add(SERVICE_ACCOUNTS);
          all.add(SERVICE_ACCOUNTS + ":" + parts[0]);
        }
      }
    }
    return new Identity(name, List.copyOf(all));
  }

  public static Identity serviceAccount(String namespace, String name) {
    return user(SA_PREFIX + namespace + ":" + name, List.of());
  }

  /**
   * Any member of {@code group}: the group itself and the groups every such member also has. Members of
   * {@code system:serviceaccounts:<ns>} are service accounts; everyone but anonymous requests is authenticated.
   */
  public static Identity memberOf(String group, Collection<String> extraGroups) {
    TreeSet<String> all = new TreeSet<>(extraGroups);
    all.add(group);
    if (!UNAUTHENTICATED.equals(group)) {
      all.add(AUTHENTICATED);
    }
    if (group.startsWith(SERVICE_ACCOUNTS + ":")) {
      all.add(SERVICE_ACCOUNTS);
    }
    return new Identity(null, List.copyOf(all));
  }

  public boolean inGroup(String group) {
    return groups.contains(group);
  }

  /** Members of system:masters pass every authorization check, whatever RBAC says. */
  public boolean isPrivileged() {
    return inGroup(MASTERS);
  }

  /** {@code user alice; groups system:authenticated, devs} for people. */
  public String describe() {
    String who = user == null ? "any member" : "user " + user;
    return who + (groups.isEmpty() ? "" : "; groups " + String.join(", ", groups));
  }
}
