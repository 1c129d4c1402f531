package dev.kubepci.rules.rbac;

import dev.kubepci.model.Inventory;
import dev.kubepci.rbac.Grant;
import dev.kubepci.rbac.Permission;
import dev.kubepci.rbac.Rbac;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flags subjects that can get client certificates issued on their own: they may approve signers, or they may both
 * create CertificateSigningRequests and update their approval. Permissions are combined per subject across all of
 * its bindings; every binding that contributes is reported.
 */
@RuleInfo(
    id = "KPCI-0207",
    name = "rbac-certificate-approval",
    title = "Users and workloads cannot issue themselves client certificates",
    severity = Severity.CRITICAL,
    rationale = "A client certificate signed by the cluster CA authenticates whoever holds it as the user and groups "
        + "named in it, system:masters included, until it expires; Kubernetes cannot revoke it. Whoever may create "
        + "signing requests and approve them, or approve a signer, can mint such credentials for any identity.",
    remediation = "Leave CSR approval to the controller manager and to the kubelet approvers Kubernetes sets up. "
        + "Remove approve on signers and update on certificatesigningrequests/approval from people and workloads, "
        + "and issue user access through the external identity provider instead of certificates.",
    references = {"https://kubernetes.io/docs/concepts/security/rbac-good-practices/",
        "https://kubernetes.io/docs/reference/access-authn-authz/certificate-signing-requests/#authorization"},
    reads = {"ClusterRole", "ClusterRoleBinding"})
public final class CertificateApprovalRule implements RiskyGrantRule {
  private static final String CERTS = "certificates.k8s.io";
  private static final Permission CREATE = Permission.of("create", CERTS, "certificatesigningrequests", null);
  private static final Permission APPROVE_REQUESTS =
      Permission.of("update", CERTS, "certificatesigningrequests", "approval");
  private static final Permission APPROVE_SIGNER = Permission.of("approve", CERTS, "signers", null);

  @Override
  public RiskyGrants.Family family(Inventory inventory) {
    Rbac rbac = Rbac.of(inventory);
    Map<String, Set<Permission>> held = new HashMap<>();
    for (Grant g : rbac.grants()) {
      if (g.expected()) {
        continue;
      }
      for (Permission p : List.of(CREATE, APPROVE_REQUESTS, APPROVE_SIGNER)) {
        if (g.couldAllow(p)) {
          held.computeIfAbsent(g.subject().key(), k -> new HashSet<>()).add(p);
        }
      }
    }
    Set<String> minting = new HashSet<>();
    held.forEach((subject, perms) -> {
      if (perms.contains(APPROVE_SIGNER) || perms.contains(CREATE) && perms.contains(APPROVE_REQUESTS)) {
        minting.add(subject);
      }
    });
    return new RiskyGrants.Family("rbac-certificate-approvers",
        "Subjects that may request and approve client certificates", g -> {
          if (!g.expected() && !minting.contains(g.subject().key())) {
            return List.of();
          }
          List<String> out = new ArrayList<>();
          for (Permission p : List.of(CREATE, APPROVE_REQUESTS, APPROVE_SIGNER)) {
            if (g.couldAllow(p) && (p != CREATE || !g.expected())) {
              out.add(p.verb() + " " + p.resourceName());
            }
          }
          return out;
        });
  }
}
