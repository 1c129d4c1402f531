package dev.kubepci.rules.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureVerificationRuleTest {
  private final RuleTester tester = RuleTester.of(new SignatureVerificationRule());

  /** Kyverno's registered webhook: proves the engine runs, and skips kube-system. */
  private static final String KYVERNO_WEBHOOK = """
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingWebhookConfiguration
      metadata:
        name: kyverno-resource-validating-webhook-cfg
      webhooks:
        - name: validate.kyverno.svc-fail
          clientConfig:
            service:
              name: kyverno-svc
              namespace: kyverno
          failurePolicy: Fail
          namespaceSelector:
            matchExpressions:
              - key: kubernetes.io/metadata.name
                operator: NotIn
                values: [kube-system]
          rules:
            - apiGroups: [""]
              apiVersions: [v1]
              operations: [CREATE, UPDATE]
              resources: [pods]
      """;

  private static final String VERIFY_PAYMENTS = """
      apiVersion: kyverno.io/v1
      kind: ClusterPolicy
      metadata:
        name: verify-payments
      spec:
        validationFailureAction: Enforce
        rules:
          - name: cosign
            match:
              any:
                - resources:
                    kinds: [Pod]
                    namespaces: [payments]
            verifyImages:
              - imageReferences: ["registry.example.com/payments/*"]
                attestors:
                  - entries:
                      - keyless:
                          issuer: https://ci.example.com
                          subject: release
      """;

  @Test
  void flagsImagesTheKyvernoPolicyDoesNotMatch() {
    var given = tester.given(KYVERNO_WEBHOOK + "---\n" + VERIFY_PAYMENTS + """
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: payments
        spec:
          template:
            spec:
              initContainers:
                - name: migrate
                  image: registry.example.com/payments/migrate:1.0
              containers:
                - name: db
                  image: registry.example.com/mirror/postgres:16    # expect-violation: container "db" image is admitted without signature verification in namespace payments (Kyverno ClusterPolicy/verify-payments rule cosign (verifyImages Enforce) does not match it)
        """).assertMarkedViolations();
    assertThat(given.result().tables().get(0).rows()).containsExactly(List.of("payments", "2",
        "Kyverno ClusterPolicy/verify-payments rule cosign (verifyImages Enforce)",
        "1: registry.example.com/mirror/postgres:16"));
  }

  @Test
  void flagsAuditOnlyVerificationAndNamespacesWithoutPolicy() {
    tester.given(KYVERNO_WEBHOOK + "---\n" + VERIFY_PAYMENTS.replace("Enforce", "Audit") + """
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
          namespace: payments
        spec:
          containers:
            - name: api
              image: registry.example.com/payments/api:2   # expect-violation: (verifyImages Audit) only reports
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: shop
          namespace: web
        spec:
          containers:
            - name: shop
              image: registry.example.com/web/shop:1       # expect-violation: (no verification policy applies there)
        """).assertMarkedViolations();
  }

  @Test
  void passesSigstorePolicyForAnOptedInNamespace() {
    tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: payments
          labels:
            policy.sigstore.dev/include: "true"
        ---
        apiVersion: policy.sigstore.dev/v1beta1
        kind: ClusterImagePolicy
        metadata:
          name: signed-by-ci
        spec:
          images:
            - glob: "registry.example.com/**"
          authorities:
            - keyless:
                identities:
                  - issuer: https://ci.example.com
                    subject: release
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: policy-controller-webhook
          namespace: payments
        spec:
          template:
            spec:
              containers:
                - name: webhook
                  image: registry.example.com/sigstore/policy-controller/policy-controller:v0.12.0
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: payments
        spec:
          template:
            spec:
              containers:
                - name: api
                  image: registry.example.com/payments/api:2
        """).assertNoViolations();
  }

  @Test
  void flagsSigstorePolicyInWarnModeOrWithoutTheNamespaceOptIn() {
    tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: payments
        ---
        apiVersion: policy.sigstore.dev/v1beta1
        kind: ClusterImagePolicy
        metadata:
          name: signed-by-ci
        spec:
          mode: warn
          images:
            - glob: "**"
          authorities:
            - key:
                data: placeholder
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
          namespace: payments
        spec:
          containers:
            - name: api
              image: sigstore/policy-controller:v0.12.0   # expect-violation: (no verification policy applies there)
        """).assertMarkedViolations();
  }

  @Test
  void cannotDecideWhenTheVerifyingEngineIsNotInTheInput() {
    var result = tester.given(VERIFY_PAYMENTS + """
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
          namespace: payments
        spec:
          containers:
            - name: api
              image: registry.example.com/payments/api:2
        """).assertStatus(Status.NOT_ASSESSED).result();
    assertThat(result.reason()).contains("payments: registry.example.com/payments/api:2");
  }

  @Test
  void isNotApplicableWithoutWorkloads() {
    tester.given(VERIFY_PAYMENTS).assertStatus(Status.NOT_APPLICABLE);
  }
}
