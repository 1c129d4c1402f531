package dev.kubepci.rules.pki;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Resource;
import dev.kubepci.pki.CertificateSubject;
import dev.kubepci.rule.EachObject;
import dev.kubepci.rule.ResourceRule;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestCondition;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Flags CertificateSigningRequests for the {@code kubernetes.io/kube-apiserver-client} signer, i.e. user client
 * certificates, unless denied or failed. The request is decoded to show the user (CN) and groups (O) it asks for;
 * a request for group system:masters is critical.
 */
@RuleInfo(id = "KPCI-0240", name = "csr-client-certificate", severity = Severity.HIGH,
    reads = {"CertificateSigningRequest"})
@EachObject("certificates.k8s.io/CertificateSigningRequest")
public final class ClientCertificateRequestRule implements ResourceRule {
  static final String CLIENT_SIGNER = "kubernetes.io/kube-apiserver-client";

  @Override
  public List<Violation> check(Resource resource, RuleContext context) {
    CertificateSigningRequest csr = resource.as(CertificateSigningRequest.class).orElse(null);
    if (csr == null || csr.getSpec() == null || !CLIENT_SIGNER.equals(csr.getSpec().getSignerName())) {
      return List.of();
    }
    String state = state(csr);
    if ("denied".equals(state) || "failed".equals(state)) {
      return List.of();
    }
    String subject;
    boolean masters = false;
    try {
      String pem = new String(Base64.getMimeDecoder().decode(csr.getSpec().getRequest()), StandardCharsets.US_ASCII);
      CertificateSubject s = CertificateSubject.ofRequestPem(pem);
      subject = "CN=" + s.commonName() + " O=" + s.organizations();
      masters = s.organizations().contains("system:masters");
    } catch (RuntimeException e) {
      subject = "an unreadable subject";
    }
    String requestor = csr.getSpec().getUsername() == null ? "" : ", requested by " + csr.getSpec().getUsername();
    String life = csr.getSpec().getExpirationSeconds() == null ? "the signer's maximum lifetime"
        : csr.getSpec().getExpirationSeconds() / 3600 + "h";
    Violation v = Violation.at(FieldPath.root().child("spec").child("signerName"), CLIENT_SIGNER,
        "CertificateSigningRequest asks for a user client certificate for " + subject + " (" + state + requestor
            + ", valid for " + life + "), which cannot be revoked");
    if (masters) {
      return List.of(v.withSeverity(Severity.CRITICAL));
    }
    return List.of("pending".equals(state) ? v.withSeverity(Severity.MEDIUM) : v);
  }

  private static String state(CertificateSigningRequest csr) {
    List<CertificateSigningRequestCondition> conditions = csr.getStatus() == null || csr.getStatus().getConditions() == null
        ? List.of() : csr.getStatus().getConditions();
    for (CertificateSigningRequestCondition c : conditions) {
      if ("Denied".equals(c.getType())) {
        return "denied";
      }
      if ("Failed".equals(c.getType())) {
        return "failed";
      }
    }
    boolean issued = csr.getStatus() != null && csr.getStatus().getCertificate() != null
        && !csr.getStatus().getCertificate().isEmpty();
    boolean approved = conditions.stream().anyMatch(c -> "Approved".equals(c.getType()));
    return issued ? "approved and issued" : approved ? "approved" : "pending";
  }
}
