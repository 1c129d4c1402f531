package dev.kubepci.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.model.Inventory;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.Resource;
import dev.kubepci.rbac.Rbac;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DefaultNamespaceTest {
  private static final String MIXED = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: web, image: nginx}]}
      ---
      apiVersion: extensions/v1beta1
      kind: Ingress
      metadata: {name: legacy}
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: creds}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: named, namespace: shop}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: cluster-wide}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: team}
      ---
      apiVersion: constraints.gatekeeper.sh/v1beta1
      kind: K8sRequiredLabels
      metadata: {name: labels}
      ---
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.example.com}
      spec:
        group: example.com
        scope: Namespaced
        names: {kind: Widget, plural: widgets}
        versions: [{name: v1, served: true, storage: true}]
      ---
      apiVersion: example.com/v1
      kind: Widget
      metadata: {name: w}
      ---
      apiVersion: unknown.example.com/v1
      kind: Gadget
      metadata: {name: g}
      ---
      apiVersion: kubelet.config.k8s.io/v1beta1
      kind: KubeletConfiguration
      metadata: {name: kubelet}
      """;

  @Test
  void putsNamespacedObjectsWithoutNamespaceWhereKubectlWould() {
    Map<String, Resource> byName = byName(DefaultNamespace.apply(read(MIXED), "shop"));
    assertThat(byName.get("web").namespace()).isEqualTo("shop");
    assertThat(byName.get("web").object().getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(((Provenance.FileSource) byName.get("web").provenance()).assumedNamespace()).isEqualTo("shop");
    assertThat(byName.get("web").provenance().describe()).isEqualTo("test.yaml:1 (document 1, namespace shop assumed)");
    // an old API version of a built-in kind has the scope of the kind today
    assertThat(byName.get("legacy").namespace()).isEqualTo("shop");
    // a custom kind whose CRD is in the input
    assertThat(byName.get("w").namespace()).isEqualTo("shop");
  }

  @Test
  void keepsClusterScopedAndNamedObjectsAsTheyAre() {
    Map<String, Resource> byName = byName(DefaultNamespace.apply(read(MIXED), null));
    assertThat(byName.get("named").namespace()).isEqualTo("shop");
    assertThat(((Provenance.FileSource) byName.get("named").provenance()).assumedNamespace()).isNull();
    for (String clusterScoped : List.of("cluster-wide", "team", "labels", "widgets.example.com", "kubelet")) {
      assertThat(byName.get(clusterScoped).namespace()).as(clusterScoped).isNull();
      assertThat(((Provenance.FileSource) byName.get(clusterScoped).provenance()).assumedNamespace()).as(clusterScoped).isNull();
    }
    // a custom kind of unknown scope is left alone rather than given a namespace the API server might not give it
    assertThat(byName.get("g").namespace()).isNull();
  }

  @Test
  void defaultsToDefault() {
    assertThat(byName(DefaultNamespace.apply(read(MIXED), null)).get("web").namespace()).isEqualTo("default");
    assertThat(byName(DefaultNamespace.apply(read(MIXED), " ")).get("web").namespace()).isEqualTo("default");
  }

  @Test
  void compactObjectsDecodeInTheirAssumedNamespace() {
    List<Resource> compact = new ArrayList<>();
    try {
      new ManifestReader(sink(compact), new CompactStore()).read("test.yaml", new StringReader(MIXED));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Resource secret = byName(DefaultNamespace.apply(compact, "shop")).get("creds");
    assertThat(secret.isCompact()).isTrue();
    assertThat(secret.namespace()).isEqualTo("shop");
    HasMetadata decoded = secret.object();
    assertThat(decoded.getMetadata().getNamespace()).isEqualTo("shop");
  }

  @Test
  void rbacSeesRolesAndBindingsWithoutNamespace() {
    Inventory inventory = Inventory.of(DefaultNamespace.apply(read("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: secrets}
        rules: [{apiGroups: [""], resources: [secrets], verbs: [get]}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: secrets}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: secrets}
        subjects: [{kind: ServiceAccount, name: app}]
        """), "argocd"));
    Rbac rbac = Rbac.of(inventory);
    assertThat(rbac.bindings()).singleElement().satisfies(b -> {
      assertThat(b.display()).isEqualTo("RoleBinding/argocd/secrets");
      assertThat(b.role()).isPresent();
    });
    assertThat(rbac.grants()).singleElement()
        .satisfies(g -> assertThat(g.subject().display()).isEqualTo("ServiceAccount argocd/app"));
  }

  @Test
  void clusterObjectsAreNeverGivenANamespace() {
    Resource fromCluster = new Resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder().withNewMetadata()
        .withName("odd").endMetadata().build(), Provenance.ofCluster("prod", null));
    assertThat(DefaultNamespace.apply(List.of(fromCluster), "shop").get(0).namespace()).isNull();
  }

  private static Map<String, Resource> byName(List<Resource> resources) {
    return resources.stream().collect(Collectors.toMap(Resource::name, Function.identity()));
  }

  private static List<Resource> read(String yaml) {
    List<Resource> resources = new ArrayList<>();
    try {
      new ManifestReader(sink(resources)).read("test.yaml", new StringReader(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return resources;
  }

  private static ResourceSink sink(List<Resource> into) {
    return new ResourceSink() {
      @Override
      public void accept(Resource resource) {
        into.add(resource);
      }

      @Override
      public void error(dev.kubepci.result.ProcessingError error) {
        throw new AssertionError(error.describe());
      }
    };
  }
}
