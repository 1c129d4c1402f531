#!/usr/bin/env python3
"""Regenerate ../cluster-dump.yaml from ../manifests and ../control-plane.

The dump is what `kubectl get <kinds> -A -o yaml` prints for the example
cluster: every manifest object with server fields, API defaults and status,
plus what only exists in a live cluster (nodes, ReplicaSets, pods, mirror
pods, kubeadm add-ons, default RBAC, generated Secrets, scanner reports).

Output is deterministic: identifiers, hashes and addresses are derived from
object names, and timestamps come from the tables below. Secret values are
never written (the dump is taken with values redacted).

Usage: python3 tools/generate_cluster_dump.py   (needs PyYAML)
"""
import copy
import glob
import hashlib
import json
import os
import uuid

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Files applied by hand with `kubectl apply` (client-side), so their objects
# carry the last-applied-configuration annotation.
HAND_APPLIED = {
    "manifests/web/storefront.yaml",
    "manifests/monitoring/grafana.yaml",
    "manifests/kubernetes-dashboard/dashboard.yaml",
    "manifests/rbac/cluster-role-bindings.yaml",
    "manifests/rbac/vendor-acme-backup-agent.yaml",
}

NAMESPACE_TIME = {
    "default": "2024-09-03T08:12:58Z",
    "kube-system": "2024-09-03T08:12:58Z",
    "kube-public": "2024-09-03T08:12:58Z",
    "kube-node-lease": "2024-09-03T08:12:58Z",
    "kubernetes-dashboard": "2024-09-04T16:21:09Z",
    "ingress-nginx": "2024-09-05T10:02:11Z",
    "monitoring": "2024-09-06T13:40:27Z",
    "logging": "2024-09-06T14:05:52Z",
    "external-secrets": "2024-09-09T12:30:14Z",
    "payments": "2024-09-10T09:15:33Z",
    "web": "2024-10-01T11:48:20Z",
    "falco": "2024-11-18T10:11:45Z",
    "kyverno": "2024-11-20T15:02:38Z",
}

# Creation time of cluster-scoped objects, by name.
CLUSTER_TIME = {
    "gvisor": "2024-09-10T08:55:02Z",
    "nginx": "2024-09-05T10:02:14Z",
    "deny-web-to-cde": "2025-01-15T10:42:19Z",
    "alice-cluster-admin": "2024-12-02T23:17:45Z",
    "status-page-anonymous-view": "2025-01-28T15:33:02Z",
    "acme-backup-agent": "2024-10-17T09:48:51Z",
    "kubernetes-dashboard-view": "2024-09-04T16:21:10Z",
    "ingress-nginx-admission": "2024-09-05T10:02:14Z",
    "kyverno-resource-validating-webhook-cfg": "2024-11-20T15:03:31Z",
    "vault-payments": "2024-09-09T12:41:50Z",
    "payments-pod-security-restricted": "2024-11-21T09:12:40Z",
    "restrict-image-registries": "2024-11-21T09:12:40Z",
    "verify-payments-image-signatures": "2025-01-30T14:05:11Z",
}
DEFAULT_CLUSTER_TIME = "2024-09-12T10:20:31Z"

# When each controller last rolled out its pods, and the revision it is at.
ROLLOUT = {
    "payment-api": ("2025-03-11T14:22:05Z", 7),
    "card-tokenizer": ("2025-02-20T10:03:41Z", 3),
    "storefront": ("2025-03-13T16:05:12Z", 12),
    "ingress-nginx-controller": ("2025-01-09T09:30:04Z", 3),
    "prometheus-server": ("2024-12-03T08:00:10Z", 2),
    "grafana": ("2025-01-22T13:14:15Z", 4),
    "kyverno-admission-controller": ("2025-02-04T11:00:27Z", 2),
    "external-secrets": ("2025-02-04T11:20:40Z", 2),
    "kubernetes-dashboard": ("2024-09-04T16:21:40Z", 1),
    "metrics-server": ("2024-09-03T08:40:12Z", 1),
    "coredns": ("2025-01-07T06:10:33Z", 2),
    "payments-db": ("2025-02-20T10:10:05Z", 4),
    "kube-proxy": ("2025-01-07T06:05:18Z", 2),
    "calico-node": ("2024-12-10T09:00:41Z", 2),
    "node-exporter": ("2024-12-03T08:01:55Z", 1),
    "fluent-bit": ("2025-01-15T11:25:09Z", 3),
    "falco": ("2025-02-12T10:44:20Z", 2),
}

# Which node each replica of a Deployment / StatefulSet runs on.
PLACEMENT = {
    "payment-api": ["pci-worker-1", "pci-worker-1"],
    "card-tokenizer": ["pci-worker-1"],
    "payments-db": ["pci-worker-1"],
    "storefront": ["pci-worker-2", "pci-worker-3"],
    "ingress-nginx-controller": ["pci-worker-3"],
    "prometheus-server": ["pci-worker-2"],
    "grafana": ["pci-worker-3"],
    "kyverno-admission-controller": ["pci-worker-2"],
    "external-secrets": ["pci-worker-3"],
    "kubernetes-dashboard": ["pci-worker-2"],
    "metrics-server": ["pci-worker-3"],
    "coredns": ["pci-cp-1", "pci-worker-2"],
    "settlement-batch": ["pci-worker-2"],
}

NODES = {
    # Per node: address, pod CIDR, first address of its Calico block, versions, labels beyond the
    # standard ones, taints and extra runtime handlers.
    "pci-cp-1": dict(ip="10.0.10.10", cidr="192.168.0.0/24", block="192.168.12.64",
                     kubelet="v1.31.4", runtime="containerd://1.7.24", kernel="6.8.0-51-generic",
                     os="Ubuntu 24.04.1 LTS", created="2024-09-03T08:12:51Z",
                     labels={"node-role.kubernetes.io/control-plane": "",
                             "node.kubernetes.io/exclude-from-external-load-balancers": "",
                             "topology.kubernetes.io/zone": "eu-central-dc1-a"},
                     taints=[{"effect": "NoSchedule", "key": "node-role.kubernetes.io/control-plane"}],
                     handlers=[]),
    "pci-worker-1": dict(ip="10.0.10.21", cidr="192.168.1.0/24", block="192.168.41.0",
                         kubelet="v1.31.4", runtime="containerd://1.7.24", kernel="6.8.0-51-generic",
                         os="Ubuntu 24.04.1 LTS", created="2024-09-03T08:31:27Z",
                         labels={"node-role.kubernetes.io/worker": "", "pci.example.com/pool": "cde",
                                 "sandbox.example.com/gvisor": "true",
                                 "topology.kubernetes.io/zone": "eu-central-dc1-a"},
                         taints=[{"effect": "NoSchedule", "key": "pci.example.com/pool", "value": "cde"}],
                         handlers=["runsc"]),
    "pci-worker-2": dict(ip="10.0.10.22", cidr="192.168.2.0/24", block="192.168.77.128",
                         kubelet="v1.31.4", runtime="containerd://1.7.24", kernel="6.8.0-51-generic",
                         os="Ubuntu 24.04.1 LTS", created="2024-09-03T08:31:40Z",
                         labels={"node-role.kubernetes.io/worker": "", "pci.example.com/pool": "general",
                                 "topology.kubernetes.io/zone": "eu-central-dc1-b"},
                         taints=[], handlers=[]),
    # Left behind in the January upgrade: older kubelet, containerd and kernel.
    "pci-worker-3": dict(ip="10.0.10.23", cidr="192.168.3.0/24", block="192.168.150.192",
                         kubelet="v1.31.1", runtime="containerd://1.6.24", kernel="5.15.0-88-generic",
                         os="Ubuntu 22.04.3 LTS", created="2024-09-03T08:31:52Z",
                         labels={"node-role.kubernetes.io/worker": "", "pci.example.com/pool": "general",
                                 "topology.kubernetes.io/zone": "eu-central-dc1-c"},
                         taints=[], handlers=[]),
}

KIND_ORDER = [
    "Namespace", "Node", "ServiceAccount", "Secret", "ConfigMap", "Service", "Endpoints",
    "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "CronJob", "Job", "Pod",
    "PersistentVolumeClaim", "ResourceQuota", "LimitRange", "Ingress", "IngressClass",
    "NetworkPolicy", "GlobalNetworkPolicy", "RuntimeClass", "ClusterRole", "ClusterRoleBinding",
    "Role", "RoleBinding", "ValidatingWebhookConfiguration", "ClusterPolicy", "ClusterSecretStore",
    "ExternalSecret", "VulnerabilityReport",
]

GENERATION_KINDS = {
    "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "CronJob", "Job", "NetworkPolicy",
    "Ingress", "IngressClass", "ValidatingWebhookConfiguration", "ClusterPolicy",
    "ClusterSecretStore", "ExternalSecret", "GlobalNetworkPolicy", "VulnerabilityReport",
}

PRIORITY = {"system-node-critical": 2000001000, "system-cluster-critical": 2000000000}


# ---------------------------------------------------------------- helpers

def sha(*parts):
    return hashlib.sha256("/".join(str(p) for p in parts).encode()).hexdigest()


def uid_of(kind, ns, name):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"kubepci-example/{kind}/{ns}/{name}"))


