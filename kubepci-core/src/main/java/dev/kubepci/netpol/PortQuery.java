package dev.kubepci.netpol;

import java.util.Locale;
import java.util.Optional;

/**
 * A destination port a user asks about: {@code 5432}, {@code 5432/TCP}, {@code UDP/53}, or a port name
 * ({@code https}) looked up in the destination pod's container ports.
 */
public record PortQuery(PortSet.Protocol protocol, Integer number, String name) {
  /**
   * @throws IllegalArgumentException with a message for the user
   */
  public static PortQuery parse(String text) {
    String t = text.trim();
    String proto = null;
    String port = t;
    int slash = t.indexOf('/');
    if (slash >= 0) {
      String a = t.substring(0, slash);
      String b = t.substring(slash + 1);
      if (a.matches("\\d+|[a-z0-9-]+") && isProtocol(b)) {
        port = a;
        proto = b;
      } else if (isProtocol(a)) {
        port = b;
        proto = a;
      } else {
        throw new IllegalArgumentException("'" + text + "' is not a port: use 5432, 5432/TCP, UDP/53 or a port name");
      }
    }
    PortSet.Protocol p = PortSet.Protocol.parse(proto);
    if (port.matches("\\d+")) {
      int n = Integer.parseInt(port);
      if (n < 1 || n > 65535) {
        throw new IllegalArgumentException("port " + n + " is out of range 1-65535");
      }
      return new PortQuery(p, n, null);
    }
    if (!port.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
      throw new IllegalArgumentException("'" + text + "' is not a port: use 5432, 5432/TCP, UDP/53 or a port name");
    }
    return new PortQuery(p, null, port);
  }

  private static boolean isProtocol(String s) {
    try {
      PortSet.Protocol.parse(s);
      return !s.isBlank();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The port number towards {@code destination}; empty when a name is not among its container ports. */
  public Optional<Integer> resolve(Endpoint destination) {
    if (number != null) {
      return Optional.of(number);
    }
    if (destination instanceof PodEndpoint p) {
      PodEndpoint.NamedPort np = p.namedPorts().get(name);
      if (np != null && np.protocol() == protocol) {
        return Optional.of(np.port());
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return protocol.name() + " " + (number != null ? number.toString() : name.toLowerCase(Locale.ROOT));
  }
}
