package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifests without metadata.namespace, as application repositories and helm template hold them. */
class NamespacelessInputTest {
  private static final String APP = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers: [{name: web, image: nginx:1.25}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: grafana}
      spec:
        rules:
          - host: grafana.example.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: grafana, port: {number: 3000}}}}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: secret-reader}
      rules:
        - {apiGroups: [""], resources: [secrets], verbs: [get, list, watch]}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: secret-reader}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: secret-reader}
      subjects:
        - {kind: ServiceAccount, name: controller}
      """;

  @Test
  void namespaceLevelRulesSeeObjectsPlacedByDashN(@TempDir Path dir) throws IOException {
    Path app = Files.writeString(dir.resolve("app.yaml"), APP);
    Path json = dir.resolve("report.json");
    Cli.Run run = Cli.run("scan", app.toString(), "-n", "shop", "--fail-on", "none", "--format", "json",
        "--output", json.toString(), "--format", "terminal");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertThat(rule(report, "KPCI-0007").path("status").asText()).isEqualTo("FAIL");
    assertThat(rule(report, "KPCI-0202").path("status").asText()).isEqualTo("FAIL");
    assertThat(rule(report, "KPCI-0315").path("status").asText()).isIn("FAIL", "PASS", "NOT_APPLICABLE");
    assertThat(report.path("ruleErrors")).isEmpty();
    JsonNode secretRead = findings(report, "KPCI-0202");
    assertThat(secretRead.path("resource").path("namespace").asText()).isEqualTo("shop");
    assertThat(secretRead.path("resource").path("source").path("assumedNamespace").asText()).isEqualTo("shop");
    assertThat(secretRead.path("message").asText()).contains("ServiceAccount shop/controller may");
    assertThat(run.out()).contains("RoleBinding/shop/secret-reader").contains("namespace shop assumed");
  }

  @Test
  void withoutDashNTheyGoToDefault(@TempDir Path dir) throws IOException {
    Path app = Files.writeString(dir.resolve("app.yaml"), APP);
    Cli.Run run = Cli.run("scan", app.toString(), "--fail-on", "none");
    assertThat(run.out()).contains("Namespace/default").contains("namespace default assumed");
  }

  @Test
  void whoCanPlacesNamespacelessRolesInTheNamespaceAskedAbout(@TempDir Path dir) throws IOException {
    Path app = Files.writeString(dir.resolve("app.yaml"), APP);
    Cli.Run run = Cli.run("who-can", "list", "secrets", "-n", "argocd", app.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("ServiceAccount argocd/controller");
    Cli.Run everywhere = Cli.run("who-can", "list", "secrets", app.toString());
    assertThat(everywhere.out()).contains("ServiceAccount default/controller");
  }

  private static JsonNode rule(JsonNode report, String id) {
    for (JsonNode r : report.path("rules")) {
      if (r.path("id").asText().equals(id)) {
        return r;
      }
    }
    throw new AssertionError("no rule " + id);
  }

  private static JsonNode findings(JsonNode report, String id) {
    for (JsonNode f : report.path("findings")) {
      if (f.path("rule").asText().equals(id)) {
        return f;
      }
    }
    throw new AssertionError("no finding of " + id);
  }
}
