package dev.kubepci.rules.platform;

import dev.kubepci.rule.Rule;
import java.util.List;

/**
 * The built-in platform rules, sorted by id: API exposure and management traffic (4.2, 4.3), secrets at rest (6),
 * auditing (7), monitoring (8), patching (10), version and configuration management (14, 15).
 */
public final class PlatformRules {
  private PlatformRules() {}

  public static List<Rule> all() {
    SupportWindows windows = SupportWindows.bundled();
    return List.of(
        new ExposedManagementServiceRule(),
        new ApiServerTransportRule(),
        new KubeletTlsSettingsRule(),
        new EtcdServerTlsRule(),
        new ManagementUiAuthenticationRule(),
        new ManagementIngressTlsRule(),
        new KubeletTlsVerificationRule(),
        new ControlPlaneBindAddressRule(),
        new SecretsEncryptionRule(),
        new SecretStoreRule(),
        new AuditLoggingRule(),
        new AuditPolicyRule(),
        new LogCollectorCoverageRule(),
        new RuntimeSecurityCoverageRule(),
        new KubernetesVersionRule(windows),
        new KubeletVersionRule(windows),
        new NodeSupportRule(windows),
        new VulnerabilityReportRule(),
        new VersionControlRule(),
        new AdmissionPolicyRule());
  }
}
