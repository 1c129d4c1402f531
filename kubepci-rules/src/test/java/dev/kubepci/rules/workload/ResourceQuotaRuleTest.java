package dev.kubepci.rules.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.rule.Severity;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ResourceQuotaRuleTest {
  private final RuleTester tester = RuleTester.of(new ResourceQuotaRule());

  @Test
  void flagsNamespaceWithoutQuotaOrLimitRange() {
    var given = tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: web              # expect-violation: namespace web runs 1 workload and no ResourceQuota caps its CPU or memory
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: shop
          namespace: web
        spec:
          template:
            spec:
              containers:
                - name: shop
                  image: shop:1
        """).assertMarkedViolations();
    assertThat(given.findings()).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.message()).isEqualTo("namespace web runs 1 workload and no ResourceQuota caps its CPU or memory, "
          + "and no LimitRange gives containers default limits (1 container(s) set none)");
    });
  }

  @Test
  void flagsQuotaThatCapsCpuOnlyAndListsItInTheTable() {
    var given = tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: jobs               # expect-violation: no ResourceQuota caps its memory (quotas: cpu-only (limits.cpu))
        ---
        apiVersion: v1
        kind: ResourceQuota
        metadata:
          name: cpu-only
          namespace: jobs
        spec:
          hard:
            limits.cpu: "4"
        ---
        apiVersion: v1
        kind: LimitRange
        metadata:
          name: defaults
          namespace: jobs
        spec:
          limits:
            - type: Container
              default:
                cpu: 500m
                memory: 256Mi
        ---
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: nightly
          namespace: jobs
        spec:
          template:
            spec:
              initContainers:
                - name: fetch
                  image: fetch:1
              containers:
                - name: run
                  image: run:1
        """).assertMarkedViolations();
    assertThat(given.result().tables()).singleElement().satisfies(t -> {
      assertThat(t.id()).isEqualTo("resource-quotas");
      assertThat(t.rows()).containsExactly(java.util.List.of("jobs", "1", "cpu-only (limits.cpu)",
          "defaults (container defaults)", "0"));
    });
  }

  @Test
  void flagsMissingContainerDefaultsWithLowSeverityWhenTheQuotaIsThere() {
    var given = tester.given("""
        apiVersion: v1
        kind: ResourceQuota
        metadata:
          name: compute
          namespace: api
        spec:
          hard:
            cpu: "2"
            memory: 2Gi
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api                # expect-violation: namespace api runs 1 workload and no LimitRange gives containers default limits
          namespace: api
        spec:
          template:
            spec:
              containers:
                - name: api
                  image: api:1
                  resources:
                    limits:
                      cpu: 100m
                      memory: 64Mi
        """).assertMarkedViolations();
    assertThat(given.findings()).extracting(f -> f.severity()).containsExactly(Severity.LOW);
  }

  @Test
  void passesNamespaceWithQuotaAndLimitRange() {
    tester.given("""
        apiVersion: v1
        kind: ResourceQuota
        metadata:
          name: compute
          namespace: payments
        spec:
          hard:
            requests.cpu: "2"
            requests.memory: 4Gi
        ---
        apiVersion: v1
        kind: LimitRange
        metadata:
          name: defaults
          namespace: payments
        spec:
          limits:
            - type: Container
              default:
                memory: 256Mi
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
          namespace: payments
        spec:
          containers:
            - name: api
              image: api:1
        """).assertNoViolations();
  }

  @Test
  void reportsOnAReferencedNamespaceThatIsNotInTheInput() {
    tester.given("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db               # expect-violation: namespace data runs 1 workload and no ResourceQuota
          namespace: data
        spec:
          template:
            spec:
              containers:
                - name: db
                  image: db:1
                  resources:
                    limits:
                      cpu: "1"
                      memory: 1Gi
        """).assertMarkedViolations();
  }

  @Test
  void isNotApplicableWithoutWorkloads() {
    tester.given("""
        apiVersion: v1
        kind: ResourceQuota
        metadata:
          name: compute
          namespace: empty
        spec:
          hard:
            limits.cpu: "1"
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
