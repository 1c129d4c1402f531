package dev.kubepci.collect.cluster;

/**
 * The cluster cannot be assessed at all: no configuration, unreachable, credentials refused. The message is one
 * line for people, naming the server and what to do.
 */
public final class ClusterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ClusterException(String message) {
    super(message);
  }
}
