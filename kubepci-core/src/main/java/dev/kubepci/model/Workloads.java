package dev.kubepci.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplate;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Extracts the pod spec, and its path, from any pod-owning kind, so that workload rules are written once for
 * Pods and every controller. Kinds read as generic objects (older API versions, Argo Rollouts, OpenShift
 * DeploymentConfigs) are handled through the same well-known template paths.
 */
public final class Workloads {
  /** Kinds whose objects carry a pod spec. */
  public static final Set<String> KINDS = Set.of(
      "Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob",
      "ReplicationController", "PodTemplate", "DeploymentConfig", "Rollout");

  private static final KubernetesSerialization SERIALIZATION = ModelSerialization.shared();
  private static final FieldPath METADATA = FieldPath.root().child("metadata");
  private static final FieldPath SPEC = FieldPath.root().child("spec");
  private static final FieldPath TEMPLATE = SPEC.child("template");
  private static final FieldPath JOB_TEMPLATE = SPEC.child("jobTemplate").child("spec").child("template");
  private static final FieldPath POD_TEMPLATE = FieldPath.root().child("template");
  // shared by every workload of a kind, so that compact resources can keep their shape for nothing
  private static final FieldPath TEMPLATE_METADATA = TEMPLATE.child("metadata");
  private static final FieldPath TEMPLATE_SPEC = TEMPLATE.child("spec");
  private static final FieldPath JOB_TEMPLATE_METADATA = JOB_TEMPLATE.child("metadata");
  private static final FieldPath JOB_TEMPLATE_SPEC = JOB_TEMPLATE.child("spec");
  private static final FieldPath POD_TEMPLATE_METADATA = POD_TEMPLATE.child("metadata");
  private static final FieldPath POD_TEMPLATE_SPEC = POD_TEMPLATE.child("spec");

  private Workloads() {}

  public static boolean isWorkloadKind(String kind) {
    return KINDS.contains(kind);
  }

  /** The workload view of {@code resource}, or empty when it carries no pod spec. */
  public static Optional<Workload> of(Resource resource) {
    if (!isWorkloadKind(resource.kind())) {
      return Optional.empty();
    }
    if (resource.isCompact()) {
      // where the pod template sits was noted when the object was read: no decoding until a rule reads the spec,
      // and the workload keeps no part of the decoded object, so that a list of every workload of a large cluster
      // stays small
      Shape shape = resource.compactShape();
      return shape == null ? Optional.empty()
          : Optional.of(new Workload(resource, shape.metaPath(), shape.specPath(), null));
    }
    return extract(resource).map(e -> new Workload(resource, e.metaPath(), e.specPath(), e.view()));
  }

  /** Where the pod template's metadata and spec sit in an object. */
  record Shape(FieldPath metaPath, FieldPath specPath) {}

  /** The shape of {@code object}, the decoded form of {@code resource}, or null when it carries no pod spec. */
  static Shape shapeOf(Resource resource, io.fabric8.kubernetes.api.model.HasMetadata object) {
    return extract(resource, object).map(e -> new Shape(e.metaPath(), e.specPath())).orElse(null);
  }

  /**
   * True when {@code resource} carries a pod spec, i.e. {@link #of} is not empty; a compact resource answers
   * without being decoded.
   */
  public static boolean hasPodSpec(Resource resource) {
    if (!isWorkloadKind(resource.kind())) {
      return false;
    }
    return resource.isCompact() ? resource.compactShape() != null : extract(resource, resource.object()).isPresent();
  }

  /** The view of a compact resource's workload, taken again from its decoded object. */
  static Workload.View view(Resource resource) {
    return extract(resource).orElseThrow(() -> new IllegalStateException(
        resource.ref().displayName() + " no longer decodes to a workload")).view();
  }

  /** Where the pod template sits in an object, and what it holds. */
  private record Extracted(FieldPath metaPath, FieldPath specPath, Workload.View view) {}

  private static Optional<Extracted> extract(Resource resource) {
    return extract(resource, resource.object());
  }

