package dev.kubepci.rules.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionControlRuleTest {
  private final RuleTester tester = RuleTester.of(new VersionControlRule());

  @Test
  void flagsObjectsAppliedByHandWithoutShowingTheirContent() {
    var given = tester.given("""
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
          namespace: shop
          annotations:
            kubectl.kubernetes.io/last-applied-configuration: '{"data":{"password":"c2VjcmV0"}}'   # expect-violation: applied or edited by hand
        data: {password: c2VjcmV0}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: shop
          labels: {app.kubernetes.io/managed-by: Helm}
          annotations: {meta.helm.sh/release-name: api}
        spec:
          template:
            spec:
              containers: [{name: api, image: api}]
        """).assertMarkedViolations();
    assertThat(given.findings().get(0).observed()).isEqualTo("present");
    assertThat(given.result().tables().get(0).rows()).containsExactly(
        List.of("shop", "2", "0 (0%)", "1 (50%)", "0 (0%)", "1 (50%)", "0 (0%)"));
  }

  @Test
  void passesGitOpsManagedObjects() {
    tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: shop
          annotations: {argocd.argoproj.io/tracking-id: "shop:apps/Deployment:shop/api"}
        spec:
          template:
            spec:
              containers: [{name: api, image: api}]
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: api
          namespace: shop
          labels: {kustomize.toolkit.fluxcd.io/name: shop}
        spec: {ports: [{port: 80}]}
        """).assertNoViolations();
  }

  @Test
  void isManualWhenNothingCarriesAMarker() {
    tester.given("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: shop}
        data: {a: b}
        """).assertStatus(Status.MANUAL);
  }

  @Test
  void ignoresObjectsControllersOwn() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: api-x
          namespace: shop
          annotations: {kubectl.kubernetes.io/last-applied-configuration: "{}"}
        spec:
          containers: [{name: api, image: api}]
        """).assertStatus(Status.MANUAL);
  }
}