ALPHABET = "bcdfghjklmnpqrstvwxz2456789"


def rand_suffix(seed, n):
    v = int(sha("suffix", seed), 16)
    out = ""
    for _ in range(n):
        out += ALPHABET[v % len(ALPHABET)]
        v //= len(ALPHABET)
    return out


def resource_version(seed):
    return str(1_000_000 + int(sha("rv", seed), 16) % 8_000_000)


def plus(ts, seconds):
    import datetime
    t = datetime.datetime.strptime(ts, "%Y-%m-%dT%H:%M:%SZ") + datetime.timedelta(seconds=seconds)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def offset(seed, spread=600):
    return int(sha("offset", seed), 16) % spread


def creation_time(kind, ns, name):
    if ns:
        return plus(NAMESPACE_TIME[ns], 2 + offset((kind, ns, name), 240))
    if kind == "Namespace":
        return NAMESPACE_TIME[name]
    return CLUSTER_TIME.get(name, DEFAULT_CLUSTER_TIME)


def server_meta(obj, created=None):
    md = obj["metadata"]
    kind, ns, name = obj["kind"], md.get("namespace", ""), md["name"]
    md["uid"] = uid_of(kind, ns, name)
    md["resourceVersion"] = resource_version((kind, ns, name))
    md["creationTimestamp"] = created or creation_time(kind, ns, name)
    if kind in GENERATION_KINDS:
        md.setdefault("generation", 1)
    return obj


def owner_ref(obj, controller=True):
    ref = {"apiVersion": obj["apiVersion"], "kind": obj["kind"], "name": obj["metadata"]["name"],
           "uid": obj["metadata"]["uid"]}
    if controller:
        ref["blockOwnerDeletion"] = True
        ref["controller"] = True
    return ref


def image_digest(image, variant=""):
    if "@sha256:" in image:
        return image.split("@sha256:")[1]
    return sha("image", image, variant)


def image_id(image, variant=""):
    repo = image.split("@")[0]
    last = repo.rsplit("/", 1)[-1]
    if ":" in last:
        repo = repo[: repo.rindex(":")]
    if "/" not in repo or "." not in repo.split("/")[0]:
        repo = "docker.io/" + ("library/" + repo if "/" not in repo else repo)
    return f"{repo}@sha256:{image_digest(image, variant)}"


def default_pull_policy(image):
    if "@sha256:" in image:
        return "IfNotPresent"
    last = image.rsplit("/", 1)[-1]
    if ":" not in last or last.endswith(":latest"):
        return "Always"
    return "IfNotPresent"


def default_probe(p):
    if p is None:
        return
    p.setdefault("failureThreshold", 3)
    p.setdefault("periodSeconds", 10)
    p.setdefault("successThreshold", 1)
    p.setdefault("timeoutSeconds", 1)
    if "httpGet" in p:
        p["httpGet"].setdefault("scheme", "HTTP")


def default_container(c):
    c.setdefault("imagePullPolicy", default_pull_policy(c["image"]))
    c.setdefault("resources", {})
    c.setdefault("terminationMessagePath", "/dev/termination-log")
    c.setdefault("terminationMessagePolicy", "File")
    for port in c.get("ports", []):
        port.setdefault("protocol", "TCP")
    for env in c.get("env", []):
        fr = env.get("valueFrom", {}).get("fieldRef")
        if fr:
            fr.setdefault("apiVersion", "v1")
    for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
        default_probe(c.get(probe))


def default_pod_spec(spec, host_network_ports=True):
    for c in spec.get("initContainers", []) + spec["containers"]:
        default_container(c)
        if spec.get("hostNetwork") and host_network_ports:
            for port in c.get("ports", []):
                port.setdefault("hostPort", port["containerPort"])
    spec.setdefault("dnsPolicy", "ClusterFirst")
    spec.setdefault("restartPolicy", "Always")
    spec.setdefault("schedulerName", "default-scheduler")
    spec.setdefault("securityContext", {})
    spec.setdefault("terminationGracePeriodSeconds", 30)
    if "serviceAccountName" in spec:
        spec["serviceAccount"] = spec["serviceAccountName"]
    for v in spec.get("volumes", []):
        if "configMap" in v:
            v["configMap"].setdefault("defaultMode", 420)
        if "secret" in v:
            v["secret"].setdefault("defaultMode", 420)
        if "hostPath" in v:
            v["hostPath"].setdefault("type", "")
    return spec


def qos_class(spec):
    containers = spec["containers"]
    if all(not c.get("resources", {}).get("requests") and not c.get("resources", {}).get("limits")
           for c in containers):
        return "BestEffort"
    guaranteed = True
    for c in containers:
        r = c.get("resources", {})
        lim, req = r.get("limits", {}), r.get("requests", {})
        if set(lim) != {"cpu", "memory"} or any(req.get(k, lim[k]) != lim[k] for k in lim):
            guaranteed = False
    return "Guaranteed" if guaranteed else "Burstable"


def tolerates(tolerations, taint):
    for t in tolerations:
        if t.get("effect") and t["effect"] != taint["effect"]:
            continue
        if t.get("operator") == "Exists" and not t.get("key"):
            return True
        if t.get("key") != taint["key"]:
            continue
        if t.get("operator") == "Exists" or t.get("value") == taint.get("value"):
            return True
    return False


def eligible(spec, node):
    labels = node_labels(node)
    if any(labels.get(k) != v for k, v in spec.get("nodeSelector", {}).items()):
        return False
    return all(tolerates(spec.get("tolerations", []), t) for t in NODES[node]["taints"])


def node_labels(name):
    n = NODES[name]
    labels = {"beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/os": "linux",
              "kubernetes.io/arch": "amd64", "kubernetes.io/hostname": name, "kubernetes.io/os": "linux",
              "topology.kubernetes.io/region": "eu-central"}
    labels.update(n["labels"])
    return labels


class IPs:
    def __init__(self):
        self.next = {}

    def pod_ip(self, node):
        base = NODES[node]["block"]
        a, b, c, d = (int(x) for x in base.split("."))
        n = self.next.get(node, 2)
        self.next[node] = n + 1
        return f"{a}.{b}.{c}.{d + n}"


def service_ip(ns, name):
    v = int(sha("svc", ns, name), 16)
    return f"10.{96 + v % 16}.{(v >> 8) % 256}.{1 + (v >> 16) % 250}"


def node_port(ns, name, port):
    return 30000 + int(sha("nodeport", ns, name, port), 16) % 2700


# ---------------------------------------------------------------- loading

def load_file(path):
    with open(path) as f:
        docs = [json.load(f)] if path.endswith(".json") else [d for d in yaml.safe_load_all(f) if d]
    out = []
    for d in docs:
        out.extend(d["items"] if d.get("kind") == "List" else [d])
    return out


def load_manifests():
    objs = []
    paths = sorted(glob.glob(os.path.join(ROOT, "manifests", "**", "*.*"), recursive=True))
    for path in paths:
        if not path.endswith((".yaml", ".yml", ".json")):
            continue
        rel = os.path.relpath(path, ROOT)
        for obj in load_file(path):
            objs.append((rel, obj))
    return objs


# ---------------------------------------------------------------- the cluster

