package dev.kubepci.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pod-spec view of any pod-owning object (Pod, Deployment, CronJob, PodTemplate ...): the pod template's
 * metadata and spec, with the paths where they sit in the owning object. Built by {@link Workloads}.
 */
public final class Workload implements HasRef {
  private final Resource resource;
  private final FieldPath podMetadataPath;
  private final FieldPath podSpecPath;
  /** Null for a compact resource: the view is taken again from the decoded object each time it is asked for. */
  private final View view;

  /** The pod template's metadata and spec with its containers, as read from one decoded object. */
  record View(ObjectMeta podMetadata, PodSpec podSpec, List<ContainerRef> containers) {
    View {
      podMetadata = podMetadata == null ? new ObjectMeta() : podMetadata;
      Objects.requireNonNull(podSpec);
      containers = List.copyOf(containers);
    }
  }

  Workload(Resource resource, FieldPath podMetadataPath, FieldPath podSpecPath, View view) {
    this.resource = Objects.requireNonNull(resource);
    this.podMetadataPath = podMetadataPath;
    this.podSpecPath = podSpecPath;
    this.view = view;
  }

  private View view() {
    return view != null ? view : Workloads.view(resource);
  }

  public Resource resource() {
    return resource;
  }

  @Override
  public ResourceRef ref() {
    return resource.ref();
  }

  public ObjectMeta podMetadata() {
    return view().podMetadata();
  }

  public Map<String, String> podLabels() {
    ObjectMeta podMetadata = podMetadata();
    return podMetadata.getLabels() == null ? Map.of() : podMetadata.getLabels();
  }

  public Map<String, String> podAnnotations() {
    ObjectMeta podMetadata = podMetadata();
    return podMetadata.getAnnotations() == null ? Map.of() : podMetadata.getAnnotations();
  }

  public FieldPath podMetadataPath() {
    return podMetadataPath;
  }

  public PodSpec podSpec() {
    return view().podSpec();
  }

  public FieldPath podSpecPath() {
    return podSpecPath;
  }

  /** Init containers first, then containers, then ephemeral containers, each with its path. */
  public List<ContainerRef> containers() {
    return view().containers();
  }

  /** The service account the pods run as; {@code default} when the field is absent, as Kubernetes does. */
  public String serviceAccountName() {
    PodSpec podSpec = podSpec();
    String sa = podSpec.getServiceAccountName();
    if (sa == null || sa.isEmpty()) {
      sa = podSpec.getServiceAccount();
    }
    return sa == null || sa.isEmpty() ? "default" : sa;
  }

  public boolean isWindows() {
    PodSpec podSpec = podSpec();
    return podSpec.getOs() != null && "windows".equalsIgnoreCase(podSpec.getOs().getName());
  }

  /** A container of the workload with its kind and path. */
  public record ContainerRef(Container container, ContainerType type, FieldPath path) {
    public String name() {
      return container.getName();
    }

    /** e.g. {@code init container "setup"}: how messages name a container. */
    public String describe() {
      return type.label() + " \"" + container.getName() + "\"";
    }
  }

  /** Which list of the pod spec a container belongs to. */
  public enum ContainerType {
    INIT("initContainers", "init container"),
    CONTAINER("containers", "container"),
    EPHEMERAL("ephemeralContainers", "ephemeral container");

    private final String field;
    private final String label;

    ContainerType(String field, String label) {
      this.field = field;
      this.label = label;
    }

    public String field() {
      return field;
    }

    public String label() {
      return label;
    }
  }

  static List<ContainerRef> containerRefs(PodSpec spec, FieldPath specPath, List<Container> ephemeral) {
    List<ContainerRef> refs = new ArrayList<>();
    add(refs, spec.getInitContainers(), ContainerType.INIT, specPath);
    add(refs, spec.getContainers(), ContainerType.CONTAINER, specPath);
    add(refs, ephemeral, ContainerType.EPHEMERAL, specPath);
    return refs;
  }

  private static void add(List<ContainerRef> refs, List<Container> list, ContainerType type, FieldPath specPath) {
    if (list == null) {
      return;
    }
    FieldPath base = specPath.child(type.field());
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) != null) {
        refs.add(new ContainerRef(list.get(i), type, base.index(i)));
      }
    }
  }
}
