package dev.kubepci.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Resource;
import dev.kubepci.result.ProcessingError;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubeconfigReaderTest {
  private final List<Resource> resources = new ArrayList<>();
  private final List<ProcessingError> errors = new ArrayList<>();

  private String read(String yaml) throws IOException {
    new ManifestReader(new ResourceSink() {
      @Override
      public void accept(Resource resource) {
        resources.add(resource);
      }

      @Override
      public void error(ProcessingError error) {
        errors.add(error);
      }
    }).read("config", new StringReader(yaml));
    return yaml;
  }

  private static String certificateData() throws IOException {
    try (InputStream in = KubeconfigReaderTest.class.getResourceAsStream("/dev/kubepci/pki/kubernetes-admin.crt")) {
      return Base64.getEncoder().encodeToString(in.readAllBytes());
    }
  }

  private Resource find(String kind, String name) {
    return resources.stream().filter(r -> r.kind().equals(kind) && r.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void turnsEachUserAndClusterIntoAnEvidenceObject() throws IOException {
    String yaml = read("""
        apiVersion: v1
        kind: Config
        current-context: admin@prod
        clusters:
          - name: prod
            cluster:
              server: https://10.0.0.1:6443
              certificate-authority-data: Q0EtREFUQQ==
          - name: lab
            cluster:
              server: https://lab:6443
              insecure-skip-tls-verify: true
        users:
          - name: admin
            user:
              client-certificate-data: %s
              client-key-data: S0VZLURBVEE=
          - name: ci
            user:
              token: very-secret-token
          - name: alice
            user:
              exec:
                apiVersion: client.authentication.k8s.io/v1
                command: kubectl
                args: [oidc-login, get-token]
                env:
                  - {name: SECRET, value: do-not-print}
        contexts:
          - name: admin@prod
            context: {cluster: prod, user: admin}
          - name: ci@lab
            context: {cluster: lab, user: ci}
        """.formatted(certificateData()));
    assertThat(errors).isEmpty();
    assertThat(resources).extracting(r -> r.kind() + "/" + r.name()).containsExactly("KubeconfigUser/admin",
        "KubeconfigUser/ci", "KubeconfigUser/alice", "KubeconfigCluster/prod", "KubeconfigCluster/lab");
    Resource admin = find("KubeconfigUser", "admin");
    assertThat(admin.apiVersion()).isEqualTo("kubepci.dev/v1");
    assertThat(admin.field("spec", "current")).contains(true);
    assertThat(admin.field("spec", "contexts")).contains(List.of("admin@prod"));
    assertThat(admin.string("spec", "certificate", "commonName")).contains("kubernetes-admin");
    assertThat(admin.field("spec", "certificate", "organizations")).contains(List.of("kubeadm:cluster-admins"));
    assertThat(admin.string("spec", "user", "client-key-data")).get().asString().startsWith("<redacted digest:");
    assertThat(find("KubeconfigUser", "ci").string("spec", "user", "token")).get().asString()
        .startsWith("<redacted digest:").doesNotContain("very-secret");
    assertThat(find("KubeconfigUser", "alice").map("spec", "user").toString()).doesNotContain("do-not-print");
    assertThat(find("KubeconfigCluster", "lab").field("spec", "cluster", "insecure-skip-tls-verify")).contains(true);
    assertThat(find("KubeconfigCluster", "prod").string("spec", "cluster", "certificate-authority-data"))
        .get().asString().startsWith("<sha256:");
    // every evidence object points at the kubeconfig document, so paths locate their line in the file
    assertThat(SourceLocator.locateAll(new StringReader(yaml), List.of(new SourceLocator.Request(1, 1, FieldPath.parse("users[1].user.token")))).values().iterator().next())
        .isEqualTo(20);
  }

  @Test
  void noSecretReachesTheInventory() throws IOException {
    read("""
        apiVersion: v1
        kind: Config
        users:
          - name: basic
            user: {username: admin, password: hunter2-password}
          - name: legacy-oidc
            user:
              auth-provider:
                name: oidc
                config: {id-token: eyJ-id-token, refresh-token: refresh-me, client-id: kubernetes}
        """);
    for (Resource r : resources) {
      String all = r.map("spec").toString();
      assertThat(all).doesNotContain("hunter2").doesNotContain("eyJ-id-token").doesNotContain("refresh-me");
    }
    assertThat(find("KubeconfigUser", "legacy-oidc").string("spec", "user", "auth-provider", "config", "client-id"))
        .contains("kubernetes");
  }

  @Test
  void unreadableCertificateIsRecordedNotFatal() throws IOException {
    read("""
        apiVersion: v1
        kind: Config
        users:
          - name: placeholder
            user:
              client-certificate-data: %s
        """.formatted(Base64.getEncoder().encodeToString(
        "-----BEGIN CERTIFICATE-----\nEXAMPLE\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII))));
    assertThat(errors).isEmpty();
    assertThat(find("KubeconfigUser", "placeholder").string("spec", "certificate", "error")).get().asString()
        .contains("could not be read");
  }

  @Test
  void reportsAKubeconfigWithoutEntriesAsAnInputError() throws IOException {
    read("""
        apiVersion: v1
        kind: Config
        preferences: {}
        """);
    assertThat(resources).isEmpty();
    assertThat(errors).extracting(ProcessingError::message).containsExactly("kubeconfig: no users and no clusters");
  }

  @Test
  void reportsAnEntryWithoutName() throws IOException {
    read("""
        apiVersion: v1
        kind: Config
        users:
          - user: {token: abc}
        """);
    assertThat(errors).extracting(ProcessingError::message).containsExactly("kubeconfig: users[0] has no name");
  }
}
