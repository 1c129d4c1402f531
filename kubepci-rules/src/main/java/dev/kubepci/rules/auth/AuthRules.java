package dev.kubepci.rules.auth;

import dev.kubepci.rule.Rule;
import java.util.List;

/** The built-in authentication rules (control plane, kubelet, kubeconfig, tokens), sorted by id. */
public final class AuthRules {
  private AuthRules() {}

  public static List<Rule> all() {
    return List.of(
        new LegacyServiceAccountTokenRule(),
        new ApiServerAnonymousAuthRule(),
        new ApiServerStaticTokenRule(),
        new ApiServerExternalAuthenticationRule(),
        new ApiServerAuthorizationModeRule(),
        new ServiceAccountTokenLifetimeRule(),
        new InsecurePortsRule(),
        new EtcdClientCertificateRule(),
        new KubeletAuthenticationRule(),
        new KubeletAuthorizationRule(),
        new KubeconfigCredentialRule(),
        new KubeconfigEmbeddedSecretRule(),
        new KubeconfigInsecureTlsRule());
  }
}