class Cluster:
    def __init__(self):
        self.items = []
        self.by_key = {}
        self.ips = IPs()

    def add(self, obj):
        md = obj["metadata"]
        key = (obj["kind"], md.get("namespace", ""), md["name"])
        assert key not in self.by_key, f"duplicate {key}"
        self.by_key[key] = obj
        self.items.append(obj)
        return obj

    def get(self, kind, ns, name):
        return self.by_key.get((kind, ns, name))

    # ---- workloads --------------------------------------------------

    def automount(self, ns, spec):
        if "automountServiceAccountToken" in spec:
            return spec["automountServiceAccountToken"]
        sa = self.get("ServiceAccount", ns, spec.get("serviceAccountName", "default"))
        return True if sa is None else sa.get("automountServiceAccountToken", True)

    def make_pod(self, name, ns, template, owner, node, started, extra_labels=None,
                 daemon=False, generate_name=None, phase="Running", extra_annotations=None):
        tmeta = template.get("metadata", {})
        spec = copy.deepcopy(template["spec"])
        labels = dict(tmeta.get("labels", {}))
        labels.update(extra_labels or {})
        md = {"name": name, "namespace": ns, "labels": labels}
        if generate_name:
            md["generateName"] = generate_name
        annotations = dict(tmeta.get("annotations", {}))
        annotations.update(extra_annotations or {})
        if annotations:
            md["annotations"] = annotations
        if owner is not None:
            md["ownerReferences"] = [owner_ref(owner)]
        pod = {"apiVersion": "v1", "kind": "Pod", "metadata": md, "spec": spec}
        server_meta(pod, created=started)

        # RuntimeClass admission merges the class's overhead and scheduling.
        rc_name = spec.get("runtimeClassName")
        if rc_name:
            rc = self.get("RuntimeClass", "", rc_name)
            spec["overhead"] = copy.deepcopy(rc["overhead"]["podFixed"])
            spec.setdefault("nodeSelector", {}).update(rc["scheduling"]["nodeSelector"])
            spec.setdefault("tolerations", []).extend(copy.deepcopy(rc["scheduling"]["tolerations"]))

        # LimitRanger fills in namespace defaults for containers without resources.
        lr = [o for o in self.items if o["kind"] == "LimitRange" and o["metadata"]["namespace"] == ns]
        if lr:
            limits = lr[0]["spec"]["limits"][0]
            set_for = []
            for c in spec["containers"]:
                res = c.setdefault("resources", {})
                if not res.get("limits") and not res.get("requests"):
                    res["requests"] = dict(limits["defaultRequest"])
                    res["limits"] = dict(limits["default"])
                    set_for.append(c["name"])
            if set_for:
                md.setdefault("annotations", {})["kubernetes.io/limit-ranger"] = (
                    "LimitRanger plugin set: cpu, memory request for container %s; "
                    "cpu, memory limit for container %s" % (set_for[0], set_for[0]))

        spec["nodeName"] = node
        spec.setdefault("serviceAccountName", "default")
        spec["serviceAccount"] = spec["serviceAccountName"]
        spec.setdefault("enableServiceLinks", True)
        spec.setdefault("preemptionPolicy", "PreemptLowerPriority")
        spec["priority"] = PRIORITY.get(spec.get("priorityClassName"), 0)
        tols = spec.setdefault("tolerations", [])
        if daemon:
            spec["affinity"] = {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {
                "nodeSelectorTerms": [{"matchFields": [
                    {"key": "metadata.name", "operator": "In", "values": [node]}]}]}}}
            daemon_tols = [
                {"effect": "NoExecute", "key": "node.kubernetes.io/not-ready", "operator": "Exists"},
                {"effect": "NoExecute", "key": "node.kubernetes.io/unreachable", "operator": "Exists"},
                {"effect": "NoSchedule", "key": "node.kubernetes.io/disk-pressure", "operator": "Exists"},
                {"effect": "NoSchedule", "key": "node.kubernetes.io/memory-pressure", "operator": "Exists"},
                {"effect": "NoSchedule", "key": "node.kubernetes.io/pid-pressure", "operator": "Exists"},
                {"effect": "NoSchedule", "key": "node.kubernetes.io/unschedulable", "operator": "Exists"},
            ]
            if spec.get("hostNetwork"):
                daemon_tols.append({"effect": "NoSchedule", "key": "node.kubernetes.io/network-unavailable",
                                    "operator": "Exists"})
            tols.extend(t for t in daemon_tols if t not in tols)
        else:
            blanket = any(not t.get("key") and t.get("operator") == "Exists" for t in tols)
            if not blanket:
                for key in ("node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"):
                    tols.append({"effect": "NoExecute", "key": key, "operator": "Exists",
                                 "tolerationSeconds": 300})
        assert eligible(spec, node), f"{name} cannot run on {node}"

        if self.automount(ns, spec):
            vol = "kube-api-access-" + rand_suffix(("vol", ns, name), 5)
            spec.setdefault("volumes", []).append({"name": vol, "projected": {
                "defaultMode": 420, "sources": [
                    {"serviceAccountToken": {"expirationSeconds": 3607, "path": "token"}},
                    {"configMap": {"items": [{"key": "ca.crt", "path": "ca.crt"}], "name": "kube-root-ca.crt"}},
                    {"downwardAPI": {"items": [{"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.namespace"},
                                                "path": "namespace"}]}}]}})
            for c in spec.get("initContainers", []) + spec["containers"]:
                c.setdefault("volumeMounts", []).append({
                    "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount", "name": vol, "readOnly": True})

        pod["status"] = self.pod_status(pod, node, started, phase)
        return self.add(pod)

    def pod_status(self, pod, node, started, phase):
        spec = pod["spec"]
        ns, name = pod["metadata"]["namespace"], pod["metadata"]["name"]
        host_ip = NODES[node]["ip"]
        ip = host_ip if spec.get("hostNetwork") else self.ips.pod_ip(node)
        ready_at = plus(started, 6 + offset(("ready", name), 20))
        done = phase == "Succeeded"
        finished = plus(started, 250) if done else None

        def cstatus(c, init=False):
            # A tag that moved between pulls: the two storefront pods run different digests.
            variant = node if c["image"].endswith(":latest") else ""
            st = {"containerID": "containerd://" + sha("cid", ns, name, c["name"]),
                  "image": c["image"],
                  "imageID": image_id(c["image"], variant),
                  "lastState": {}, "name": c["name"], "restartCount": 0}
            if init or done:
                st.update(ready=False, started=False, state={"terminated": {
                    "containerID": st["containerID"], "exitCode": 0,
                    "finishedAt": plus(started, 3) if init else finished,
                    "reason": "Completed", "startedAt": plus(started, 1)}})
            else:
                st.update(ready=True, started=True, state={"running": {"startedAt": plus(started, 2)}})
            return st

        cond = lambda t, s="True", at=ready_at, **kw: dict(
            {"lastProbeTime": None, "lastTransitionTime": at, "status": s, "type": t}, **kw)
        if done:
            conditions = [cond("PodReadyToStartContainers", "False", finished),
                          cond("Initialized", at=started, reason="PodCompleted"),
                          cond("Ready", "False", finished, reason="PodCompleted"),
                          cond("ContainersReady", "False", finished, reason="PodCompleted"),
                          cond("PodScheduled", at=started)]
        else:
            conditions = [cond("PodReadyToStartContainers", at=plus(started, 2)),
                          cond("Initialized", at=plus(started, 4) if spec.get("initContainers") else started),
                          cond("Ready"), cond("ContainersReady"), cond("PodScheduled", at=started)]
        status = {"conditions": conditions,
                  "containerStatuses": [cstatus(c) for c in spec["containers"]],
                  "hostIP": host_ip, "hostIPs": [{"ip": host_ip}], "phase": phase,
                  "podIP": ip, "podIPs": [{"ip": ip}], "qosClass": qos_class(spec), "startTime": started}
        if spec.get("initContainers"):
            status["initContainerStatuses"] = [cstatus(c, init=True) for c in spec["initContainers"]]
        return status

    def expand_deployment(self, dep):
        name, ns = dep["metadata"]["name"], dep["metadata"]["namespace"]
        started, revision = ROLLOUT[name]
        dep["metadata"]["generation"] = revision
        dep["metadata"].setdefault("annotations", {})["deployment.kubernetes.io/revision"] = str(revision)
        replicas = dep["spec"]["replicas"]
        tmpl_hash = rand_suffix(("pth", ns, name, revision), 10)
        rs = self.replica_set(dep, tmpl_hash, replicas, revision, started)
        nodes = PLACEMENT[name]
        assert len(nodes) == replicas, name
        for i, node in enumerate(nodes):
            pod_name = f"{rs['metadata']['name']}-{rand_suffix(('pod', ns, name, i), 5)}"
            self.make_pod(pod_name, ns, rs["spec"]["template"], rs, node, plus(started, 3 * i),
                          generate_name=rs["metadata"]["name"] + "-")
        if name == "storefront":
            # The previous rollout's ReplicaSet, scaled to zero and kept for rollback.
            self.replica_set(dep, rand_suffix(("pth", ns, name, revision - 1), 10), 0, revision - 1,
                             "2025-03-04T10:12:44Z")
        dep["status"] = {
            "availableReplicas": replicas,
            "conditions": [
                {"lastTransitionTime": plus(started, 40), "lastUpdateTime": plus(started, 40),
                 "message": "Deployment has minimum availability.", "reason": "MinimumReplicasAvailable",
                 "status": "True", "type": "Available"},
                {"lastTransitionTime": dep["metadata"]["creationTimestamp"], "lastUpdateTime": plus(started, 40),
                 "message": f'ReplicaSet "{rs["metadata"]["name"]}" has successfully progressed.',
                 "reason": "NewReplicaSetAvailable", "status": "True", "type": "Progressing"}],
            "observedGeneration": revision, "readyReplicas": replicas, "replicas": replicas,
            "updatedReplicas": replicas}

    def replica_set(self, dep, tmpl_hash, replicas, revision, created):
        name, ns = dep["metadata"]["name"], dep["metadata"]["namespace"]
        template = copy.deepcopy(dep["spec"]["template"])
        template.setdefault("metadata", {}).setdefault("labels", {})["pod-template-hash"] = tmpl_hash
        template["metadata"]["creationTimestamp"] = None
        selector = copy.deepcopy(dep["spec"]["selector"])
        selector["matchLabels"]["pod-template-hash"] = tmpl_hash
        surge = dep["spec"]["strategy"].get("rollingUpdate", {}).get("maxSurge", "25%")
        max_replicas = dep["spec"]["replicas"] + (surge if isinstance(surge, int) else
                                                  -(-dep["spec"]["replicas"] * int(surge[:-1]) // 100))
        md = {"name": f"{name}-{tmpl_hash}", "namespace": ns,
              "labels": dict(template["metadata"]["labels"]),
              "annotations": {"deployment.kubernetes.io/desired-replicas": str(dep["spec"]["replicas"]),
                              "deployment.kubernetes.io/max-replicas": str(max_replicas),
                              "deployment.kubernetes.io/revision": str(revision)},
              "ownerReferences": [owner_ref(dep)]}
        for key in ("meta.helm.sh/release-name", "meta.helm.sh/release-namespace"):
            if key in dep["metadata"].get("annotations", {}):
                md["annotations"][key] = dep["metadata"]["annotations"][key]
        rs = {"apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": md,
              "spec": {"replicas": replicas, "selector": selector, "template": template}}
        server_meta(rs, created=created)
        rs["metadata"]["generation"] = 1 if replicas else 2
        rs["status"] = {"observedGeneration": rs["metadata"]["generation"], "replicas": replicas}
        if replicas:
            rs["status"].update(availableReplicas=replicas, fullyLabeledReplicas=replicas,
                                readyReplicas=replicas)
        return self.add(rs)

    def expand_daemonset(self, ds):
        name, ns = ds["metadata"]["name"], ds["metadata"]["namespace"]
        started, revision = ROLLOUT[name]
        ds["metadata"]["generation"] = revision
        ds["metadata"].setdefault("annotations", {})["deprecated.daemonset.template.generation"] = str(revision)
        rev_hash = rand_suffix(("crh", ns, name, revision), 10)
        nodes = [n for n in sorted(NODES) if eligible(ds["spec"]["template"]["spec"], n)]
        for i, node in enumerate(nodes):
            self.make_pod(f"{name}-{rand_suffix(('ds', ns, name, node), 5)}", ns, ds["spec"]["template"], ds,
                          node, plus(started, 20 * i), daemon=True, generate_name=name + "-",
                          extra_labels={"controller-revision-hash": rev_hash, "pod-template-generation": str(revision)})
        n = len(nodes)
        ds["status"] = {"currentNumberScheduled": n, "desiredNumberScheduled": n, "numberAvailable": n,
                        "numberMisscheduled": 0, "numberReady": n, "observedGeneration": revision,
                        "updatedNumberScheduled": n}

    def expand_statefulset(self, sts):
        name, ns = sts["metadata"]["name"], sts["metadata"]["namespace"]
        started, revision = ROLLOUT[name]
        sts["metadata"]["generation"] = revision
        rev = f"{name}-{rand_suffix(('crh', ns, name, revision), 10)}"
        claim_templates = sts["spec"].get("volumeClaimTemplates", [])
        for i, node in enumerate(PLACEMENT[name]):
            pod_name = f"{name}-{i}"
            template = copy.deepcopy(sts["spec"]["template"])
            template["spec"]["hostname"] = pod_name
            template["spec"]["subdomain"] = sts["spec"]["serviceName"]
            for ct in claim_templates:
                claim = f"{ct['metadata']['name']}-{pod_name}"
                template["spec"].setdefault("volumes", []).insert(0, {
                    "name": ct["metadata"]["name"], "persistentVolumeClaim": {"claimName": claim}})
                self.make_pvc(claim, ns, ct, sts, node)
            self.make_pod(pod_name, ns, template, sts, node, started, generate_name=name + "-",
                          extra_labels={"apps.kubernetes.io/pod-index": str(i), "controller-revision-hash": rev,
                                        "statefulset.kubernetes.io/pod-name": pod_name})
        n = len(PLACEMENT[name])
        sts["status"] = {"availableReplicas": n, "collisionCount": 0, "currentReplicas": n,
                         "currentRevision": rev, "observedGeneration": revision, "readyReplicas": n,
                         "replicas": n, "updateRevision": rev, "updatedReplicas": n}

    def make_pvc(self, claim, ns, ct, sts, node):
        spec = copy.deepcopy(ct["spec"])
        spec["volumeMode"] = "Filesystem"
        pvc_uid = uid_of("PersistentVolumeClaim", ns, claim)
        spec["volumeName"] = "pvc-" + pvc_uid
        pvc = {"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {
            "name": claim, "namespace": ns,
            "labels": dict(sts["spec"]["selector"]["matchLabels"]),
            "annotations": {"pv.kubernetes.io/bind-completed": "yes",
                            "pv.kubernetes.io/bound-by-controller": "yes",
                            "volume.beta.kubernetes.io/storage-provisioner": "local.csi.openebs.io",
                            "volume.kubernetes.io/selected-node": node,
                            "volume.kubernetes.io/storage-provisioner": "local.csi.openebs.io"},
            "finalizers": ["kubernetes.io/pvc-protection"]}, "spec": spec,
            "status": {"accessModes": spec["accessModes"], "capacity": dict(spec["resources"]["requests"]),
                       "phase": "Bound"}}
        server_meta(pvc, created=plus(sts["metadata"]["creationTimestamp"], 1))
        self.add(pvc)

    def expand_cronjob(self, cj):
        name, ns = cj["metadata"]["name"], cj["metadata"]["namespace"]
        scheduled = "2025-03-14T02:30:00Z"
        job_name = f"{name}-29031990"
        job_uid = uid_of("Job", ns, job_name)
        jt = copy.deepcopy(cj["spec"]["jobTemplate"])
        uid_labels = {"batch.kubernetes.io/controller-uid": job_uid, "batch.kubernetes.io/job-name": job_name,
                      "controller-uid": job_uid, "job-name": job_name}
        jt["spec"]["template"].setdefault("metadata", {}).setdefault("labels", {}).update(uid_labels)
        jt["spec"]["template"]["metadata"]["creationTimestamp"] = None
        jt["spec"].update(completionMode="NonIndexed", completions=1, manualSelector=False, parallelism=1,
                          podReplacementPolicy="TerminatingOrFailed", suspend=False,
                          selector={"matchLabels": {"batch.kubernetes.io/controller-uid": job_uid}})
        job = {"apiVersion": "batch/v1", "kind": "Job", "metadata": {
            "name": job_name, "namespace": ns, "labels": dict(jt["spec"]["template"]["metadata"]["labels"]),
            "annotations": {"batch.kubernetes.io/cronjob-scheduled-timestamp": scheduled},
            "ownerReferences": [owner_ref(cj)]}, "spec": jt["spec"]}
        server_meta(job, created=scheduled)
        started = plus(scheduled, 1)
        pod_name = f"{job_name}-{rand_suffix(('job', ns, job_name), 5)}"
        self.add(job)
        self.make_pod(pod_name, ns, jt["spec"]["template"], job, PLACEMENT[name][0], started,
                      generate_name=job_name + "-", phase="Succeeded")
        completed = plus(started, 252)
        job["status"] = {"completionTime": completed, "conditions": [
            {"lastProbeTime": completed, "lastTransitionTime": completed, "status": "True",
             "type": "SuccessCriteriaMet"},
            {"lastProbeTime": completed, "lastTransitionTime": completed, "status": "True", "type": "Complete"}],
            "ready": 0, "startTime": started, "succeeded": 1, "terminating": 0, "uncountedTerminatedPods": {}}
        cj["status"] = {"lastScheduleTime": scheduled, "lastSuccessfulTime": completed}


# ---------------------------------------------------------------- per-kind server defaults

def serverize(rel, obj):
    o = copy.deepcopy(obj)
    md = o["metadata"]
    if rel in HAND_APPLIED:
        md.setdefault("annotations", {})["kubectl.kubernetes.io/last-applied-configuration"] = \
            json.dumps(obj, sort_keys=True, separators=(",", ":")) + "\n"
    server_meta(o)
    kind = o["kind"]
    spec = o.get("spec")
    if kind == "Namespace":
        md.setdefault("labels", {})["kubernetes.io/metadata.name"] = md["name"]
        o["spec"] = {"finalizers": ["kubernetes"]}
        o["status"] = {"phase": "Active"}
    elif kind == "Deployment":
        default_pod_spec(spec["template"]["spec"])
        spec.setdefault("progressDeadlineSeconds", 600)
        spec.setdefault("revisionHistoryLimit", 10)
        strategy = spec.setdefault("strategy", {})
        strategy.setdefault("type", "RollingUpdate")
        ru = strategy.setdefault("rollingUpdate", {})
        ru.setdefault("maxSurge", "25%")
        ru.setdefault("maxUnavailable", "25%")
        spec["template"]["metadata"]["creationTimestamp"] = None
    elif kind == "DaemonSet":
        default_pod_spec(spec["template"]["spec"])
        spec.setdefault("revisionHistoryLimit", 10)
        us = spec.setdefault("updateStrategy", {"type": "RollingUpdate"})
        us.setdefault("rollingUpdate", {}).setdefault("maxUnavailable", 1)
        us["rollingUpdate"].setdefault("maxSurge", 0)
        spec["template"]["metadata"]["creationTimestamp"] = None
    elif kind == "StatefulSet":
        default_pod_spec(spec["template"]["spec"])
        spec.setdefault("podManagementPolicy", "OrderedReady")
        spec.setdefault("revisionHistoryLimit", 10)
        spec.setdefault("updateStrategy", {"rollingUpdate": {"partition": 0}, "type": "RollingUpdate"})
        spec.setdefault("persistentVolumeClaimRetentionPolicy", {"whenDeleted": "Retain", "whenScaled": "Retain"})
        spec["template"]["metadata"]["creationTimestamp"] = None
        for ct in spec.get("volumeClaimTemplates", []):
            ct.update(apiVersion="v1", kind="PersistentVolumeClaim")
            ct["metadata"]["creationTimestamp"] = None
            ct["spec"]["volumeMode"] = "Filesystem"
            ct["status"] = {"phase": "Pending"}
    elif kind == "CronJob":
        default_pod_spec(spec["jobTemplate"]["spec"]["template"]["spec"])
        spec.setdefault("suspend", False)
        spec["jobTemplate"]["metadata"] = {"creationTimestamp": None}
        spec["jobTemplate"]["spec"]["template"]["metadata"]["creationTimestamp"] = None
    elif kind == "Service":
        ns, name = md["namespace"], md["name"]
        spec.setdefault("type", "ClusterIP")
        if spec.get("clusterIP") != "None":
            spec["clusterIP"] = service_ip(ns, name)
        spec["clusterIPs"] = [spec["clusterIP"]]
        spec.setdefault("internalTrafficPolicy", "Cluster")
        spec.setdefault("ipFamilies", ["IPv4"])
        spec.setdefault("ipFamilyPolicy", "SingleStack")
        spec.setdefault("sessionAffinity", "None")
        for p in spec["ports"]:
            p.setdefault("protocol", "TCP")
            p.setdefault("targetPort", p["port"])
            if spec["type"] in ("NodePort", "LoadBalancer"):
                p.setdefault("nodePort", node_port(ns, name, p["port"]))
        o["status"] = {"loadBalancer": {}}
        if spec["type"] in ("NodePort", "LoadBalancer"):
            spec.setdefault("externalTrafficPolicy", "Cluster")
        if spec["type"] == "LoadBalancer":
            spec.setdefault("allocateLoadBalancerNodePorts", True)
            if spec["externalTrafficPolicy"] == "Local":
                spec["healthCheckNodePort"] = node_port(ns, name, "health")
            ip = {"ingress-nginx-controller": "198.51.100.10", "storefront": "198.51.100.20"}[name]
            o["status"] = {"loadBalancer": {"ingress": [{"ip": ip, "ipMode": "VIP"}]}}
    elif kind == "Ingress":
        o["status"] = {"loadBalancer": {"ingress": [{"ip": "198.51.100.10"}]}}
    elif kind == "Secret":
        # Values are redacted in the dump.
        o.pop("stringData", None)
        o.pop("data", None)
    elif kind == "ValidatingWebhookConfiguration":
        for wh in o["webhooks"]:
            wh["clientConfig"]["caBundle"] = PLACEHOLDER_CA
            wh.setdefault("namespaceSelector", {})
            wh.setdefault("objectSelector", {})
            wh.setdefault("timeoutSeconds", 10)
            for r in wh["rules"]:
                r.setdefault("scope", "*")
    elif kind == "ResourceQuota":
        o["status"] = {"hard": dict(spec["hard"])}  # "used" is filled in once pods exist
    elif kind == "ClusterPolicy":
        rules = spec["rules"]
        count = {"generate": 0, "mutate": 0, "validate": 0, "verifyimages": 0}
        for r in rules:
            count["verifyimages" if "verifyImages" in r else "validate"] += 1
        md.setdefault("annotations", {})["pod-policies.kyverno.io/autogen-controllers"] = \
            "DaemonSet,Deployment,Job,StatefulSet,ReplicaSet,ReplicationController,CronJob"
        o["status"] = {"conditions": [{"lastTransitionTime": plus(md["creationTimestamp"], 2),
                                       "message": "Ready", "reason": "Succeeded", "status": "True",
                                       "type": "Ready"}],
                       "ready": True, "rulecount": count}
    elif kind == "ExternalSecret":
        o["status"] = {"binding": {"name": spec["target"]["name"]}, "conditions": [
            {"lastTransitionTime": "2025-02-20T10:09:12Z", "message": "Secret was synced",
             "reason": "SecretSynced", "status": "True", "type": "Ready"}],
            "refreshTime": "2025-03-14T09:15:33Z", "syncedResourceVersion": "1-" + sha("esv", md["name"])[:32]}
    elif kind == "ClusterSecretStore":
        o["status"] = {"capabilities": "ReadWrite", "conditions": [
            {"lastTransitionTime": plus(md["creationTimestamp"], 5), "message": "store validated",
             "reason": "Valid", "status": "True", "type": "Ready"}]}
    return o


PLACEHOLDER_CA = "RVhBTVBMRS1wbGFjZWhvbGRlci1jYS1idW5kbGUtbm90LXJlYWwK"


# ---------------------------------------------------------------- objects only the live cluster has

def live_only(c):
    ns_names = ["default", "kube-system", "kube-public", "kube-node-lease"]
    for name in ns_names:
        c.add(serverize("", {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}}))

    for name, n in NODES.items():
        labels = node_labels(name)
        node = {"apiVersion": "v1", "kind": "Node", "metadata": {
            "name": name, "labels": labels, "annotations": {
                "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock",
                "node.alpha.kubernetes.io/ttl": "0",
                "projectcalico.org/IPv4Address": n["ip"] + "/24",
                "projectcalico.org/IPv4IPIPTunnelAddr": n["block"],
                "volumes.kubernetes.io/controller-managed-attach-detach": "true"}},
            "spec": {"podCIDR": n["cidr"], "podCIDRs": [n["cidr"]]}}
        if n["taints"]:
            node["spec"]["taints"] = n["taints"]
        server_meta(node, created=n["created"])
        cpu, mem = ("4", "8131244Ki") if name == "pci-cp-1" else ("8", "32852040Ki")
        handlers = [{"features": {"recursiveReadOnlyMounts": False}, "name": h} for h in [""] + n["handlers"] + ["runc"]]
        hb = "2025-03-14T09:39:52Z"
        node["status"] = {
            "addresses": [{"address": n["ip"], "type": "InternalIP"}, {"address": name, "type": "Hostname"}],
            "allocatable": {"cpu": cpu, "ephemeral-storage": "92535035282", "hugepages-1Gi": "0",
                            "hugepages-2Mi": "0", "memory": mem, "pods": "110"},
            "capacity": {"cpu": cpu, "ephemeral-storage": "100409200Ki", "hugepages-1Gi": "0",
                         "hugepages-2Mi": "0", "memory": mem, "pods": "110"},
            "conditions": [
                {"lastHeartbeatTime": "2025-03-10T07:21:34Z", "lastTransitionTime": "2025-03-10T07:21:34Z",
                 "message": "Calico is running on this node", "reason": "CalicoIsUp", "status": "False",
                 "type": "NetworkUnavailable"},
                {"lastHeartbeatTime": hb, "lastTransitionTime": n["created"],
                 "message": "kubelet has sufficient memory available", "reason": "KubeletHasSufficientMemory",
                 "status": "False", "type": "MemoryPressure"},
                {"lastHeartbeatTime": hb, "lastTransitionTime": n["created"],
                 "message": "kubelet has no disk pressure", "reason": "KubeletHasNoDiskPressure",
                 "status": "False", "type": "DiskPressure"},
                {"lastHeartbeatTime": hb, "lastTransitionTime": n["created"],
                 "message": "kubelet has sufficient PID available", "reason": "KubeletHasSufficientPID",
                 "status": "False", "type": "PIDPressure"},
                {"lastHeartbeatTime": hb, "lastTransitionTime": "2025-01-07T06:02:11Z",
                 "message": "kubelet is posting ready status", "reason": "KubeletReady", "status": "True",
                 "type": "Ready"}],
            "daemonEndpoints": {"kubeletEndpoint": {"Port": 10250}},
            "nodeInfo": {"architecture": "amd64", "bootID": str(uuid.UUID(sha("boot", name)[:32])),
                         "containerRuntimeVersion": n["runtime"], "kernelVersion": n["kernel"],
                         "kubeletVersion": n["kubelet"], "machineID": sha("machine", name)[:32],
                         "operatingSystem": "linux", "osImage": n["os"],
                         "systemUUID": str(uuid.UUID(sha("sys", name)[:32])).upper()},
            "runtimeHandlers": handlers}
        c.add(node)

    def sa(ns, name, labels=None, **extra):
        o = {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": name, "namespace": ns}}
        if labels:
            o["metadata"]["labels"] = labels
        o.update(extra)
        return c.add(serverize("", o))

    for ns in ("default", "kube-system", "payments", "web"):
        sa(ns, "default")
    build_bot = sa("default", "build-bot", {"app.kubernetes.io/name": "build-bot"})
    sa("kube-system", "coredns")
    sa("kube-system", "kube-proxy")

    def secret(ns, name, type_, labels=None, annotations=None, owner=None, created=None):
        o = {"apiVersion": "v1", "kind": "Secret", "type": type_, "metadata": {"name": name, "namespace": ns}}
        if labels:
            o["metadata"]["labels"] = labels
        if annotations:
            o["metadata"]["annotations"] = annotations
        if owner:
            o["metadata"]["ownerReferences"] = [owner_ref(owner)]
        server_meta(o, created=created)
        return c.add(o)

    # Legacy long-lived token created by hand for an old Jenkins job; still in use.
    secret("default", "build-bot-token", "kubernetes.io/service-account-token",
           labels={"kubernetes.io/legacy-token-last-used": "2025-03-12"},
           annotations={"kubernetes.io/service-account.name": "build-bot",
                        "kubernetes.io/service-account.uid": build_bot["metadata"]["uid"]},
           created="2024-09-20T13:02:44Z")
    es = c.get("ExternalSecret", "payments", "payments-db-credentials")
    secret("payments", "payments-db-credentials", "Opaque",
           labels={"reconcile.external-secrets.io/created-by": sha("eso", "payments-db-credentials")[:56],
                   "reconcile.external-secrets.io/managed": "true"},
           annotations={"reconcile.external-secrets.io/data-hash": sha("eso-data")[:32]},
           owner=es, created=plus(es["metadata"]["creationTimestamp"], 3))
    secret("payments", "payment-api-tls", "kubernetes.io/tls", created="2025-01-06T09:00:12Z")
    secret("payments", "api-pay-example-com-tls", "kubernetes.io/tls", created="2025-01-06T09:00:15Z")
    secret("payments", "registry-payments-pull", "kubernetes.io/dockerconfigjson", created="2024-09-10T09:16:02Z")
    secret("web", "shop-example-com-tls", "kubernetes.io/tls", created="2025-02-11T17:45:40Z")
    secret("ingress-nginx", "ingress-nginx-admission", "Opaque", created="2024-09-05T10:02:20Z")
    releases = {"ingress-nginx": ("ingress-nginx", 3, "2025-01-09T09:30:01Z"),
                "fluent-bit": ("logging", 3, "2025-01-15T11:25:05Z"),
                "falco": ("falco", 2, "2025-02-12T10:44:17Z"),
                "kyverno": ("kyverno", 2, "2025-02-04T11:00:24Z"),
                "external-secrets": ("external-secrets", 2, "2025-02-04T11:20:37Z")}
    for rel, (ns, version, at) in releases.items():
        secret(ns, f"sh.helm.release.v1.{rel}.v{version}", "helm.sh/release.v1",
               labels={"modifiedAt": str(1736000000 + offset(rel, 3000000)), "name": rel, "owner": "helm",
                       "status": "deployed", "version": str(version)}, created=at)

    # kubeadm add-ons.
    c.add(serverize("", {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {
        "name": "coredns", "namespace": "kube-system"}, "data": {"Corefile": COREFILE}}))
    c.add(serverize("", {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {
        "name": "kube-proxy", "namespace": "kube-system", "labels": {"app": "kube-proxy"}},
        "data": {"config.conf": KUBE_PROXY_CONF, "kubeconfig.conf": KUBE_PROXY_KUBECONFIG}}))
    kube_dns = serverize("", {"apiVersion": "v1", "kind": "Service", "metadata": {
        "name": "kube-dns", "namespace": "kube-system",
        "labels": {"k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS"},
        "annotations": {"prometheus.io/port": "9153", "prometheus.io/scrape": "true"}},
        "spec": {"selector": {"k8s-app": "kube-dns"}, "ports": [
            {"name": "dns", "port": 53, "protocol": "UDP", "targetPort": 53},
            {"name": "dns-tcp", "port": 53, "protocol": "TCP", "targetPort": 53},
            {"name": "metrics", "port": 9153, "protocol": "TCP", "targetPort": 9153}]}})
    kube_dns["spec"]["clusterIP"] = kube_dns["spec"]["clusterIPs"][0] = "10.96.0.10"
    c.add(kube_dns)
    api = serverize("", {"apiVersion": "v1", "kind": "Service", "metadata": {
        "name": "kubernetes", "namespace": "default",
        "labels": {"component": "apiserver", "provider": "kubernetes"}},
        "spec": {"ports": [{"name": "https", "port": 443, "protocol": "TCP", "targetPort": 6443}]}})
    api["spec"]["clusterIP"] = api["spec"]["clusterIPs"][0] = "10.96.0.1"
    c.add(api)
    c.add(serverize("", {"apiVersion": "v1", "kind": "Endpoints", "metadata": {
        "name": "kubernetes", "namespace": "default", "labels": {"endpointslice.kubernetes.io/skip-mirror": "true"}},
        "subsets": [{"addresses": [{"ip": "10.0.10.10"}],
                     "ports": [{"name": "https", "port": 6443, "protocol": "TCP"}]}]}))
    c.add(serverize("", COREDNS))
    c.add(serverize("", KUBE_PROXY))

    # Default RBAC that matters to the assessment (abbreviated: the real
    # cluster has many more system roles).
    bootstrap = {"kubernetes.io/bootstrapping": "rbac-defaults"}
    auto = {"rbac.authorization.kubernetes.io/autoupdate": "true"}
    for cr in DEFAULT_CLUSTER_ROLES:
        cr = copy.deepcopy(cr)
        cr["metadata"].setdefault("labels", {}).update(bootstrap)
        cr["metadata"]["annotations"] = dict(auto)
        c.add(serverize("", cr))
    for name, role, subjects in [
        ("cluster-admin", "cluster-admin", [{"apiGroup": "rbac.authorization.k8s.io", "kind": "Group",
                                              "name": "system:masters"}]),
        ("system:public-info-viewer", "system:public-info-viewer", [
            {"apiGroup": "rbac.authorization.k8s.io", "kind": "Group", "name": "system:authenticated"},
            {"apiGroup": "rbac.authorization.k8s.io", "kind": "Group", "name": "system:unauthenticated"}]),
    ]:
        c.add(serverize("", {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
                             "metadata": {"name": name, "labels": dict(bootstrap), "annotations": dict(auto)},
                             "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                                         "name": role}, "subjects": subjects}))
    c.add(serverize("", {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
                         "metadata": {"name": "kubeadm:cluster-admins"},
                         "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                                     "name": "cluster-admin"},
                         "subjects": [{"apiGroup": "rbac.authorization.k8s.io", "kind": "Group",
                                       "name": "kubeadm:cluster-admins"}]}))

    c.add(serverize("", KYVERNO_WEBHOOK))


def fill_aggregated_roles(c):
    for cr in [o for o in c.items if o["kind"] == "ClusterRole" and "aggregationRule" in o]:
        rules = []
        for sel in cr["aggregationRule"]["clusterRoleSelectors"]:
            for other in c.items:
                if other["kind"] != "ClusterRole" or other is cr:
                    continue
                labels = other["metadata"].get("labels", {})
                if all(labels.get(k) == v for k, v in sel["matchLabels"].items()):
                    rules.extend(copy.deepcopy(other.get("rules", [])))
        cr["rules"] = rules


def vulnerability_reports(c):
    specs = [
        ("payments", "payment-api", "payment-api", "2025-03-14T03:12:40Z", [
            ("CVE-2024-34156", "stdlib", "v1.22.5", "1.22.7, 1.23.1", "HIGH",
             "encoding/gob: golang: Calling Decoder.Decode on a message which contains deeply nested structures "
             "can cause a panic due to stack exhaustion", "usr/local/bin/payment-api"),
            ("CVE-2024-34158", "stdlib", "v1.22.5", "1.22.7, 1.23.1", "HIGH",
             "go/build/constraint: golang: Calling Parse on a \"// +build\" build tag line with deeply nested "
             "expressions can cause a panic due to stack exhaustion", "usr/local/bin/payment-api"),
            ("CVE-2024-45338", "golang.org/x/net", "v0.29.0", "0.33.0", "MEDIUM",
             "golang.org/x/net/html: Non-linear parsing of case-insensitive content in golang.org/x/net/html",
             "usr/local/bin/payment-api")]),
        ("web", "storefront", "storefront", "2025-03-14T03:14:02Z", [
            ("CVE-2024-45337", "golang.org/x/crypto", "v0.26.0", "0.31.0", "CRITICAL",
             "golang.org/x/crypto/ssh: Misuse of ServerConfig.PublicKeyCallback may cause authorization bypass "
             "in golang.org/x/crypto", "app/storefront"),
            ("CVE-2024-34156", "stdlib", "v1.21.13", "1.22.7, 1.23.1", "HIGH",
             "encoding/gob: golang: Calling Decoder.Decode on a message which contains deeply nested structures "
             "can cause a panic due to stack exhaustion", "app/storefront"),
            ("CVE-2024-34158", "stdlib", "v1.21.13", "1.22.7, 1.23.1", "HIGH",
             "go/build/constraint: golang: Calling Parse on a \"// +build\" build tag line with deeply nested "
             "expressions can cause a panic due to stack exhaustion", "app/storefront"),
            ("CVE-2024-45338", "golang.org/x/net", "v0.28.0", "0.33.0", "MEDIUM",
             "golang.org/x/net/html: Non-linear parsing of case-insensitive content in golang.org/x/net/html",
             "app/storefront")]),
    ]
    for ns, dep_name, container, scanned, vulns in specs:
        rs = next(o for o in c.items if o["kind"] == "ReplicaSet" and o["metadata"]["namespace"] == ns
                  and o["metadata"]["name"].startswith(dep_name + "-") and o["spec"]["replicas"] > 0)
        image = next(x["image"] for x in rs["spec"]["template"]["spec"]["containers"] if x["name"] == container)
        repo_full = image.split("@")[0]
        registry, _, repo = repo_full.partition("/")
        tag = repo.rsplit(":", 1)[1] if ":" in repo else ""
        repo = repo.rsplit(":", 1)[0] if ":" in repo else repo
        counts = {s: sum(1 for v in vulns if v[4] == s) for s in ("CRITICAL", "HIGH", "MEDIUM", "LOW")}
        rs_name = rs["metadata"]["name"]
        report = {"apiVersion": "aquasecurity.github.io/v1alpha1", "kind": "VulnerabilityReport", "metadata": {
            "name": f"replicaset-{rs_name}-{container}", "namespace": ns,
            "labels": {"resource-spec-hash": sha("rsh", rs_name)[:10],
                       "trivy-operator.container.name": container,
                       "trivy-operator.resource.kind": "ReplicaSet",
                       "trivy-operator.resource.name": rs_name,
                       "trivy-operator.resource.namespace": ns},
            "ownerReferences": [owner_ref(rs)]},
            "report": {
                "artifact": dict({"repository": repo, "digest": "sha256:" + image_digest(image, "pci-worker-2")},
                                 **({"tag": tag} if tag else {})),
                "os": {"family": "debian", "name": "12.9"},
                "registry": {"server": registry},
                "scanner": {"name": "Trivy", "vendor": "Aqua Security", "version": "0.56.2"},
                "summary": {"criticalCount": counts["CRITICAL"], "highCount": counts["HIGH"],
                            "lowCount": counts["LOW"], "mediumCount": counts["MEDIUM"], "noneCount": 0,
                            "unknownCount": 0},
                "updateTimestamp": scanned,
                "vulnerabilities": [{
                    "vulnerabilityID": vid, "resource": pkg, "installedVersion": inst, "fixedVersion": fixed,
                    "severity": sev, "title": title, "target": target,
                    "primaryLink": f"https://avd.aquasec.com/nvd/{vid.lower()}"}
                    for vid, pkg, inst, fixed, sev, title, target in vulns]}}
        server_meta(report, created=scanned)
        c.add(report)


def mirror_pods(c):
    node = c.get("Node", "", "pci-cp-1")
    started = "2025-01-07T05:58:40Z"
    for i, comp in enumerate(["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"]):
        with open(os.path.join(ROOT, "control-plane", comp + ".yaml")) as f:
            static = yaml.safe_load(f)
        pod = copy.deepcopy(static)
        pod.pop("status", None)
        md = pod["metadata"]
        md["name"] = f"{comp}-pci-cp-1"
        config_hash = sha("config", comp)[:32]
        md.setdefault("annotations", {}).update({
            "kubernetes.io/config.hash": config_hash, "kubernetes.io/config.mirror": config_hash,
            "kubernetes.io/config.seen": "2025-01-07T05:58:31.404418811Z", "kubernetes.io/config.source": "file"})
        md["ownerReferences"] = [dict(owner_ref(node, controller=False), controller=True)]
        server_meta(pod, created=plus(started, 5 * i))
        spec = default_pod_spec(pod["spec"], host_network_ports=False)
        spec.update(enableServiceLinks=True, nodeName="pci-cp-1", preemptionPolicy="PreemptLowerPriority",
                    tolerations=[{"effect": "NoExecute", "operator": "Exists"}])
        pod["status"] = c.pod_status(pod, "pci-cp-1", plus(started, 5 * i), "Running")
        c.add(pod)


def cpu_millis(q):
    return int(q[:-1]) if q.endswith("m") else int(float(q) * 1000)


def mem_mebibytes(q):
    return int(q[:-2]) * (1024 if q.endswith("Gi") else 1)


def quota_usage(c):
    for quota in [o for o in c.items if o["kind"] == "ResourceQuota"]:
        ns = quota["metadata"]["namespace"]
        pods = [o for o in c.items if o["kind"] == "Pod" and o["metadata"]["namespace"] == ns
                and o["status"]["phase"] not in ("Succeeded", "Failed")]
        total = {"requests.cpu": 0, "limits.cpu": 0, "requests.memory": 0, "limits.memory": 0}
        for pod in pods:
            overhead = pod["spec"].get("overhead", {})
            for kind in ("requests", "limits"):
                total[kind + ".cpu"] += cpu_millis(overhead.get("cpu", "0"))
                total[kind + ".memory"] += mem_mebibytes(overhead.get("memory", "0Mi"))
                for ctr in pod["spec"]["containers"]:
                    res = ctr.get("resources", {}).get(kind, {})
                    total[kind + ".cpu"] += cpu_millis(res.get("cpu", "0"))
                    total[kind + ".memory"] += mem_mebibytes(res.get("memory", "0Mi"))
        used = {}
        for key, v in total.items():
            if key.endswith("cpu"):
                used[key] = str(v // 1000) if v % 1000 == 0 else f"{v}m"
            else:
                used[key] = f"{v // 1024}Gi" if v % 1024 == 0 else f"{v}Mi"
        used["pods"] = str(len(pods))
        used["persistentvolumeclaims"] = str(sum(1 for o in c.items if o["kind"] == "PersistentVolumeClaim"
                                                 and o["metadata"]["namespace"] == ns))
        used["services.loadbalancers"] = str(sum(1 for o in c.items if o["kind"] == "Service" and
                                                 o["metadata"]["namespace"] == ns and
                                                 o["spec"]["type"] == "LoadBalancer"))
        used["services.nodeports"] = str(sum(1 for o in c.items if o["kind"] == "Service" and
                                             o["metadata"]["namespace"] == ns and
                                             o["spec"]["type"] == "NodePort"))
        quota["status"]["used"] = used


def main():
    c = Cluster()
    manifests = load_manifests()
    for rel, obj in manifests:
        c.add(serverize(rel, obj))
    live_only(c)
    fill_aggregated_roles(c)
    for o in list(c.items):
        kind = o["kind"]
        if kind == "Deployment":
            c.expand_deployment(o)
        elif kind == "DaemonSet":
            c.expand_daemonset(o)
        elif kind == "StatefulSet":
            c.expand_statefulset(o)
        elif kind == "CronJob":
            c.expand_cronjob(o)
    mirror_pods(c)
    vulnerability_reports(c)
    quota_usage(c)

    order = {k: i for i, k in enumerate(KIND_ORDER)}
    missing = {o["kind"] for o in c.items} - set(order)
    assert not missing, missing
    items = sorted(c.items, key=lambda o: (order[o["kind"]], o["metadata"].get("namespace", ""),
                                           o["metadata"]["name"]))
    dump = {"apiVersion": "v1", "items": items, "kind": "List", "metadata": {"resourceVersion": ""}}

    class Dumper(yaml.SafeDumper):
        # Look like kubectl: multi-line strings as literal blocks, quoted
        # scalars in double quotes.
        def ignore_aliases(self, data):
            return True

        def choose_scalar_style(self):
            style = super().choose_scalar_style()
            return '"' if style == "'" else style

    def represent_str(dumper, data):
        style = "|" if "\n" in data else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)

    Dumper.add_representer(str, represent_str)
    out = os.path.join(ROOT, "cluster-dump.yaml")
    with open(out, "w") as f:
        yaml.dump(dump, f, Dumper=Dumper, sort_keys=True, default_flow_style=False, width=10000)
    print(f"wrote {out}: {len(items)} objects")


# ---------------------------------------------------------------- static data for live-only objects

COREFILE = """.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
"""

KUBE_PROXY_CONF = """apiVersion: kubeproxy.config.k8s.io/v1alpha1
bindAddress: 0.0.0.0
clientConnection:
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
clusterCIDR: 192.168.0.0/16
metricsBindAddress: ""
mode: iptables
"""

KUBE_PROXY_KUBECONFIG = """apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    server: https://10.0.10.10:6443
  name: default
contexts:
- context:
    cluster: default
    namespace: default
    user: default
  name: default
current-context: default
users:
- name: default
  user:
    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token
"""

COREDNS = {
    "apiVersion": "apps/v1", "kind": "Deployment",
    "metadata": {"name": "coredns", "namespace": "kube-system", "labels": {"k8s-app": "kube-dns"}},
    "spec": {
        "replicas": 2,
        "selector": {"matchLabels": {"k8s-app": "kube-dns"}},
        "strategy": {"rollingUpdate": {"maxSurge": "25%", "maxUnavailable": 1}, "type": "RollingUpdate"},
        "template": {
            "metadata": {"labels": {"k8s-app": "kube-dns"}},
            "spec": {
                "affinity": {"podAntiAffinity": {"preferredDuringSchedulingIgnoredDuringExecution": [{
                    "podAffinityTerm": {"labelSelector": {"matchExpressions": [
                        {"key": "k8s-app", "operator": "In", "values": ["kube-dns"]}]},
                        "topologyKey": "kubernetes.io/hostname"}, "weight": 100}]}},
                "containers": [{
                    "name": "coredns", "image": "registry.k8s.io/coredns/coredns:v1.11.3",
                    "args": ["-conf", "/etc/coredns/Corefile"],
                    "livenessProbe": {"httpGet": {"path": "/health", "port": 8080, "scheme": "HTTP"},
                                      "initialDelaySeconds": 60, "timeoutSeconds": 5, "failureThreshold": 5},
                    "readinessProbe": {"httpGet": {"path": "/ready", "port": 8181, "scheme": "HTTP"}},
                    "ports": [{"containerPort": 53, "name": "dns", "protocol": "UDP"},
                              {"containerPort": 53, "name": "dns-tcp", "protocol": "TCP"},
                              {"containerPort": 9153, "name": "metrics", "protocol": "TCP"}],
                    "resources": {"limits": {"memory": "170Mi"}, "requests": {"cpu": "100m", "memory": "70Mi"}},
                    "securityContext": {"allowPrivilegeEscalation": False,
                                        "capabilities": {"add": ["NET_BIND_SERVICE"], "drop": ["ALL"]},
                                        "readOnlyRootFilesystem": True},
                    "volumeMounts": [{"mountPath": "/etc/coredns", "name": "config-volume", "readOnly": True}]}],
                "dnsPolicy": "Default",
                "nodeSelector": {"kubernetes.io/os": "linux"},
                "priorityClassName": "system-cluster-critical",
                "serviceAccountName": "coredns",
                "tolerations": [{"key": "CriticalAddonsOnly", "operator": "Exists"},
                                {"effect": "NoSchedule", "key": "node-role.kubernetes.io/control-plane"}],
                "volumes": [{"configMap": {"items": [{"key": "Corefile", "path": "Corefile"}], "name": "coredns"},
                             "name": "config-volume"}]}}}}

KUBE_PROXY = {
    "apiVersion": "apps/v1", "kind": "DaemonSet",
    "metadata": {"name": "kube-proxy", "namespace": "kube-system", "labels": {"k8s-app": "kube-proxy"}},
    "spec": {
        "selector": {"matchLabels": {"k8s-app": "kube-proxy"}},
        "template": {
            "metadata": {"labels": {"k8s-app": "kube-proxy"}},
            "spec": {
                "containers": [{
                    "name": "kube-proxy", "image": "registry.k8s.io/kube-proxy:v1.31.4",
                    "command": ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf",
                                "--hostname-override=$(NODE_NAME)"],
                    "env": [{"name": "NODE_NAME", "valueFrom": {"fieldRef": {"fieldPath": "spec.nodeName"}}}],
                    "securityContext": {"privileged": True},
                    "volumeMounts": [{"mountPath": "/var/lib/kube-proxy", "name": "kube-proxy"},
                                     {"mountPath": "/run/xtables.lock", "name": "xtables-lock"},
                                     {"mountPath": "/lib/modules", "name": "lib-modules", "readOnly": True}]}],
                "hostNetwork": True,
                "nodeSelector": {"kubernetes.io/os": "linux"},
                "priorityClassName": "system-node-critical",
                "serviceAccountName": "kube-proxy",
                "tolerations": [{"operator": "Exists"}],
                "volumes": [{"configMap": {"name": "kube-proxy"}, "name": "kube-proxy"},
                            {"hostPath": {"path": "/run/xtables.lock", "type": "FileOrCreate"},
                             "name": "xtables-lock"},
                            {"hostPath": {"path": "/lib/modules"}, "name": "lib-modules"}]}}}}

DEFAULT_CLUSTER_ROLES = [
    {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "cluster-admin"},
     "rules": [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]},
               {"nonResourceURLs": ["*"], "verbs": ["*"]}]},
    {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "edit"},
     "aggregationRule": {"clusterRoleSelectors": [
         {"matchLabels": {"rbac.authorization.k8s.io/aggregate-to-edit": "true"}}]},
     "rules": [
         {"apiGroups": [""], "resources": ["pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets",
                                           "services/proxy"], "verbs": ["get", "list", "watch"]},
         {"apiGroups": [""], "resources": ["serviceaccounts"], "verbs": ["impersonate"]},
         {"apiGroups": [""], "resources": ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"],
          "verbs": ["create", "delete", "deletecollection", "patch", "update"]},
         {"apiGroups": [""], "resources": ["configmaps", "events", "persistentvolumeclaims",
                                           "replicationcontrollers", "replicationcontrollers/scale", "secrets",
                                           "serviceaccounts", "services", "services/proxy"],
          "verbs": ["create", "delete", "deletecollection", "patch", "update"]},
         {"apiGroups": [""], "resources": ["serviceaccounts/token"], "verbs": ["create"]},
         {"apiGroups": ["apps"], "resources": ["daemonsets", "deployments", "deployments/rollback",
                                               "deployments/scale", "replicasets", "replicasets/scale",
                                               "statefulsets", "statefulsets/scale"],
          "verbs": ["create", "delete", "deletecollection", "patch", "update"]},
         {"apiGroups": ["batch"], "resources": ["cronjobs", "jobs"],
          "verbs": ["create", "delete", "deletecollection", "patch", "update"]},
         {"apiGroups": ["networking.k8s.io"], "resources": ["ingresses", "networkpolicies"],
          "verbs": ["create", "delete", "deletecollection", "patch", "update"]}]},
    {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "view"},
     "aggregationRule": {"clusterRoleSelectors": [
         {"matchLabels": {"rbac.authorization.k8s.io/aggregate-to-view": "true"}}]},
     "rules": [
         {"apiGroups": [""], "resources": ["configmaps", "endpoints", "persistentvolumeclaims",
                                           "persistentvolumeclaims/status", "pods", "replicationcontrollers",
                                           "replicationcontrollers/scale", "serviceaccounts", "services",
                                           "services/status"], "verbs": ["get", "list", "watch"]},
         {"apiGroups": [""], "resources": ["bindings", "events", "limitranges", "namespaces/status", "pods/log",
                                           "pods/status", "replicationcontrollers/status", "resourcequotas",
                                           "resourcequotas/status"], "verbs": ["get", "list", "watch"]},
         {"apiGroups": [""], "resources": ["namespaces"], "verbs": ["get", "list", "watch"]},
         {"apiGroups": ["apps"], "resources": ["controllerrevisions", "daemonsets", "daemonsets/status",
                                               "deployments", "deployments/scale", "deployments/status",
                                               "replicasets", "replicasets/scale", "replicasets/status",
                                               "statefulsets", "statefulsets/scale", "statefulsets/status"],
          "verbs": ["get", "list", "watch"]},
         {"apiGroups": ["batch"], "resources": ["cronjobs", "cronjobs/status", "jobs", "jobs/status"],
          "verbs": ["get", "list", "watch"]},
         {"apiGroups": ["networking.k8s.io"], "resources": ["ingresses", "ingresses/status", "networkpolicies"],
          "verbs": ["get", "list", "watch"]}]},
    {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
     "metadata": {"name": "system:public-info-viewer"},
     "rules": [{"nonResourceURLs": ["/healthz", "/livez", "/readyz", "/version", "/version/"], "verbs": ["get"]}]},
]

