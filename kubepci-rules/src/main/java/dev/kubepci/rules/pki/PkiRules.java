package dev.kubepci.rules.pki;

import dev.kubepci.rule.Rule;
import java.util.List;

/** The built-in PKI rules (client certificates, signing, rotation), sorted by id. */
public final class PkiRules {
  private PkiRules() {}

  public static List<Rule> all() {
    return List.of(new ClientCertificateRequestRule(), new CertificateSigningDurationRule(),
        new KubeletCertificateRotationRule());
  }
}
