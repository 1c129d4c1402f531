package dev.kubepci.result;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.ResourceRef;
import org.junit.jupiter.api.Test;

class KubectlCommandTest {
  @Test
  void showsANamespacedFieldWithJsonPath() {
    assertThat(KubectlCommand.forEvidence(ResourceRef.of("apps/v1", "Deployment", "shop", "web"), FieldPath.parse("spec.template.spec.containers[0].securityContext.privileged")))
        .isEqualTo("kubectl get deployment.apps -n shop web -o "
            + "jsonpath='{.spec.template.spec.containers[0].securityContext.privileged}'");
  }

  @Test
  void usesThePlainKindForTheCoreGroupAndNoNamespaceForClusterObjects() {
    assertThat(KubectlCommand.forEvidence(ResourceRef.of("v1", "Namespace", null, "payments"), FieldPath.parse("metadata.labels")))
        .isEqualTo("kubectl get namespace payments -o jsonpath='{.metadata.labels}'");
  }

  @Test
  void escapesDotsInsideKeys() {
    assertThat(KubectlCommand.forEvidence(ResourceRef.of("v1", "Pod", "a", "p"), FieldPath.parse("metadata.labels['app.kubernetes.io/name']")))
        .isEqualTo("kubectl get pod -n a p -o jsonpath='{.metadata.labels.app\\.kubernetes\\.io/name}'");
  }

  @Test
  void showsTheWholeObjectWithoutAPathAndNothingWithoutAnObject() {
    assertThat(KubectlCommand.forEvidence(ResourceRef.of("kyverno.io/v1", "ClusterPolicy", null, "p"), FieldPath.root()))
        .isEqualTo("kubectl get clusterpolicy.kyverno.io p -o yaml");
    assertThat(KubectlCommand.forEvidence(null, FieldPath.parse("spec"))).isNull();
  }

  @Test
  void quotesEveryArgumentThatAShellWouldInterpret() {
    assertThat(KubectlCommand.forEvidence(ResourceRef.of("v1", "Pod", "shop", "web$(touch pwned)"), FieldPath.root()))
        .isEqualTo("kubectl get pod -n shop 'web$(touch pwned)' -o yaml");
    assertThat(KubectlCommand.forEvidence(ResourceRef.of("v1", "Pod", "a;b", "it's"), FieldPath.root()))
        .isEqualTo("kubectl get pod -n 'a;b' 'it'\\''s' -o yaml");
    assertThat(KubectlCommand.shellQuote("plain-name.v1")).isEqualTo("plain-name.v1");
    assertThat(KubectlCommand.shellQuote("")).isEqualTo("''");
    assertThat(KubectlCommand.shellQuote("a\nb")).isEqualTo("'a\nb'");
  }

  @Test
  void keepsANameThatLooksLikeAnOptionAfterTheEndOfOptions() {
    assertThat(KubectlCommand.forEvidence(ResourceRef.of("v1", "Pod", "-x", "--server=https://evil"), FieldPath.parse("spec")))
        .isEqualTo("kubectl get pod --namespace=-x -o jsonpath='{.spec}' -- --server=https://evil");
  }
}
