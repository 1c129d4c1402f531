package dev.kubepci.rules;

import dev.kubepci.catalog.Framework;
import dev.kubepci.catalog.FrameworkLoader;
import dev.kubepci.catalog.RuleCatalog;
import dev.kubepci.crossref.CrossReference;
import dev.kubepci.rule.Rule;
import dev.kubepci.rules.admission.AdmissionCoverageRule;
import dev.kubepci.rules.admission.AdmissionFailOpenRule;
import dev.kubepci.rules.admission.PodSecurityReadinessRule;
import dev.kubepci.rules.auth.ApiServerAnonymousAuthRule;
import dev.kubepci.rules.auth.ApiServerAuthorizationModeRule;
import dev.kubepci.rules.auth.ApiServerExternalAuthenticationRule;
import dev.kubepci.rules.auth.ApiServerStaticTokenRule;
import dev.kubepci.rules.auth.EtcdClientCertificateRule;
import dev.kubepci.rules.auth.InsecurePortsRule;
import dev.kubepci.rules.auth.KubeconfigCredentialRule;
import dev.kubepci.rules.auth.KubeconfigEmbeddedSecretRule;
import dev.kubepci.rules.auth.KubeconfigInsecureTlsRule;
import dev.kubepci.rules.auth.KubeletAuthenticationRule;
import dev.kubepci.rules.auth.KubeletAuthorizationRule;
import dev.kubepci.rules.auth.LegacyServiceAccountTokenRule;
import dev.kubepci.rules.auth.ServiceAccountTokenLifetimeRule;
import dev.kubepci.rules.image.ImageNotPinnedRule;
import dev.kubepci.rules.image.SignatureVerificationRule;
import dev.kubepci.rules.image.UntrustedRegistryRule;
import dev.kubepci.rules.network.BroadNetworkAllowRule;
import dev.kubepci.rules.network.CniEnforcesPoliciesRule;
import dev.kubepci.rules.network.NamespaceDefaultDenyRule;
import dev.kubepci.rules.network.WorkloadIsolationRule;
import dev.kubepci.rules.pki.CertificateSigningDurationRule;
import dev.kubepci.rules.pki.ClientCertificateRequestRule;
import dev.kubepci.rules.pki.KubeletCertificateRotationRule;
import dev.kubepci.rules.platform.AdmissionPolicyRule;
import dev.kubepci.rules.platform.ApiServerTransportRule;
import dev.kubepci.rules.platform.AuditLoggingRule;
import dev.kubepci.rules.platform.AuditPolicyRule;
import dev.kubepci.rules.platform.ControlPlaneBindAddressRule;
import dev.kubepci.rules.platform.EtcdServerTlsRule;
import dev.kubepci.rules.platform.ExposedManagementServiceRule;
import dev.kubepci.rules.platform.KubeletTlsSettingsRule;
import dev.kubepci.rules.platform.KubeletTlsVerificationRule;
import dev.kubepci.rules.platform.KubeletVersionRule;
import dev.kubepci.rules.platform.KubernetesVersionRule;
import dev.kubepci.rules.platform.LogCollectorCoverageRule;
import dev.kubepci.rules.platform.ManagementIngressTlsRule;
import dev.kubepci.rules.platform.ManagementUiAuthenticationRule;
import dev.kubepci.rules.platform.NodeSupportRule;
import dev.kubepci.rules.platform.RuntimeSecurityCoverageRule;
import dev.kubepci.rules.platform.SecretStoreRule;
import dev.kubepci.rules.platform.SecretsEncryptionRule;
import dev.kubepci.rules.platform.SupportWindows;
import dev.kubepci.rules.platform.VersionControlRule;
import dev.kubepci.rules.platform.VulnerabilityReportRule;
import dev.kubepci.rules.rbac.AdmissionWebhookWriteRule;
import dev.kubepci.rules.rbac.AnonymousGrantRule;
import dev.kubepci.rules.rbac.BroadGroupGrantRule;
import dev.kubepci.rules.rbac.CertificateApprovalRule;
import dev.kubepci.rules.rbac.ClusterAdminBindingRule;
import dev.kubepci.rules.rbac.DefaultServiceAccountBindingRule;
import dev.kubepci.rules.rbac.EscalationVerbsRule;
import dev.kubepci.rules.rbac.GenericAccountRule;
import dev.kubepci.rules.rbac.NodeProxyRule;
import dev.kubepci.rules.rbac.PersistentVolumeCreateRule;
import dev.kubepci.rules.rbac.PodExecRule;
import dev.kubepci.rules.rbac.RbacWriteRule;
import dev.kubepci.rules.rbac.SecretReadRule;
import dev.kubepci.rules.rbac.TokenCreateRule;
import dev.kubepci.rules.rbac.WildcardGrantRule;
import dev.kubepci.rules.rbac.WorkloadCreateRule;
import dev.kubepci.rules.scope.CdeDedicatedNodesRule;
import dev.kubepci.rules.scope.CdeNetworkSegmentationRule;
import dev.kubepci.rules.scope.CdeNodePoolRule;
import dev.kubepci.rules.scope.CdeScopeInventoryRule;
import dev.kubepci.rules.scope.CdeSharedIdentitiesRule;
import dev.kubepci.rules.scope.RbacIntoCdeRule;
import dev.kubepci.rules.secrets.AnnotationSecretRule;
import dev.kubepci.rules.secrets.ConfigMapSecretRule;
import dev.kubepci.rules.secrets.EnvSecretRule;
import dev.kubepci.rules.secrets.ExposedSecretReportRule;
import dev.kubepci.rules.workload.AutomountServiceAccountTokenRule;
import dev.kubepci.rules.workload.DefaultServiceAccountRule;
import dev.kubepci.rules.workload.HostNamespacesRule;
import dev.kubepci.rules.workload.PodSecurityBaselineRule;
import dev.kubepci.rules.workload.PodSecurityRestrictedRule;
import dev.kubepci.rules.workload.PrivilegedContainerRule;
import dev.kubepci.rules.workload.ReadOnlyRootFilesystemRule;
import dev.kubepci.rules.workload.ResourceLimitsRule;
import dev.kubepci.rules.workload.ResourceQuotaRule;
import dev.kubepci.rules.workload.ResourceRequestsRule;
import dev.kubepci.rules.workload.RootGroupRule;
import dev.kubepci.rules.workload.RunAsRootRule;
import dev.kubepci.rules.workload.SandboxedRuntimeRule;
import dev.kubepci.rules.workload.WindowsHostProcessRule;
import dev.kubepci.rules.workload.WindowsIsolationRule;
import java.util.List;

