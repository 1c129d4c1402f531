package dev.kubepci.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.model.Resource;
import dev.kubepci.result.ProcessingError;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Component configuration files without metadata.name are named after their file. */
class ConfigurationFileNamesTest {
  private final List<Resource> read = new ArrayList<>();
  private final List<ProcessingError> errors = new ArrayList<>();
  private final ManifestReader reader = new ManifestReader(new ResourceSink() {
    @Override
    public void accept(Resource resource) {
      read.add(resource);
    }

    @Override
    public void error(ProcessingError error) {
      errors.add(error);
    }
  });

  @Test
  void namesAuditPolicyAndKubeletConfigurationAfterTheirFile() throws IOException {
    reader.read("control-plane/audit-policy.yaml", new StringReader("""
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
        """));
    reader.read("nodes/kubelet.yaml", new StringReader("""
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        metadata: {}
        readOnlyPort: 0
        ---
        apiVersion: apiserver.config.k8s.io/v1
        kind: EncryptionConfiguration
        resources: []
        """));
    assertThat(errors).isEmpty();
    assertThat(read).extracting(r -> r.kind() + " " + r.name())
        .containsExactly("Policy audit-policy", "KubeletConfiguration kubelet", "EncryptionConfiguration kubelet-2");
    assertThat(read.get(0).list("rules")).hasSize(1);
  }

  @Test
  void keepsANameThatIsGiven() throws IOException {
    reader.read("p.yaml", new StringReader("""
        apiVersion: audit.k8s.io/v1
        kind: Policy
        metadata: {name: pci-audit}
        rules: []
        """));
    assertThat(read).extracting(Resource::name).containsExactly("pci-audit");
  }

  @Test
  void otherKindsStillNeedAName() throws IOException {
    reader.read("cm.yaml", new StringReader("""
        apiVersion: kyverno.io/v1
        kind: Policy
        spec: {}
        """));
    assertThat(read).isEmpty();
    assertThat(errors).extracting(ProcessingError::message).containsExactly("Policy: missing metadata");
  }
}
