package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * who-can against answers worked out by hand from the RBAC fixture of the core tests (aggregation, groups, implicit
 * groups, namespaced and cluster bindings) and from the example cluster.
 */
class WhoCanCommandTest {
  static final String FIXTURE = Path.of("..", "kubepci-core", "src", "test", "resources", "dev", "kubepci", "rbac",
      "access-fixture.yaml").toString();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> subjects(String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("who-can"));
    all.addAll(List.of(args));
    all.addAll(List.of("--format", "json"));
    Cli.Run run = Cli.run(all.toArray(String[]::new));
    assertThat(run.code()).as(run.err()).isZero();
    List<String> out = new ArrayList<>();
    for (JsonNode s : JSON.readTree(run.out()).get("subjects")) {
      out.add(s.get("kind").asText() + " " + (s.has("namespace") ? s.get("namespace").asText() + "/" : "")
          + s.get("name").asText());
    }
    return out;
  }

  @Test
  void combinesClusterBindingsAndBindingsInTheNamespace() throws IOException {
    assertThat(subjects("get", "secrets", "-n", "shop", FIXTURE)).containsExactly("User auditor@example.com",
        "Group system:masters", "Group system:serviceaccounts:shop", "ServiceAccount monitoring/collector");
    assertThat(subjects("get", "secrets", "-n", "web", FIXTURE)).containsExactly("User auditor@example.com",
        "Group system:masters", "ServiceAccount monitoring/collector");
  }

  @Test
  void namedObjectAddsGrantsLimitedByResourceNames() throws IOException {
    assertThat(subjects("get", "secrets", "-n", "shop", "--name", "db-password", FIXTURE)).contains("User bob");
  }

  @Test
  void resolvesAggregatedRolesAndKubernetesDefaults() throws IOException {
    assertThat(subjects("create", "pods/exec", "-n", "shop", FIXTURE)).containsExactly("Group ops",
        "Group system:masters");
    assertThat(subjects("get", "configmaps", "-n", "web", FIXTURE)).containsExactly("Group ops",
        "Group system:authenticated", "Group system:masters");
    assertThat(subjects("update", "deployments.apps/scale", "-n", "shop", FIXTURE)).containsExactly(
        "Group shop-devs", "Group system:masters", "ServiceAccount shop/ci");
  }

  @Test
  void clusterScopedResourcesAndUrlsComeFromClusterBindings() throws IOException {
    assertThat(subjects("get", "nodes/proxy", FIXTURE)).containsExactly("Group ops", "Group system:masters");
    assertThat(subjects("get", "/version", FIXTURE)).containsExactly("Group system:authenticated",
        "Group system:masters", "Group system:unauthenticated");
  }

  @Test
  void terminalAnswerNamesBindingRoleAndRule() {
    Cli.Run run = Cli.run("who-can", "create", "pods/exec", "-n", "shop", FIXTURE);
    assertThat(run.code()).isZero();
    assertThat(run.out()).startsWith("Who can create pods/exec in namespace shop")
        .contains("Group ops").contains("ClusterRoleBinding/ops-team").contains("ClusterRole/ops")
        .contains("ClusterRole/ops-pods rules[1]")
        .contains("Group system:masters: always allowed")
        .contains("note: ClusterRoleBinding/carol-unknown refers to ClusterRole/does-not-exist");
  }

  @Test
  void jsonCarriesTheEvidenceOfEachGrant() throws IOException {
    Cli.Run run = Cli.run("who-can", "get", "secrets", "-n", "payments", Cli.DUMP, "--format", "json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode answer = JSON.readTree(run.out());
    assertThat(answer.at("/query/text").asText()).isEqualTo("get secrets in namespace payments");
    JsonNode ci = null;
    for (JsonNode s : answer.get("subjects")) {
      if (s.get("name").asText().equals("ci-deployer")) {
        ci = s;
      }
    }
    assertThat(ci).isNotNull();
    assertThat(ci.get("grants")).hasSize(2);
    JsonNode viaEdit = ci.get("grants").get(0);
    assertThat(viaEdit.at("/binding/name").asText()).isEqualTo("ci-deployer-edit");
    assertThat(viaEdit.at("/binding/source/line").asInt()).isPositive();
    assertThat(viaEdit.at("/role/name").asText()).isEqualTo("edit");
    assertThat(viaEdit.at("/role/aggregated").asBoolean()).isTrue();
    assertThat(viaEdit.at("/rule/origin").asText()).isEqualTo("ClusterRole/system:aggregate-to-edit");
    assertThat(viaEdit.at("/rule/originIsKubernetesDefault").asBoolean()).isTrue();
    assertThat(answer.get("alwaysAllowed").get(0).asText()).isEqualTo("Group system:masters");
  }

  @Test
  void unknownResourceIsAUsageError() {
    Cli.Run run = Cli.run("who-can", "get", "widgets", FIXTURE);
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("unknown resource 'widgets'").contains("RESOURCE.GROUP");
  }

  @Test
  void missingInputIsAUsageError() {
    Cli.Run run = Cli.run("who-can", "get", "secrets");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("no input given");
  }

  @Test
  void readsStandardInput() {
    Cli.Run run = Cli.runWithStdin("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: admins}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects:
          - {kind: User, name: root}
        """, "who-can", "delete", "nodes", "-");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("User root").contains("ClusterRole/cluster-admin (Kubernetes default)");
  }

  @Test
  void helpDescribesBothQueryCommands() {
    for (String command : List.of("who-can", "access")) {
      Cli.Run run = Cli.run(command, "--help");
      assertThat(run.code()).isZero();
      assertThat(run.out()).startsWith("Usage: kubepci " + command).contains("Exit codes: 0 answered");
    }
    assertThat(Cli.run("--help").out()).contains("who-can").contains("access");
  }
}
