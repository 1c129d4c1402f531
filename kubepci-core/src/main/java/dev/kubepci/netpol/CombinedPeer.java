package dev.kubepci.netpol;

import java.util.List;

/**
 * Several peers as one: any of them ({@link Peer#anyOf}, the union of what each matches) or all of them
 * ({@link Peer#allOf}, the intersection).
 */
final class CombinedPeer implements Peer {
  private final List<Peer> peers;
  private final boolean all;
  private final String description;

  /** @param all true for all of {@code peers}, false for any of them */
  CombinedPeer(List<Peer> peers, boolean all, String description) {
    this.peers = peers;
    this.all = all;
    this.description = description;
  }

  @Override
  public AddressSet match(Endpoint peer, Addressing addressing) {
    AddressSet out = all ? Peer.whole(peer) : AddressSet.EMPTY;
    for (Peer p : peers) {
      AddressSet matched = p.match(peer, addressing);
      out = all ? out.intersect(matched) : out.union(matched);
    }
    return out;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public boolean isNothing() {
    return all ? peers.stream().anyMatch(Peer::isNothing) : peers.stream().allMatch(Peer::isNothing);
  }

  @Override
  public boolean isEverything() {
    return all ? peers.stream().allMatch(Peer::isEverything) : peers.stream().anyMatch(Peer::isEverything);
  }

  @Override
  public boolean addressBased() {
    return peers.stream().anyMatch(Peer::addressBased);
  }
}
