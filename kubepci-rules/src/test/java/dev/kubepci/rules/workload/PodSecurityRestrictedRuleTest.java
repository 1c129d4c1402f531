package dev.kubepci.rules.workload;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class PodSecurityRestrictedRuleTest {
  private final RuleTester tester = RuleTester.of(new PodSecurityRestrictedRule());

  @Test
  void flagsEveryMissingRestrictedSettingOfADeployment() {
    tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              securityContext:
                runAsNonRoot: true
              containers:
                - name: web
                  image: web:1
                  securityContext:            # expect-violation: [seccompProfile_restricted] seccompProfile (pod or container "web"
                    capabilities:             # expect-violation: [capabilities_restricted] unrestricted capabilities
                      add: ["NET_BIND_SERVICE"]
        """).assertMarkedViolations();
  }

  @Test
  void namesEveryRestrictedCheckTheDeploymentMisses() {
    var findings = tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: web:1
        """).findings();
    org.assertj.core.api.Assertions.assertThat(findings).extracting(f -> f.message().substring(0, f.message().indexOf(']') + 1))
        .containsExactlyInAnyOrder("[allowPrivilegeEscalation]", "[capabilities_restricted]", "[seccompProfile_restricted]");
  }

  @Test
  void flagsInitContainerAndRestrictedVolumeTypeOfAPod() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: shop
        spec:
          securityContext:
            runAsNonRoot: true
            seccompProfile:
              type: RuntimeDefault
          initContainers:
            - name: setup
              image: setup:1
              securityContext:
                allowPrivilegeEscalation: true   # expect-violation: container "setup" must set securityContext.allowPrivilegeEscalation=false
                capabilities:
                  drop: ["ALL"]
          containers:
            - name: app
              image: app:1
              securityContext:
                allowPrivilegeEscalation: false
                capabilities:
                  drop: ["ALL"]
          volumes:
            - name: data
              nfs:                               # expect-violation: [restrictedVolumes] restricted volume types (volume "data" uses restricted volume type "nfs")
                server: nfs.example.com
                path: /exports
        """).assertMarkedViolations().assertObserved("true");
  }

  @Test
  void passesAFullyRestrictedStatefulSet() {
    tester.given("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: shop
        spec:
          template:
            spec:
              securityContext:
                runAsNonRoot: true
                runAsUser: 999
                seccompProfile:
                  type: RuntimeDefault
              containers:
                - name: db
                  image: db:1
                  securityContext:
                    allowPrivilegeEscalation: false
                    capabilities:
                      drop: ["ALL"]
        """).assertNoViolations();
  }

  @Test
  void reportsAHostPathVolumeOnlyThroughTheBaselineRule() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: shop
        spec:
          securityContext:
            runAsNonRoot: true
            seccompProfile:
              type: RuntimeDefault
          containers:
            - name: app
              image: app:1
              securityContext:
                allowPrivilegeEscalation: false
                capabilities:
                  drop: ["ALL"]
          volumes:
            - name: logs
              hostPath:
                path: /var/log
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableToConfigMaps() {
    tester.given("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
          namespace: shop
        data:
          seccomp: Unconfined
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
