package dev.kubepci.rules.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.rule.Table;
import dev.kubepci.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdmissionCoverageRuleTest {
  private final RuleTester tester = RuleTester.of(new AdmissionCoverageRule());

  private static String webhook(String config, String webhook, String serviceNs, String service, String failure) {
    return """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata:
          name: %s
        webhooks:
          - name: %s
            clientConfig:
              service:
                namespace: %s
                name: %s
            failurePolicy: %s
            rules:
              - apiGroups: [""]
                apiVersions: [v1]
                operations: [CREATE, UPDATE]
                resources: [pods]
        ---
        """.formatted(config, webhook, serviceNs, service, failure);
  }

  private static final String KYVERNO = webhook("kyverno-resource-validating-webhook-cfg", "validate.kyverno.svc-fail",
      "kyverno", "kyverno-svc", "Fail");

  private static String pod(String ns) {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: app
          namespace: %s
        spec:
          containers:
            - name: app
              image: app:1
        """.formatted(ns);
  }

  private static Table table(RuleTester.Given given) {
    return given.result().tables().get(0);
  }

  @Test
  void flagsNamespaceThatOnlyWarns() {
    tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: web
          labels:                     # expect-violation: namespace web runs 1 workload and no admission mechanism restricts its pods (no Pod Security enforce label; PSA warn=baseline@latest only reports)
            pod-security.kubernetes.io/warn: baseline
        ---
        """ + pod("web")).assertMarkedViolations().assertObserved("<absent>");
  }

  @Test
  void passesPodSecurityAdmissionEnforcingBaseline() {
    var given = tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            pod-security.kubernetes.io/enforce: baseline
            pod-security.kubernetes.io/enforce-version: v1.31
        ---
        """ + pod("shop")).assertNoViolations();
    assertThat(table(given).rows()).containsExactly(List.of("shop", "1",
        "PSA enforce=baseline@v1.31", "baseline", "-"));
  }

  @Test
  void flagsPrivilegedLevelAsNoRestriction() {
    tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: agents
          labels:
            pod-security.kubernetes.io/enforce: privileged   # expect-violation: (Pod Security enforce is privileged@latest)
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
          namespace: agents
        spec:
          template:
            spec:
              initContainers:
                - name: init
                  image: init:1
              containers:
                - name: agent
                  image: agent:1
        """).assertMarkedViolations().assertObserved("privileged");
  }

  @Test
  void acceptsKyvernoPodSecurityRuleInEnforceAndListsItsExemptions() {
    var given = tester.given(KYVERNO + """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: payments
        ---
        apiVersion: kyverno.io/v1
        kind: ClusterPolicy
        metadata:
          name: restricted
        spec:
          validationFailureAction: Enforce
          rules:
            - name: pss
              match:
                any:
                  - resources:
                      kinds: [Pod]
              exclude:
                any:
                  - subjects:
                      - kind: ServiceAccount
                        name: deployer
                        namespace: ci
              validate:
                podSecurity:
                  level: restricted
                  version: latest
                  exclude:
                    - controlName: Capabilities
                      images: ["registry.example.com/legacy/*"]
        ---
        """ + pod("payments")).assertNoViolations();
    assertThat(table(given).rows().get(0)).containsExactly("payments", "1",
        "Kyverno ClusterPolicy/restricted (Enforce, restricted)", "restricted",
        "Kyverno ClusterPolicy/restricted: podSecurity excludes control \"Capabilities\" for images "
            + "registry.example.com/legacy/*; Kyverno ClusterPolicy/restricted: excludes requests by ServiceAccount "
            + "ci/deployer");
  }

  @Test
  void flagsKyvernoPolicyThatOnlyAuditsOrExcludesTheNamespace() {
    tester.given(KYVERNO + """
        apiVersion: v1
        kind: Namespace
        metadata:                     # expect-violation: (no Pod Security enforce label; Kyverno ClusterPolicy/disallow-privileged (Audit, 1 control) only reports)
          name: web
        ---
        apiVersion: v1
        kind: Namespace
        metadata:                     # expect-violation: Kyverno ClusterPolicy/disallow-privileged rule privileged excludes this namespace
          name: batch
        ---
        apiVersion: kyverno.io/v1
        kind: ClusterPolicy
        metadata:
          name: disallow-privileged
        spec:
          validationFailureAction: Audit
          validationFailureActionOverrides:
            - action: Enforce
              namespaces: ["prod-*"]
          rules:
            - name: privileged
              match:
                any:
                  - resources:
                      kinds: [Pod]
              exclude:
                any:
                  - resources:
                      namespaces: [batch]
              validate:
                pattern:
                  spec:
                    containers:
                      - =(securityContext):
                          =(privileged): "false"
        ---
        """ + pod("web") + "---\n" + pod("batch") + "---\n" + pod("prod-eu").replace("name: app\n", "name: app\n")
        + """
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: prod-eu
        """).assertMarkedViolations();
  }

  @Test
  void perRuleFailureActionOverridesThePolicyAction() {
    tester.given(KYVERNO + """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
        ---
        apiVersion: kyverno.io/v1
        kind: ClusterPolicy
        metadata:
          name: host-namespaces
        spec:
          validationFailureAction: Audit
          rules:
            - name: host-namespaces
              match:
                any:
                  - resources:
                      kinds: [Pod]
              validate:
                failureAction: Enforce
                pattern:
                  spec:
                    =(hostPID): "false"
                    =(hostNetwork): "false"
        ---
        """ + pod("shop")).assertNoViolations();
  }

  @Test
  void cannotDecideWhenThePolicyEngineIsNotInTheInput() {
    var result = tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
        ---
        apiVersion: kyverno.io/v1
        kind: ClusterPolicy
        metadata:
          name: restricted
        spec:
          validationFailureAction: Enforce
          rules:
            - name: pss
              match:
                any:
                  - resources:
                      kinds: [Pod]
              validate:
                podSecurity:
                  level: baseline
        ---
        """ + pod("shop")).assertStatus(Status.NOT_ASSESSED).result();
    assertThat(result.reason()).contains("shop (engine of ClusterPolicy/restricted not in the input)");
    assertThat(result.tables().get(0).rows().get(0).subList(2, 4)).containsExactly(
        "Kyverno ClusterPolicy/restricted (Enforce, baseline, engine not in input)", "unconfirmed");
  }

  @Test
  void readsGatekeeperConstraintsWithTheirActionsAndFailOpenWebhook() {
    var given = tester.given(webhook("gatekeeper-validating-webhook-configuration", "validation.gatekeeper.sh",
        "gatekeeper-system", "gatekeeper-webhook-service", "Ignore") + """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
        ---
        apiVersion: v1
        kind: Namespace
        metadata:                     # expect-violation: (no Pod Security enforce label; Gatekeeper K8sPSPHostNamespace/no-host-namespaces (dryrun, 1 control, fail-open) only reports)
          name: legacy
        ---
        apiVersion: constraints.gatekeeper.sh/v1beta1
        kind: K8sPSPPrivilegedContainer
        metadata:
          name: no-privileged
        spec:
          match:
            kinds:
              - apiGroups: [""]
                kinds: [Pod]
            excludedNamespaces: ["legacy"]
        ---
        apiVersion: constraints.gatekeeper.sh/v1beta1
        kind: K8sPSPHostNamespace
        metadata:
          name: no-host-namespaces
        spec:
          enforcementAction: dryrun
        ---
        """ + pod("shop") + "---\n" + pod("legacy")).assertMarkedViolations();
    assertThat(table(given).rows().get(1)).containsExactly("shop", "1",
        "Gatekeeper K8sPSPPrivilegedContainer/no-privileged (deny, 1 control, fail-open)",
        "partial (1 of 12 baseline controls), fail-open", "-");
  }

  @Test
  void readsValidatingAdmissionPolicyBindingsAndTheirActions() {
    var given = tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            env: prod
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: dev
          labels:                     # expect-violation: no admission mechanism restricts its pods
            env: dev
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata:
          name: no-host-access
        spec:
          failurePolicy: Fail
          matchConstraints:
            resourceRules:
              - apiGroups: [""]
                apiVersions: [v1]
                operations: [CREATE, UPDATE]
                resources: [pods]
          validations:
            - expression: "!has(object.spec.hostNetwork) || !object.spec.hostNetwork"
            - expression: "object.spec.containers.all(c, !has(c.securityContext) || !has(c.securityContext.privileged) || !c.securityContext.privileged)"
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata:
          name: no-host-access-prod
        spec:
          policyName: no-host-access
          validationActions: [Deny]
          matchResources:
            namespaceSelector:
              matchLabels:
                env: prod
        ---
        """ + pod("shop") + "---\n" + pod("dev")).assertMarkedViolations();
    assertThat(table(given).rows().get(1).get(2))
        .isEqualTo("ValidatingAdmissionPolicy ValidatingAdmissionPolicyBinding/no-host-access-prod -> "
            + "no-host-access (Deny, 2 controls)");
  }

  @Test
  void readsKubewardenJsPolicyAndSecurityContextConstraints() {
    var given = tester.given(webhook("kubewarden-policies", "clusterwide-privileged.kubewarden.admission",
        "kubewarden", "policy-server-default", "Fail")
        + webhook("jspolicy-webhooks", "no-hostpath.jspolicy.com", "jspolicy", "jspolicy", "Fail") + """
        apiVersion: policies.kubewarden.io/v1
        kind: ClusterAdmissionPolicy
        metadata:
          name: privileged
        spec:
          module: registry://ghcr.io/kubewarden/policies/pod-privileged:v0.3.2
          rules:
            - apiGroups: [""]
              apiVersions: [v1]
              operations: [CREATE]
              resources: [pods]
        ---
        apiVersion: policy.jspolicy.com/v1beta1
        kind: JsPolicy
        metadata:
          name: no-hostpath.jspolicy.com
        spec:
          operations: [CREATE]
          resources: [pods]
          javascript: |
            if (request.object.spec.volumes?.some(v => v.hostPath)) { deny("hostPath volumes are not allowed"); }
        ---
        apiVersion: security.openshift.io/v1
        kind: SecurityContextConstraints
        metadata:
          name: restricted-v2
        allowPrivilegedContainer: false
        allowHostNetwork: false
        runAsUser:
          type: MustRunAsRange
        groups: [system:authenticated]
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
        ---
        """ + pod("shop")).assertNoViolations();
    String enforcedBy = table(given).rows().get(0).get(2);
    assertThat(enforcedBy).contains("Kubewarden ClusterAdmissionPolicy/privileged (protect, 1 control)")
        .contains("jsPolicy JsPolicy/no-hostpath.jspolicy.com (Deny, 1 control)")
        .contains("OpenShift SCC SecurityContextConstraints/restricted-v2 (admission plugin, baseline)");
    assertThat(table(given).rows().get(0).get(3)).isEqualTo("baseline");
  }

  @Test
  void flagsKubewardenPolicyInMonitorMode() {
    tester.given(webhook("kubewarden-policies", "clusterwide-privileged.kubewarden.admission",
        "kubewarden", "policy-server-default", "Fail") + """
        apiVersion: policies.kubewarden.io/v1
        kind: ClusterAdmissionPolicy
        metadata:
          name: privileged
        spec:
          mode: monitor
          module: registry://ghcr.io/kubewarden/policies/pod-privileged:v0.3.2
          rules:
            - apiGroups: [""]
              apiVersions: [v1]
              operations: [CREATE]
              resources: [pods]
        ---
        apiVersion: v1
        kind: Namespace
        metadata:                     # expect-violation: Kubewarden ClusterAdmissionPolicy/privileged (monitor, 1 control) only reports
          name: shop
        ---
        """ + pod("shop")).assertMarkedViolations();
  }

  @Test
  void cannotDecideWhenTheNamespaceObjectIsMissing() {
    var result = tester.given(pod("shop")).assertStatus(Status.NOT_ASSESSED).result();
    assertThat(result.reason()).contains("shop (Namespace object not in the input)");
    assertThat(result.tables().get(0).rows().get(0).get(3)).isEqualTo("unknown");
  }

  @Test
  void isNotApplicableWithoutWorkloads() {
    tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: empty
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
