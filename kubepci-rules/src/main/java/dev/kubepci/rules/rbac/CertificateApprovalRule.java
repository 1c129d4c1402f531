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
@RuleInfo(id = "KPCI-0207", name = "rbac-certificate-approval", severity = Severity.CRITICAL, reads = {"ClusterRole",
    "ClusterRoleBinding"})
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
