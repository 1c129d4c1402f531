package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** access against answers worked out by hand from the RBAC fixture and the example cluster. */
class AccessCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode access(String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("access"));
    all.addAll(List.of(args));
    all.addAll(List.of("--format", "json"));
    Cli.Run run = Cli.run(all.toArray(String[]::new));
    assertThat(run.code()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  private static List<String> grants(JsonNode grants) {
    List<String> out = new ArrayList<>();
    for (JsonNode g : grants) {
      out.add((g.has("via") ? "via " + g.get("via").asText() + ": " : "") + g.at("/binding/name").asText() + " "
          + g.at("/rule/origin").asText() + " rules[" + g.at("/rule/index").asInt() + "]");
    }
    return out;
  }

  @Test
  void serviceAccountGetsItsOwnAndItsImplicitGroupsGrants() throws IOException {
    JsonNode answer = access("serviceaccount:shop:ci", WhoCanCommandTest.FIXTURE);
    assertThat(answer.at("/identity/user").asText()).isEqualTo("system:serviceaccount:shop:ci");
    assertThat(answer.at("/identity/groups").toString())
        .isEqualTo("[\"system:authenticated\",\"system:serviceaccounts\",\"system:serviceaccounts:shop\"]");
    assertThat(grants(answer.get("clusterWide"))).containsExactly(
        "via Group system:authenticated: system:public-info-viewer ClusterRole/system:public-info-viewer rules[0]");
    JsonNode namespaces = answer.get("namespaces");
    assertThat(namespaces).hasSize(2);
    assertThat(namespaces.get(0).get("namespace").asText()).isEqualTo("shop");
    assertThat(grants(namespaces.get(0).get("grants"))).containsExactly(
        "deployers Role/shop/deployer rules[0]",
        "deployers Role/shop/deployer rules[1]",
        "via Group system:serviceaccounts:shop: service-accounts-read-secrets ClusterRole/secret-reader rules[0]");
    assertThat(namespaces.get(1).get("namespace").asText()).isEqualTo("web");
    assertThat(grants(namespaces.get(1).get("grants"))).hasSize(10)
        .allSatisfy(g -> assertThat(g).startsWith("via Group system:authenticated: everyone-views "
            + "ClusterRole/system:aggregate-to-view"));
  }

  @Test
  void groupMembersGetAggregatedRulesAndTheAuthenticatedGroup() throws IOException {
    JsonNode answer = access("group:ops", WhoCanCommandTest.FIXTURE);
    assertThat(grants(answer.get("clusterWide"))).containsExactly(
        "ops-team ClusterRole/nested-leaf rules[0]",
        "ops-team ClusterRole/ops-nodes rules[0]",
        "ops-team ClusterRole/ops-pods rules[0]",
        "ops-team ClusterRole/ops-pods rules[1]",
        "via Group system:authenticated: system:public-info-viewer ClusterRole/system:public-info-viewer rules[0]");
  }

  @Test
  void userWithIdentityProviderGroupAndNamespaceFilter() throws IOException {
    JsonNode answer = access("user:dana", "--group", "shop-devs", "-n", "shop", WhoCanCommandTest.FIXTURE);
    assertThat(answer.get("namespace").asText()).isEqualTo("shop");
    assertThat(answer.get("namespaces")).hasSize(1);
    assertThat(grants(answer.get("namespaces").get(0).get("grants"))).containsExactly(
        "via Group shop-devs: deployers Role/shop/deployer rules[0]",
        "via Group shop-devs: deployers Role/shop/deployer rules[1]");
  }

  @Test
  void anonymousGetsOnlyTheUnauthenticatedGroupsGrants() throws IOException {
    JsonNode answer = access("user:system:anonymous", WhoCanCommandTest.FIXTURE);
    assertThat(answer.at("/identity/groups").toString()).isEqualTo("[\"system:unauthenticated\"]");
    assertThat(grants(answer.get("clusterWide"))).containsExactly(
        "via Group system:unauthenticated: system:public-info-viewer ClusterRole/system:public-info-viewer rules[0]");
    assertThat(answer.get("namespaces")).isEmpty();
  }

  @Test
  void systemMastersMemberIsPrivileged() {
    Cli.Run run = Cli.run("access", "user:kubernetes-admin", "--group", "system:masters", WhoCanCommandTest.FIXTURE);
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("member of system:masters: every request is allowed");
  }

  @Test
  void defaultServiceAccountOfTheExampleIsClusterAdmin() {
    Cli.Run run = Cli.run("access", "sa:default:default", Cli.MANIFESTS);
    assertThat(run.code()).isZero();
    assertThat(run.out()).startsWith("What ServiceAccount default/default may do").contains("Cluster-wide")
        .contains("ClusterRoleBinding/acme-backup-agent").contains("ClusterRole/cluster-admin rules[0]");
  }

  @Test
  void badSubjectIsAUsageError() {
    Cli.Run run = Cli.run("access", "alice", WhoCanCommandTest.FIXTURE);
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("write user:NAME, group:NAME or serviceaccount:NAMESPACE:NAME");
  }

  @Test
  void writesTheAnswerToAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("out").resolve("access.json");
    Cli.Run run = Cli.run("access", "group:ops", WhoCanCommandTest.FIXTURE, "--format", "json", "--output",
        file.toString());
    assertThat(run.code()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(JSON.readTree(Files.readString(file)).at("/subject/name").asText()).isEqualTo("ops");
  }

  @Test
  void inputErrorsAreReportedAndTheRestAnswered(@TempDir Path dir) throws IOException {
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "kind: [unclosed\n");
    Cli.Run run = Cli.run("access", "group:ops", WhoCanCommandTest.FIXTURE, broken.toString());
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.out()).contains("ClusterRoleBinding/ops-team");
    assertThat(run.err()).contains("broken.yaml").contains("1 input error(s)");
  }
}
