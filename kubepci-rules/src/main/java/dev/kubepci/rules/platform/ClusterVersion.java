package dev.kubepci.rules.platform;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.model.FieldPath;
import dev.kubepci.model.ImageReference;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import io.fabric8.kubernetes.api.model.Node;
import java.util.Optional;

/**
 * The Kubernetes version of the control plane, from the best source in the input: the kube-apiserver image tag of a
 * static or mirror pod, the API server's /version (a live collection of a managed cluster), or failing those the
 * newest kubelet.
 *
 * @param resource the object the version was read from; null for the cluster's /version
 * @param path where in that object
 * @param source for reports
 */
record ClusterVersion(Version version, String text, Resource resource, FieldPath path, String source) {

  /** The cluster's version, worked out once per inventory. */
  static Optional<ClusterVersion> of(Inventory inventory) {
    return inventory.derived(ClusterVersion.class, ClusterVersion::compute);
  }

  private static Optional<ClusterVersion> compute(Inventory inventory) {
    // the API server's own pod first: a finding then names an object and a field, in files and clusters alike
    for (ControlPlane.Instance api : ControlPlane.of(inventory).instances(ControlPlane.Component.KUBE_APISERVER)) {
      String image = api.container().container().getImage();
      String tag = image == null || image.isBlank() ? null : ImageReference.parse(image).tag();
      if (tag != null && Version.find(tag).isPresent()) {
        return Optional.of(new ClusterVersion(Version.parse(tag), tag, api.pod(), api.container().path().child("image"),
            "kube-apiserver image"));
      }
    }
    String git = inventory.clusterInfo() == null ? null : inventory.clusterInfo().gitVersion();
    if (git != null && Version.find(git).isPresent()) {
      return Optional.of(new ClusterVersion(Version.parse(git), git, null, FieldPath.parse("version.gitVersion"),
          "API server /version"));
    }
    ClusterVersion newest = null;
    for (Resource r : inventory.ofKind("Node")) {
      Optional<String> kubelet = kubeletVersion(r);
      if (kubelet.isPresent() && Version.find(kubelet.get()).isPresent()) {
        Version v = Version.parse(kubelet.get());
        if (newest == null || v.compareTo(newest.version()) > 0) {
          newest = new ClusterVersion(v, kubelet.get(), r, KUBELET_PATH, "newest kubelet (control plane not in input)");
        }
      }
    }
    return Optional.ofNullable(newest);
  }

  static final FieldPath KUBELET_PATH = FieldPath.parse("status.nodeInfo.kubeletVersion");

  static Optional<String> kubeletVersion(Resource node) {
    return node.as(Node.class).map(n -> n.getStatus() == null || n.getStatus().getNodeInfo() == null ? null
        : n.getStatus().getNodeInfo().getKubeletVersion());
  }
}
