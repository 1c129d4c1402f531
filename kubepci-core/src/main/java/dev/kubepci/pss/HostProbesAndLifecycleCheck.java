package dev.kubepci.pss;

import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.TCPSocketAction;

/**
 * {@code hostProbesAndHostLifecycle} (from v1.34): probes and lifecycle hooks must not name a
 * host, since the kubelet would connect to it from the node's network.
 */
final class HostProbesAndLifecycleCheck {
  private HostProbesAndLifecycleCheck() {}

  static void v1Dot34(PodView pod, Findings findings) {
    for (ContainerView c : pod.containers()) {
      probe(findings, c, "livenessProbe", c.livenessProbe());
      probe(findings, c, "readinessProbe", c.readinessProbe());
      probe(findings, c, "startupProbe", c.startupProbe());
      if (c.lifecycle() != null) {
        handler(findings, c, "lifecycle.postStart", c.lifecycle().getPostStart());
        handler(findings, c, "lifecycle.preStop", c.lifecycle().getPreStop());
      }
    }
  }

  private static void probe(Findings findings, ContainerView c, String field, Probe probe) {
    if (probe != null) {
      actions(findings, c, field, probe.getHttpGet(), probe.getTcpSocket());
    }
  }

  private static void handler(
      Findings findings, ContainerView c, String field, LifecycleHandler handler) {
    if (handler != null) {
      actions(findings, c, field, handler.getHttpGet(), handler.getTcpSocket());
    }
  }

  private static void actions(
      Findings findings, ContainerView c, String field, HTTPGetAction http, TCPSocketAction tcp) {
    if (http != null) {
      flag(findings, c, field + ".httpGet.host", http.getHost());
    }
    if (tcp != null) {
      flag(findings, c, field + ".tcpSocket.host", tcp.getHost());
    }
  }

  private static void flag(Findings findings, ContainerView c, String field, String host) {
    if (host != null && !host.isEmpty()) {
      findings.add(
          c.path() + "." + field,
          "probe or lifecycle host",
          c.label() + " uses probe or lifecycle host " + Text.quote(host));
    }
  }
}
