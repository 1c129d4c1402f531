package dev.kubepci.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectTest {
  @Test
  void parsesWhatUsersType() {
    assertThat(Subject.parse("user:alice@example.com")).isEqualTo(Subject.user("alice@example.com"));
    assertThat(Subject.parse("group:system:authenticated")).isEqualTo(Subject.group("system:authenticated"));
    assertThat(Subject.parse("serviceaccount:payments:api")).isEqualTo(Subject.serviceAccount("payments", "api"));
    assertThat(Subject.parse("sa:payments/api")).isEqualTo(Subject.serviceAccount("payments", "api"));
    assertThat(Subject.parse("system:serviceaccount:payments:api")).isEqualTo(Subject.serviceAccount("payments", "api"));
    assertThat(Subject.parse("user:system:anonymous")).isEqualTo(Subject.user("system:anonymous"));
    assertThatThrownBy(() -> Subject.parse("alice")).hasMessageContaining("user:NAME");
    assertThatThrownBy(() -> Subject.parse("sa:payments")).hasMessageContaining("serviceaccount:NAMESPACE:NAME");
  }

  @Test
  void serviceAccountSubjectDefaultsToTheRoleBindingsNamespace() {
    var sa = new SubjectBuilder().withKind("ServiceAccount").withName("ci").build();
    assertThat(Subject.fromBinding(sa, "shop")).contains(Subject.serviceAccount("shop", "ci"));
    assertThat(Subject.fromBinding(sa, null)).isEmpty();
    assertThat(Subject.fromBinding(new SubjectBuilder().withKind("Robot").withName("x").build(), "shop")).isEmpty();
  }

  @Test
  void userSubjectNamingAServiceAccountMatchesThatServiceAccount() {
    Identity ci = Identity.serviceAccount("shop", "ci");
    assertThat(Subject.user("system:serviceaccount:shop:ci").appliesTo(ci)).isTrue();
    assertThat(Subject.serviceAccount("shop", "ci").appliesTo(Identity.user("system:serviceaccount:shop:ci",
        List.of()))).isTrue();
    assertThat(Identity.user("system:serviceaccount:shop:ci", List.of()).groups())
        .contains("system:serviceaccounts:shop");
  }

  @Test
  void groupMembersImplyTheGroupsKubernetesAdds() {
    assertThat(Identity.memberOf("devs", List.of()).groups()).containsExactly("devs", "system:authenticated");
    assertThat(Identity.memberOf("system:serviceaccounts:shop", List.of()).groups()).containsExactly(
        "system:authenticated", "system:serviceaccounts", "system:serviceaccounts:shop");
    assertThat(Identity.memberOf("system:unauthenticated", List.of()).groups())
        .containsExactly("system:unauthenticated");
  }
}
