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

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final FieldPath METADATA = FieldPath.root().child("metadata");
  private static final FieldPath SPEC = FieldPath.root().child("spec");
  private static final FieldPath TEMPLATE = SPEC.child("template");
  private static final FieldPath JOB_TEMPLATE = SPEC.child("jobTemplate").child("spec").child("template");
  private static final FieldPath POD_TEMPLATE = FieldPath.root().child("template");

  private Workloads() {}

  public static boolean isWorkloadKind(String kind) {
    return KINDS.contains(kind);
  }

  /** The workload view of {@code resource}, or empty when it carries no pod spec. */
  public static Optional<Workload> of(Resource resource) {
    if (!isWorkloadKind(resource.kind())) {
      return Optional.empty();
    }
    Object o = resource.object();
    if (o instanceof Pod pod) {
      return build(resource, pod.getMetadata(), METADATA, pod.getSpec(), SPEC);
    }
    if (o instanceof Deployment d && d.getSpec() != null) {
      return template(resource, d.getSpec().getTemplate(), TEMPLATE);
    }
    if (o instanceof StatefulSet s && s.getSpec() != null) {
      return template(resource, s.getSpec().getTemplate(), TEMPLATE);
    }
    if (o instanceof DaemonSet ds && ds.getSpec() != null) {
      return template(resource, ds.getSpec().getTemplate(), TEMPLATE);
    }
    if (o instanceof ReplicaSet rs && rs.getSpec() != null) {
      return template(resource, rs.getSpec().getTemplate(), TEMPLATE);
    }
    if (o instanceof Job j && j.getSpec() != null) {
      return template(resource, j.getSpec().getTemplate(), TEMPLATE);
    }
    if (o instanceof CronJob cj && cj.getSpec() != null && cj.getSpec().getJobTemplate() != null
        && cj.getSpec().getJobTemplate().getSpec() != null) {
      return template(resource, cj.getSpec().getJobTemplate().getSpec().getTemplate(), JOB_TEMPLATE);
    }
    if (o instanceof ReplicationController rc && rc.getSpec() != null) {
      return template(resource, rc.getSpec().getTemplate(), TEMPLATE);
    }
    if (o instanceof PodTemplate pt) {
      return template(resource, pt.getTemplate(), POD_TEMPLATE);
    }
    return fromGeneric(resource);
  }

  private static Optional<Workload> fromGeneric(Resource resource) {
    Map<String, Object> root;
    if (resource.object() instanceof GenericKubernetesResource g) {
      root = g.getAdditionalProperties();
    } else {
      @SuppressWarnings("unchecked")
      Map<String, Object> converted = SERIALIZATION.convertValue(resource.object(), Map.class);
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
      ObjectMeta meta = resource.metadata();
      PodSpec spec = SERIALIZATION.convertValue(template.get("spec"), PodSpec.class);
      return build(resource, meta, METADATA, spec, SPEC);
    }
    PodTemplateSpec pts = SERIALIZATION.convertValue(template, PodTemplateSpec.class);
    return template(resource, pts, path);
  }

  private static Optional<Workload> template(Resource resource, PodTemplateSpec template, FieldPath path) {
    if (template == null) {
      return Optional.empty();
    }
    return build(resource, template.getMetadata(), path.child("metadata"), template.getSpec(), path.child("spec"));
  }

  private static Optional<Workload> build(Resource resource, ObjectMeta meta, FieldPath metaPath, PodSpec spec,
      FieldPath specPath) {
    if (spec == null) {
      return Optional.empty();
    }
    List<Container> ephemeral = new ArrayList<>();
    if (spec.getEphemeralContainers() != null) {
      for (EphemeralContainer e : spec.getEphemeralContainers()) {
        ephemeral.add(e == null ? null : SERIALIZATION.convertValue(e, Container.class));
      }
    }
    return Optional.of(new Workload(resource, meta, metaPath, spec, specPath,
        Workload.containerRefs(spec, specPath, ephemeral)));
  }
}