KYVERNO_WEBHOOK = {
    "apiVersion": "admissionregistration.k8s.io/v1", "kind": "ValidatingWebhookConfiguration",
    "metadata": {"name": "kyverno-resource-validating-webhook-cfg",
                 "labels": {"webhook.kyverno.io/managed-by": "kyverno"}},
    "webhooks": [
        {"name": "validate.kyverno.svc-fail", "failurePolicy": "Fail", "matchPolicy": "Equivalent",
         "admissionReviewVersions": ["v1"], "sideEffects": "NoneOnDryRun", "timeoutSeconds": 15,
         "clientConfig": {"service": {"name": "kyverno-svc", "namespace": "kyverno", "path": "/validate/fail",
                                      "port": 443}},
         "namespaceSelector": {"matchExpressions": [
             {"key": "kubernetes.io/metadata.name", "operator": "NotIn", "values": ["kube-system", "kyverno"]}]},
         "rules": [
             {"apiGroups": [""], "apiVersions": ["v1"], "operations": ["CREATE", "UPDATE"],
              "resources": ["pods", "pods/ephemeralcontainers"]},
             {"apiGroups": ["apps"], "apiVersions": ["v1"], "operations": ["CREATE", "UPDATE"],
              "resources": ["daemonsets", "deployments", "replicasets", "statefulsets"]},
             {"apiGroups": ["batch"], "apiVersions": ["v1"], "operations": ["CREATE", "UPDATE"],
              "resources": ["cronjobs", "jobs"]}]},
        {"name": "validate.kyverno.svc-ignore", "failurePolicy": "Ignore", "matchPolicy": "Equivalent",
         "admissionReviewVersions": ["v1"], "sideEffects": "NoneOnDryRun", "timeoutSeconds": 10,
         "clientConfig": {"service": {"name": "kyverno-svc", "namespace": "kyverno", "path": "/validate/ignore",
                                      "port": 443}},
         "namespaceSelector": {"matchExpressions": [
             {"key": "kubernetes.io/metadata.name", "operator": "NotIn", "values": ["kube-system", "kyverno"]}]},
         "rules": [
             {"apiGroups": [""], "apiVersions": ["v1"], "operations": ["CREATE", "UPDATE"],
              "resources": ["pods", "pods/ephemeralcontainers"]},
             {"apiGroups": ["apps"], "apiVersions": ["v1"], "operations": ["CREATE", "UPDATE"],
              "resources": ["daemonsets", "deployments", "replicasets", "statefulsets"]},
             {"apiGroups": ["batch"], "apiVersions": ["v1"], "operations": ["CREATE", "UPDATE"],
              "resources": ["cronjobs", "jobs"]}]}]}


if __name__ == "__main__":
    main()
