package dev.kubepci.rules.platform;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ManagementUiAuthenticationRuleTest {
  private final RuleTester tester = RuleTester.of(new ManagementUiAuthenticationRule());

  @Test
  void flagsDashboardSkipLogin() {
    tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: kubernetes-dashboard, namespace: kubernetes-dashboard}
        spec:
          template:
            spec:
              containers:
                - name: kubernetes-dashboard
                  image: docker.io/kubernetesui/dashboard:v2.7.0
                  args:
                    - --auto-generate-certificates
                    - --enable-skip-login     # expect-violation: lets visitors skip the login
        """).assertMarkedViolations().assertObserved("--enable-skip-login");
  }

  @Test
  void flagsGrafanaAnonymousAccessAndPrometheusWithoutWebConfig() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: grafana, namespace: monitoring}
        spec:
          initContainers: [{name: init, image: busybox}]
          containers:
            - name: grafana
              image: grafana/grafana:11.3.0
              env:
                - name: GF_AUTH_ANONYMOUS_ENABLED
                  value: "true"             # expect-violation: allows anonymous access
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: prometheus, namespace: monitoring}
        spec:
          template:
            spec:
              containers:
                - name: prometheus
                  image: quay.io/prometheus/prometheus:v2.55.0
                  args:                     # expect-violation: serves its UI and API without authentication
                    - --config.file=/etc/prometheus/prometheus.yml
        """).assertMarkedViolations();
  }

  @Test
  void passesWhenLoginIsRequired() {
    tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: grafana, namespace: monitoring}
        spec:
          template:
            spec:
              containers:
                - name: grafana
                  image: grafana/grafana:11.3.0
                  env: [{name: GF_AUTH_ANONYMOUS_ENABLED, value: "false"}]
                - name: prometheus
                  image: quay.io/prometheus/prometheus:v2.55.0
                  args: [--web.config.file=/etc/web/web.yml]
        """).assertNoViolations();
  }

  @Test
  void ignoresOtherWorkloadsAndKinds() {
    tester.given("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: dashboard-settings, namespace: kubernetes-dashboard}
        data: {args: --enable-skip-login}
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
