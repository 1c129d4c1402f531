package dev.kubepci.netpol;

/**
 * One end of a connection: a pod (of a workload, or a hypothetical new pod of a namespace) or a range of addresses
 * outside the pod network (the Internet, a CIDR, the nodes).
 */
public sealed interface Endpoint permits PodEndpoint, AddressEndpoint {
  /** How reports name it: {@code Deployment/payments/payment-api}, {@code internet}, {@code 10.0.0.0/8}. */
  String display();
}
