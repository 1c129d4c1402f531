package dev.kubepci.collect.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.model.Coverage;
import org.junit.jupiter.api.Test;

class KindReportTest {
  private static KindReport report(KindReport.Outcome outcome, Integer status, String message) {
    return new KindReport("RoleBinding", "rbac.authorization.k8s.io", "v1", "rolebindings", true, outcome, 0, status,
        message);
  }

  @Test
  void collectedAndAbsentKindsAreNoGap() {
    assertThat(report(KindReport.Outcome.COLLECTED, null, null).coverage()).isEqualTo(Coverage.KindStatus.COLLECTED);
    assertThat(new KindReport("kyverno.io/ClusterPolicy", null, null, null, null, KindReport.Outcome.ABSENT, 0, null,
        null).coverage().collected()).isTrue();
  }

  @Test
  void aForbiddenKindNamesTheIdentityAndThePermission() {
    KindReport r = report(KindReport.Outcome.FORBIDDEN, 403, "rolebindings.rbac.authorization.k8s.io is forbidden: "
        + "User \"jane@example.com\" cannot list resource \"rolebindings\" in API group \"rbac.authorization.k8s.io\" "
        + "at the cluster scope");
    assertThat(r.deniedIdentity()).isEqualTo("jane@example.com");
    assertThat(r.coverage()).isEqualTo(Coverage.KindStatus.missing("forbidden: the identity jane@example.com cannot "
        + "list rolebindings.rbac.authorization.k8s.io (kubepci needs the list verb on resource rolebindings in API "
        + "group rbac.authorization.k8s.io, in all namespaces)"));
    assertThat(report(KindReport.Outcome.FORBIDDEN, 403, "denied by webhook").coverage().reason())
        .startsWith("forbidden: the identity used cannot list rolebindings.rbac.authorization.k8s.io");
  }

  @Test
  void failedAndConfigurationFileKindsSayWhy() {
    assertThat(report(KindReport.Outcome.FAILED, 503, "503 Service Unavailable").coverage().reason())
        .isEqualTo("could not list rolebindings.rbac.authorization.k8s.io: 503 Service Unavailable");
    assertThat(new KindReport("KubeletConfiguration", null, null, null, null, KindReport.Outcome.NOT_IN_API, 0, null,
        null).coverage().reason()).startsWith("KubeletConfiguration is a configuration file, not an API object");
  }

  @Test
  void outcomesAreWrittenInLowerCase() throws Exception {
    assertThat(SnapshotFormat.MAPPER.writeValueAsString(report(KindReport.Outcome.NOT_IN_API, null, null)))
        .contains("\"outcome\":\"not-in-api\"");
    assertThat(SnapshotFormat.MAPPER.readValue("{\"read\":\"Pod\",\"outcome\":\"forbidden\",\"count\":0}",
        KindReport.class).outcome()).isEqualTo(KindReport.Outcome.FORBIDDEN);
  }
}
