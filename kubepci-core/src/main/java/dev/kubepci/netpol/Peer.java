package dev.kubepci.netpol;

import dev.kubepci.model.Inventory;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The other end a rule names (its {@code from} or {@code to}), normalised across policy languages. Matching answers
 * which part of the peer the rule covers: {@link AddressSet#ALL} for a pod that matches, the covered addresses for an
 * address range, {@link AddressSet#EMPTY} for no match.
 */
public sealed interface Peer permits Peer.Declared, CombinedPeer {
  AddressSet match(Endpoint peer, Addressing addressing);

  /** For reports: {@code pods app=web in namespaces team=shop}, {@code 10.0.0.0/8 except 10.1.0.0/16}. */
  String describe();

  /** True when the rule matches no peer at all (Cilium's empty rule, an empty selector list). */
  boolean isNothing();

  /** True when the rule matches every peer, inside and outside the cluster. */
  boolean isEverything();

  /** True when the peer is (or includes) an address range, which may or may not cover pod addresses. */
  boolean addressBased();

  /** What a peer needs to know about addresses: the CNI semantics and the pod and node address ranges. */
  interface Addressing {
    PolicyKind engine();

    /**
     * The addresses a pod may have: its IPs when known, else the cluster's pod network (node pod CIDRs, Calico IP
     * pools), else null when unknown. For a host-network pod, the node addresses.
     */
    AddressSet addressesOf(PodEndpoint pod);
  }

  /** What a peer matches of an endpoint, as {@link Peer#match} answers it. */
  @FunctionalInterface
  interface Match {
    AddressSet match(Endpoint peer, Addressing addressing);
  }

  /** Which of {@link #isNothing}, {@link #isEverything} and {@link #addressBased} a declared peer answers true. */
  enum Extent { SOME, NOTHING, EVERYTHING, ADDRESSES }

  /** A peer declared by its description, its extent and what it matches. */
  record Declared(String describe, Extent extent, Match matcher) implements Peer {
    @Override
    public AddressSet match(Endpoint peer, Addressing addressing) {
      return matcher.match(peer, addressing);
    }

    @Override
    public boolean isNothing() {
      return extent == Extent.NOTHING;
    }

    @Override
    public boolean isEverything() {
      return extent == Extent.EVERYTHING;
    }

    @Override
    public boolean addressBased() {
      return extent == Extent.ADDRESSES;
    }
  }

  /** A peer that matches what {@code match} matches. */
  static Peer of(String description, Match match) {
    return new Declared(description, Extent.SOME, match);
  }

  static AddressSet whole(Endpoint e) {
    return e instanceof AddressEndpoint a ? a.addresses() : AddressSet.ALL;
  }

  /** Every peer: an empty {@code from}/{@code to}, a Calico rule without source, Cilium entity {@code all}. */
  static Peer everything(String description) {
    return new Declared(description, Extent.EVERYTHING, (peer, addressing) -> whole(peer));
  }

  static Peer nothing(String description) {
    return new Declared(description, Extent.NOTHING, (peer, addressing) -> AddressSet.EMPTY);
  }

  /**
   * The pods Service {@code namespace/name} selects (Calico {@code services}, Cilium {@code toServices}): none when the
   * Service is not in the input or has no selector.
   */
  static Peer podsOfService(Inventory inventory, String namespace, String name, String description) {
    Map<String, String> selector = inventory.get("Service", namespace, name).flatMap(s -> s.as(Service.class))
        .map(s -> s.getSpec() == null ? null : s.getSpec().getSelector()).orElse(null);
    return pods(p -> selector != null && !selector.isEmpty() && p.namespace().equals(namespace)
        && p.labels().entrySet().containsAll(selector.entrySet()), description);
  }

  /** Pods (never host-network ones, which NetworkPolicy sees as their node) that {@code test} accepts. */
  static Peer pods(Predicate<PodEndpoint> test, String description) {
    return of(description, (peer, addressing) ->
        peer instanceof PodEndpoint p && !p.hostNetwork() && test.test(p) ? AddressSet.ALL : AddressSet.EMPTY);
  }

  /** Host-network pods, as the nodes they run on (Cilium entities {@code host} and {@code remote-node}). */
  static Peer hosts(String description) {
    return of(description, (peer, addressing) ->
        peer instanceof PodEndpoint p && p.hostNetwork() ? AddressSet.ALL : AddressSet.EMPTY);
  }

  /**
   * An address range (ipBlock, Calico nets, Cilium CIDR). Whether it also covers pods is up to the CNI: Calico
   * matches pod IPs, Cilium never does, and for other CNIs Kubernetes leaves it undefined; kubepci then assumes the
   * range covers a pod when it overlaps the pod's known addresses, or, when those are unknown, when it spans every
   * private range. Over-stating reach is safer than under-stating it.
   */
  static Peer addresses(AddressSet range, String description) {
    return new Declared(description, Extent.ADDRESSES, (peer, addressing) -> {
      if (peer instanceof AddressEndpoint a) {
        return a.addresses().intersect(range);
      }
      PodEndpoint p = (PodEndpoint) peer;
      if (addressing.engine() == PolicyKind.CILIUM && !p.hostNetwork()) {
        return AddressSet.EMPTY;
      }
      AddressSet known = addressing.addressesOf(p);
      boolean covers = known != null ? range.overlaps(known) : range.containsAll(AddressSet.PRIVATE_V4);
      return covers ? AddressSet.ALL : AddressSet.EMPTY;
    });
  }

  /** Any of {@code peers}. */
  static Peer anyOf(List<Peer> peers, String description) {
    return new CombinedPeer(List.copyOf(peers), false, description);
  }

  /** Peers {@code a} and {@code b} both match (Calico: a selector and nets in one rule). */
  static Peer allOf(List<Peer> peers, String description) {
    return new CombinedPeer(new ArrayList<>(peers), true, description);
  }

  /** Peers {@code base} matches and {@code excluded} does not (Calico notSelector, notNets). */
  static Peer excluding(Peer base, Peer excluded, String description) {
    return new Declared(description, base.isNothing() ? Extent.NOTHING : Extent.SOME, (peer, addressing) -> {
      AddressSet in = base.match(peer, addressing);
      if (in.isEmpty()) {
        return in;
      }
      if (peer instanceof AddressEndpoint) {
        return in.minus(excluded.match(peer, addressing));
      }
      return excluded.match(peer, addressing).isEmpty() ? in : AddressSet.EMPTY;
    });
  }
}
