package dev.kubepci.model;

/** Something that stands for one Kubernetes object: its kind, name and namespace are those of its reference. */
public interface HasRef {
  ResourceRef ref();

  default String kind() {
    return ref().kind();
  }

  default String apiVersion() {
    return ref().apiVersion();
  }

  /** Null for cluster-scoped objects. */
  default String namespace() {
    return ref().namespace();
  }

  default String name() {
    return ref().name();
  }
}
