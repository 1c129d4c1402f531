package dev.kubepci.netpol;

import java.util.Objects;

/**
 * Addresses outside the pod network: the Internet, a CIDR the user named, or the nodes.
 *
 * @param name how reports name it
 */
public record AddressEndpoint(String name, AddressSet addresses) implements Endpoint {
  public static final String INTERNET = "internet";

  public AddressEndpoint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(addresses, "addresses");
  }

  /** Every public address. */
  public static AddressEndpoint internet() {
    return new AddressEndpoint(INTERNET, AddressSet.PUBLIC);
  }

  @Override
  public String display() {
    return name;
  }
}
