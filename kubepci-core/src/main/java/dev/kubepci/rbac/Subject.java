package dev.kubepci.rbac;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A subject as a binding names it: a user, a group, or a service account (with its namespace, defaulted to the
 * RoleBinding's namespace as the API server does).
 */
public record Subject(Kind kind, String name, String namespace) implements Comparable<Subject> {
  /** The three kinds of subject RBAC knows. */
  public enum Kind {
    USER("User"), GROUP("Group"), SERVICE_ACCOUNT("ServiceAccount");

    private final String title;

    Kind(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  private static final Comparator<Subject> ORDER = Comparator.comparing(Subject::kind)
      .thenComparing(s -> s.namespace == null ? "" : s.namespace).thenComparing(Subject::name);

  public Subject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    namespace = kind == Kind.SERVICE_ACCOUNT ? Objects.requireNonNull(namespace, "namespace") : null;
  }

  public static Subject user(String name) {
    return new Subject(Kind.USER, name, null);
  }

  public static Subject group(String name) {
    return new Subject(Kind.GROUP, name, null);
  }

  public static Subject serviceAccount(String namespace, String name) {
    return new Subject(Kind.SERVICE_ACCOUNT, name, namespace);
  }

  /**
   * The subject of a binding, or empty when it can never match: a ServiceAccount without namespace in a
   * ClusterRoleBinding, an unknown kind, or no name.
   *
   * @param bindingNamespace the RoleBinding's namespace, null for a ClusterRoleBinding
   */
  public static Optional<Subject> fromBinding(io.fabric8.kubernetes.api.model.rbac.Subject s, String bindingNamespace) {
    if (s == null || s.getKind() == null || s.getName() == null || s.getName().isEmpty()) {
      return Optional.empty();
    }
    switch (s.getKind()) {
      case "User":
        return Optional.of(user(s.getName()));
      case "Group":
        return Optional.of(group(s.getName()));
      case "ServiceAccount":
        String ns = s.getNamespace() != null && !s.getNamespace().isEmpty() ? s.getNamespace() : bindingNamespace;
        return ns == null ? Optional.empty() : Optional.of(serviceAccount(ns, s.getName()));
      default:
        return Optional.empty();
    }
  }

  /**
   * Parses what a user types: {@code user:alice}, {@code group:devs}, {@code serviceaccount:NS:NAME} (also
   * {@code sa:NS:NAME}, {@code sa:NS/NAME} and the token user name {@code system:serviceaccount:NS:NAME}).
   *
   * @throws IllegalArgumentException with a message for people when the text is not a subject
   */
  public static Subject parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.startsWith(Identity.SA_PREFIX)) {
      return serviceAccountOf(t.substring(Identity.SA_PREFIX.length()), text);
    }
    int colon = t.indexOf(':');
    if (colon <= 0 || colon == t.length() - 1) {
      throw new IllegalArgumentException(usage(text));
    }
    String kind = t.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = t.substring(colon + 1);
    return switch (kind) {
      case "user", "u" -> user(rest);
      case "group", "g" -> group(rest);
      case "serviceaccount", "sa" -> serviceAccountOf(rest, text);
      default -> throw new IllegalArgumentException(usage(text));
    };
  }

  private static Subject serviceAccountOf(String rest, String text) {
    int sep = rest.indexOf(':');
    if (sep < 0) {
      sep = rest.indexOf('/');
    }
    if (sep <= 0 || sep == rest.length() - 1) {
      throw new IllegalArgumentException(usage(text));
    }
    return serviceAccount(rest.substring(0, sep), rest.substring(sep + 1));
  }

  private static String usage(String text) {
    return "'" + text + "' is not a subject: write user:NAME, group:NAME or serviceaccount:NAMESPACE:NAME";
  }

  /** The authenticated identity of this subject (for a group: any of its members). */
  public Identity identity() {
    return switch (kind) {
      case USER -> Identity.user(name, List.of());
      case GROUP -> Identity.memberOf(name, List.of());
      case SERVICE_ACCOUNT -> Identity.serviceAccount(namespace, name);
    };
  }

  /** The user name a service account's token carries; the name for users; null for groups. */
  public String userName() {
    return switch (kind) {
      case USER -> name;
      case GROUP -> null;
      case SERVICE_ACCOUNT -> Identity.SA_PREFIX + namespace + ":" + name;
    };
  }

  /** True when a binding naming this subject applies to {@code identity}, as the RBAC authorizer decides it. */
  public boolean appliesTo(Identity identity) {
    return switch (kind) {
      case USER, SERVICE_ACCOUNT -> identity.user() != null && identity.user().equals(userName());
      case GROUP -> identity.inGroup(name);
    };
  }

  /** {@code User alice}, {@code Group devs}, {@code ServiceAccount payments/api}. */
  public String display() {
    return kind.title() + " " + (kind == Kind.SERVICE_ACCOUNT ? namespace + "/" + name : name);
  }

  /** {@code user:alice}, {@code group:devs}, {@code serviceaccount:payments:api}: what {@link #parse} reads. */
  public String key() {
    return switch (kind) {
      case USER -> "user:" + name;
      case GROUP -> "group:" + name;
      case SERVICE_ACCOUNT -> "serviceaccount:" + namespace + ":" + name;
    };
  }

  /** Who a built-in group stands for, e.g. "every authenticated user"; empty for other subjects. */
  public Optional<String> implicitMeaning() {
    if (kind != Kind.GROUP) {
      return kind == Kind.USER && Identity.ANONYMOUS.equals(name)
          ? Optional.of("every unauthenticated request") : Optional.empty();
    }
    if (Identity.AUTHENTICATED.equals(name)) {
      return Optional.of("every authenticated user and service account");
    }
    if (Identity.UNAUTHENTICATED.equals(name)) {
      return Optional.of("every unauthenticated request");
    }
    if (Identity.SERVICE_ACCOUNTS.equals(name)) {
      return Optional.of("every service account in every namespace");
    }
    if (name.startsWith(Identity.SERVICE_ACCOUNTS + ":")) {
      return Optional.of("every service account in namespace " + name.substring(Identity.SERVICE_ACCOUNTS.length() + 1));
    }
    if (Identity.MASTERS.equals(name)) {
      return Optional.of("members bypass authorization");
    }
    return Optional.empty();
  }

  @Override
  public int compareTo(Subject o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return display();
  }
}
