package dev.kubepci.rules.admission;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class AdmissionFailOpenRuleTest {
  private final RuleTester tester = RuleTester.of(new AdmissionFailOpenRule());

  @Test
  void flagsGatekeeperWebhookThatIgnoresFailures() {
    tester.given("""
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata:
          name: gatekeeper-validating-webhook-configuration
        webhooks:
          - name: validation.gatekeeper.sh
            clientConfig:
              service:
                namespace: gatekeeper-system
                name: gatekeeper-webhook-service
            failurePolicy: Ignore     # expect-violation: Gatekeeper webhook validation.gatekeeper.sh sees pods but lets them through when Gatekeeper does not answer (failurePolicy Ignore)
            rules:
              - apiGroups: ["*"]
                apiVersions: ["*"]
                operations: [CREATE, UPDATE]
                resources: ["*"]
          - name: check-ignore-label.gatekeeper.sh
            clientConfig:
              service:
                namespace: gatekeeper-system
                name: gatekeeper-webhook-service
            failurePolicy: Ignore
            rules:
              - apiGroups: [""]
                apiVersions: ["*"]
                operations: [CREATE, UPDATE]
                resources: [namespaces]
        """).assertMarkedViolations().assertObserved("Ignore");
  }

  @Test
  void flagsPoliciesThatRestrictPodsButFailOpen() {
    tester.given("""
        apiVersion: kyverno.io/v1
        kind: ClusterPolicy
        metadata:
          name: baseline
        spec:
          failurePolicy: Ignore       # expect-violation: Kyverno policy baseline restricts pods but admits them unchecked when Kyverno fails (failurePolicy Ignore)
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
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata:
          name: no-privileged
        spec:
          failurePolicy: Ignore       # expect-violation: ValidatingAdmissionPolicy no-privileged restricts pods but admits them unchecked
          matchConstraints:
            resourceRules:
              - apiGroups: [""]
                apiVersions: [v1]
                operations: [CREATE]
                resources: [pods]
          validations:
            - expression: "object.spec.containers.all(c, !has(c.securityContext) || !c.securityContext.privileged)"
        """).assertMarkedViolations();
  }

  @Test
  void flagsBetaWebhookWhoseDefaultIsIgnore() {
    tester.given("""
        apiVersion: admissionregistration.k8s.io/v1beta1
        kind: MutatingWebhookConfiguration
        metadata:
          name: policy-controller
        webhooks:
          - name: policy.sigstore.dev     # expect-violation: Sigstore policy-controller webhook policy.sigstore.dev sees pods but lets them through
            clientConfig:
              service:
                namespace: cosign-system
                name: webhook
            rules:
              - apiGroups: [""]
                apiVersions: [v1]
                operations: [CREATE]
                resources: [pods]
        """).assertMarkedViolations();
  }

  @Test
  void passesFailClosedEnginesAndIgnoresWebhooksThatRestrictNoPods() {
    tester.given("""
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata:
          name: gatekeeper-validating-webhook-configuration
        webhooks:
          - name: validation.gatekeeper.sh
            clientConfig:
              service:
                namespace: gatekeeper-system
                name: gatekeeper-webhook-service
            rules:
              - apiGroups: [""]
                apiVersions: [v1]
                operations: [CREATE]
                resources: [pods]
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata:
          name: ingress-nginx-admission
        webhooks:
          - name: validate.nginx.ingress.kubernetes.io
            clientConfig:
              service:
                namespace: ingress-nginx
                name: ingress-nginx-controller-admission
            failurePolicy: Ignore
            rules:
              - apiGroups: [networking.k8s.io]
                apiVersions: [v1]
                operations: [CREATE]
                resources: [ingresses]
        ---
        apiVersion: kyverno.io/v1
        kind: ClusterPolicy
        metadata:
          name: require-labels
        spec:
          failurePolicy: Ignore
          rules:
            - name: labels
              match:
                any:
                  - resources:
                      kinds: [Pod]
              validate:
                pattern:
                  metadata:
                    labels:
                      team: "?*"
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableWithoutAdmissionObjects() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: web
        spec:
          containers:
            - name: p
              image: p:1
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
