package dev.kubepci.rbac;

import java.util.List;
import java.util.Set;

/**
 * Recognises the grants Kubernetes, kubeadm and managed providers create for their own components, so that risk
 * checks report what users and workloads receive rather than the platform's expected wiring.
 *
 * <p>A grant is expected when:
 * <ul>
 *   <li>the binding and its role are both named {@code system:...} (the API server's bootstrap policy) and the
 *       subject is a system identity: a user or group named {@code system:...} or a service account in
 *       {@code kube-system}. The broad groups ({@code system:authenticated}, {@code system:unauthenticated},
 *       {@code system:serviceaccounts}) and the anonymous user are expected only in the discovery bindings
 *       Kubernetes creates; {@code system:masters} only in the bootstrap {@code cluster-admin} binding;</li>
 *   <li>it is one of the bindings kubeadm creates, with the subjects kubeadm gives it;</li>
 *   <li>binding and subject carry the managed provider's prefix ({@code eks:}, {@code gce:}).</li>
 * </ul>
 * A user or group added to a {@code system:} binding by hand is not expected and is reported.
 */
public final class SystemGrants {
  /** A binding a platform creates: kind, namespace (null for cluster bindings), name or name prefix, role, subjects. */
  private record Known(String kind, String namespace, String name, boolean prefix, String role, Set<String> subjects) {
    boolean matches(String k, String ns, String n, String r, String subjectKey) {
      boolean nameOk = prefix ? n.startsWith(name) : n.equals(name);
      boolean roleOk = prefix ? r.startsWith(role) : r.equals(role);
      return kind.equals(k) && java.util.Objects.equals(namespace, ns) && nameOk && roleOk
          && subjects.contains(subjectKey);
    }
  }

  private static final String CRB = Binding.CLUSTER_ROLE_BINDING;
  private static final String RB = Binding.ROLE_BINDING;
  private static final String BOOTSTRAP_TOKENS = "group:system:bootstrappers:kubeadm:default-node-token";
  private static final String NODES = "group:system:nodes";

  private static final List<Known> KNOWN = List.of(
      new Known(CRB, null, "cluster-admin", false, "cluster-admin", Set.of("group:system:masters")),
      new Known(CRB, null, "system:public-info-viewer", false, "system:public-info-viewer",
          Set.of("group:system:authenticated", "group:system:unauthenticated")),
      new Known(CRB, null, "system:discovery", false, "system:discovery", Set.of("group:system:authenticated")),
      new Known(CRB, null, "system:basic-user", false, "system:basic-user", Set.of("group:system:authenticated")),
      new Known(CRB, null, "system:service-account-issuer-discovery", false, "system:service-account-issuer-discovery",
          Set.of("group:system:serviceaccounts")),
      new Known(CRB, null, "kubeadm:kubelet-bootstrap", false, "system:node-bootstrapper", Set.of(BOOTSTRAP_TOKENS)),
      new Known(CRB, null, "kubeadm:node-autoapprove-bootstrap", false,
          "system:certificates.k8s.io:certificatesigningrequests:nodeclient", Set.of(BOOTSTRAP_TOKENS)),
      new Known(CRB, null, "kubeadm:node-autoapprove-certificate-rotation", false,
          "system:certificates.k8s.io:certificatesigningrequests:selfnodeclient", Set.of(NODES)),
      new Known(CRB, null, "kubeadm:get-nodes", false, "kubeadm:get-nodes", Set.of(BOOTSTRAP_TOKENS)),
      new Known(CRB, null, "kubeadm:node-proxier", false, "system:node-proxier",
          Set.of("serviceaccount:kube-system:kube-proxy")),
      new Known(CRB, null, "kubeadm:cluster-admins", false, "cluster-admin", Set.of("group:kubeadm:cluster-admins")),
      new Known(RB, "kube-system", "kube-proxy", false, "kube-proxy", Set.of(BOOTSTRAP_TOKENS)),
      new Known(RB, "kube-system", "kubeadm:kubelet-config", true, "kubeadm:kubelet-config",
          Set.of(NODES, BOOTSTRAP_TOKENS)),
      new Known(RB, "kube-system", "kubeadm:nodes-kubeadm-config", false, "kubeadm:nodes-kubeadm-config",
          Set.of(NODES, BOOTSTRAP_TOKENS)),
      new Known(RB, "kube-public", "kubeadm:bootstrap-signer-clusterinfo", false,
          "kubeadm:bootstrap-signer-clusterinfo", Set.of("user:system:anonymous")));

  /** Subjects whose grants are expected only in the bindings listed above. */
  private static final Set<String> GUARDED = Set.of("group:system:authenticated", "group:system:unauthenticated",
      "group:system:serviceaccounts", "user:system:anonymous", "group:system:masters");

  private static final List<String> PROVIDER_PREFIXES = List.of("eks:", "gce:");

  private SystemGrants() {}

  /**
   * True when the platform itself creates the grant of {@code roleRef} to {@code subject} through the binding.
   *
   * @param namespace the RoleBinding's namespace, null for a ClusterRoleBinding
   */
  public static boolean isExpected(String bindingKind, String namespace, String bindingName, RoleId roleRef,
      Subject subject) {
    String key = subject.key();
    for (Known k : KNOWN) {
      if (k.matches(bindingKind, namespace, bindingName, roleRef.name(), key)) {
        return true;
      }
    }
    if (GUARDED.contains(key) || subject.kind() == Subject.Kind.GROUP && subject.name().startsWith("system:serviceaccounts")) {
      return false;
    }
    if (bindingName.startsWith("system:") && roleRef.name().startsWith("system:") && isSystemIdentity(subject)) {
      return true;
    }
    for (String p : PROVIDER_PREFIXES) {
      if (bindingName.startsWith(p) && subject.kind() != Subject.Kind.SERVICE_ACCOUNT && subject.name().startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSystemIdentity(Subject s) {
    return switch (s.kind()) {
      case USER, GROUP -> s.name().startsWith("system:");
      case SERVICE_ACCOUNT -> "kube-system".equals(s.namespace());
    };
  }
}