/** The rules and frameworks that ship with kubepci. */
public final class BuiltInRules {
  /** The class-path resource of the PCI container guidance framework. */
  public static final String PCI_FRAMEWORK = "frameworks/pci-container-guidance-1.0.yaml";

  /** The class-path resource of the informative PCI DSS v4.0.1 cross-reference of the framework's practices. */
  public static final String DSS_CROSS_REFERENCE = "frameworks/pci-dss-4.0.1-crossreference.yaml";

  private BuiltInRules() {}

  /**
   * A fresh instance of every built-in rule: one line a rule, by area, each area sorted
   * by id.
   */
  public static List<Rule> all() {
    SupportWindows windows = SupportWindows.bundled();
    return List.of(
        // workload rules
        new PrivilegedContainerRule(),
        new HostNamespacesRule(),
        new AutomountServiceAccountTokenRule(),
        new ResourceLimitsRule(),
        new RunAsRootRule(),
        new PodSecurityBaselineRule(),
        new PodSecurityRestrictedRule(),
        new ResourceQuotaRule(),
        new DefaultServiceAccountRule(),
        new SandboxedRuntimeRule(),
        new WindowsHostProcessRule(),
        new WindowsIsolationRule(),
        new ReadOnlyRootFilesystemRule(),
        new ResourceRequestsRule(),
        new RootGroupRule(),
        // image supply-chain rules
        new ImageNotPinnedRule(),
        new UntrustedRegistryRule(),
        new SignatureVerificationRule(),
        // admission-control rules
        new PodSecurityReadinessRule(),
        new AdmissionCoverageRule(),
        new AdmissionFailOpenRule(),
        // rules about secrets in workloads, configuration and images
        new EnvSecretRule(),
        new ConfigMapSecretRule(),
        new AnnotationSecretRule(),
        new ExposedSecretReportRule(),
        // RBAC rules
        new ClusterAdminBindingRule(),
        new WildcardGrantRule(),
        new EscalationVerbsRule(),
        new SecretReadRule(),
        new WorkloadCreateRule(),
        new PodExecRule(),
        new NodeProxyRule(),
        new TokenCreateRule(),
        new CertificateApprovalRule(),
        new AdmissionWebhookWriteRule(),
        new PersistentVolumeCreateRule(),
        new RbacWriteRule(),
        new GenericAccountRule(),
        new AnonymousGrantRule(),
        new BroadGroupGrantRule(),
        new DefaultServiceAccountBindingRule(),
        // authentication rules (control plane, kubelet, kubeconfig, tokens)
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
        new KubeconfigInsecureTlsRule(),
        // PKI rules (client certificates, signing, rotation)
        new ClientCertificateRequestRule(),
        new CertificateSigningDurationRule(),
        new KubeletCertificateRotationRule(),
        // network rules
        new NamespaceDefaultDenyRule(),
        new CniEnforcesPoliciesRule(),
        new WorkloadIsolationRule(),
        new BroadNetworkAllowRule(),
        // segmentation rules (area 16); without a declared CDE they are MANUAL
        new CdeScopeInventoryRule(),
        new CdeNetworkSegmentationRule(),
        new CdeDedicatedNodesRule(),
        new CdeNodePoolRule(),
        new CdeSharedIdentitiesRule(),
        new RbacIntoCdeRule(),
        // platform rules: API exposure and management traffic (4.2, 4.3), secrets at rest (6),
        // auditing (7), monitoring (8), patching (10), version and configuration management (14, 15).
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

  /** Every built-in rule with its texts; an entry of a texts file that no rule claims is an error. */
  public static RuleCatalog catalog() {
    return RuleCatalog.complete(all());
  }

  public static Framework pciFramework() {
    return FrameworkLoader.fromResource(BuiltInRules.class.getClassLoader(), PCI_FRAMEWORK);
  }

  /** The PCI DSS v4.0.1 requirements each practice of {@link #pciFramework()} supports (kubepci's interpretation). */
  public static CrossReference dssCrossReference() {
    return CrossReference.fromResource(BuiltInRules.class.getClassLoader(), DSS_CROSS_REFERENCE);
  }
}