  private static Optional<Extracted> extract(Resource resource, Object o) {
    if (o instanceof Pod pod) {
      return build(pod.getMetadata(), METADATA, pod.getSpec(), SPEC);
    }
    if (o instanceof Deployment d && d.getSpec() != null) {
      return template(d.getSpec().getTemplate(), TEMPLATE);
    }
    if (o instanceof StatefulSet s && s.getSpec() != null) {
      return template(s.getSpec().getTemplate(), TEMPLATE);
    }
    if (o instanceof DaemonSet ds && ds.getSpec() != null) {
      return template(ds.getSpec().getTemplate(), TEMPLATE);
    }
    if (o instanceof ReplicaSet rs && rs.getSpec() != null) {
      return template(rs.getSpec().getTemplate(), TEMPLATE);
    }
    if (o instanceof Job j && j.getSpec() != null) {
      return template(j.getSpec().getTemplate(), TEMPLATE);
    }
    if (o instanceof CronJob cj && cj.getSpec() != null && cj.getSpec().getJobTemplate() != null
        && cj.getSpec().getJobTemplate().getSpec() != null) {
      return template(cj.getSpec().getJobTemplate().getSpec().getTemplate(), JOB_TEMPLATE);
    }
    if (o instanceof ReplicationController rc && rc.getSpec() != null) {
      return template(rc.getSpec().getTemplate(), TEMPLATE);
    }
    if (o instanceof PodTemplate pt) {
      return template(pt.getTemplate(), POD_TEMPLATE);
    }
    return fromGeneric(resource, o);
  }

  private static Optional<Extracted> fromGeneric(Resource resource, Object object) {
    Map<String, Object> root;
    if (object instanceof GenericKubernetesResource g) {
      root = g.getAdditionalProperties();
    } else {
      @SuppressWarnings("unchecked")
      Map<String, Object> converted = SERIALIZATION.convertValue(object, Map.class);
      root = converted;
    }
    FieldPath path = switch (resource.kind()) {
      case "Pod" -> FieldPath.root();
      case "CronJob" -> JOB_TEMPLATE;
      case "PodTemplate" -> POD_TEMPLATE;
      default -> TEMPLATE;
    };
    Object node = root;
    if (!path.isRoot()) {
      for (String key : path.toString().split("\\.")) {
        node = node instanceof Map<?, ?> m ? m.get(key) : null;
      }
    }
    if (!(node instanceof Map<?, ?> template)) {
      return Optional.empty();
    }
    if (path.isRoot()) {
      ObjectMeta meta = ((io.fabric8.kubernetes.api.model.HasMetadata) object).getMetadata();
      PodSpec spec = SERIALIZATION.convertValue(template.get("spec"), PodSpec.class);
      return build(meta == null ? new ObjectMeta() : meta, METADATA, spec, SPEC);
    }
    PodTemplateSpec pts = SERIALIZATION.convertValue(template, PodTemplateSpec.class);
    return template(pts, path);
  }

  private static Optional<Extracted> template(PodTemplateSpec template, FieldPath path) {
    if (template == null) {
      return Optional.empty();
    }
    FieldPath meta = path == TEMPLATE ? TEMPLATE_METADATA : path == JOB_TEMPLATE ? JOB_TEMPLATE_METADATA
        : path == POD_TEMPLATE ? POD_TEMPLATE_METADATA : path.child("metadata");
    FieldPath spec = path == TEMPLATE ? TEMPLATE_SPEC : path == JOB_TEMPLATE ? JOB_TEMPLATE_SPEC
        : path == POD_TEMPLATE ? POD_TEMPLATE_SPEC : path.child("spec");
    return build(template.getMetadata(), meta, template.getSpec(), spec);
  }

  private static Optional<Extracted> build(ObjectMeta meta, FieldPath metaPath, PodSpec spec, FieldPath specPath) {
    if (spec == null) {
      return Optional.empty();
    }
    List<Container> ephemeral = new ArrayList<>();
    if (spec.getEphemeralContainers() != null) {
      for (EphemeralContainer e : spec.getEphemeralContainers()) {
        ephemeral.add(e == null ? null : SERIALIZATION.convertValue(e, Container.class));
      }
    }
    return Optional.of(new Extracted(metaPath, specPath,
        new Workload.View(meta, spec, Workload.containerRefs(spec, specPath, ephemeral))));
  }
}
