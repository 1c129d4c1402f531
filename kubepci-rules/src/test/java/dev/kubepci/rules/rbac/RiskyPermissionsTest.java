package dev.kubepci.rules.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubepci.model.Inventory;
import dev.kubepci.rbac.Permission;
import dev.kubepci.rules.BuiltInRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a declared family reads its permissions: kubectl's resource notation, verb by verb. */
class RiskyPermissionsTest {
  @RiskyPermissions(table = "t", title = "T", value = {"create,update deployments.apps,pods/exec",
      "approve signers.certificates.k8s.io/approval"})
  static final class Declared {}

  static final class Undeclared {}

  @Test
  void readsEachEntryVerbByVerbInKubectlNotation() {
    List<Permission> permissions = RiskyGrants.Family.permissions(Declared.class.getAnnotation(
        RiskyPermissions.class));
    assertThat(permissions).containsExactly(
        Permission.of("create", "apps", "deployments", null), Permission.of("create", "", "pods", "exec"),
        Permission.of("update", "apps", "deployments", null), Permission.of("update", "", "pods", "exec"),
        Permission.of("approve", "certificates.k8s.io", "signers", "approval"));
    assertThat(RiskyGrants.Family.declaredBy(Declared.class).tableId()).isEqualTo("t");
  }

  @Test
  void aRuleThatDeclaresNoFamilyIsAnError() {
    assertThatThrownBy(() -> RiskyGrants.Family.declaredBy(Undeclared.class))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("@RiskyPermissions");
  }

  @Test
  void theDeclarationIsReadOncePerClass() {
    assertThat(RiskyGrants.Family.declaredBy(Declared.class)).isSameAs(RiskyGrants.Family.declaredBy(Declared.class));
  }

  /** The catalogue in core cannot see {@link RiskyPermissions}: this is where a rule missing it is caught. */
  @Test
  void everyBuiltInRiskyGrantRuleHasAFamily() {
    List<RiskyGrantRule> rules = BuiltInRules.all().stream().filter(r -> r instanceof RiskyGrantRule)
        .map(r -> (RiskyGrantRule) r).toList();
    assertThat(rules).hasSizeGreaterThan(10).allSatisfy(r -> assertThat(r.family(Inventory.of(List.of())))
        .as(r.getClass().getSimpleName()).isNotNull());
  }
}
