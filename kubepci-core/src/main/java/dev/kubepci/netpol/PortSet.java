package dev.kubepci.netpol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A set of destination ports per transport protocol, kept as sorted disjoint ranges, so that what egress allows can
 * be intersected with what ingress allows and Calico or Cilium deny rules can be subtracted exactly. Immutable.
 */
public final class PortSet {
  /** The protocols NetworkPolicy ports name. */
  public enum Protocol {
    TCP, UDP, SCTP;

    /** Parses a protocol name; null or blank means TCP, as Kubernetes defaults it. */
    public static Protocol parse(String s) {
      if (s == null || s.isBlank()) {
        return TCP;
      }
      try {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown protocol '" + s + "' (expected TCP, UDP or SCTP)");
      }
    }
  }

  /** A closed range of port numbers. */
  public record Range(int from, int to) {
    public Range {
      if (from < 1 || to > 65535 || from > to) {
        throw new IllegalArgumentException("invalid port range " + from + "-" + to);
      }
    }

    @Override
    public String toString() {
      return from == to ? Integer.toString(from) : from + "-" + to;
    }
  }

  private static final Range FULL = new Range(1, 65535);

  public static final PortSet NONE = new PortSet(new EnumMap<>(Protocol.class));
  public static final PortSet ALL;

  static {
    Map<Protocol, List<Range>> all = new EnumMap<>(Protocol.class);
    for (Protocol p : Protocol.values()) {
      all.put(p, List.of(FULL));
    }
    ALL = new PortSet(all);
  }

  private final Map<Protocol, List<Range>> ranges;

  private PortSet(Map<Protocol, List<Range>> ranges) {
    Map<Protocol, List<Range>> copy = new EnumMap<>(Protocol.class);
    ranges.forEach((k, v) -> {
      if (!v.isEmpty()) {
        copy.put(k, List.copyOf(v));
      }
    });
    this.ranges = copy;
  }

  /** Every port of one protocol. */
  public static PortSet allOf(Protocol protocol) {
    return of(protocol, 1, 65535);
  }

  public static PortSet of(Protocol protocol, int port) {
    return of(protocol, port, port);
  }

  public static PortSet of(Protocol protocol, int from, int to) {
    Map<Protocol, List<Range>> m = new EnumMap<>(Protocol.class);
    m.put(protocol, List.of(new Range(from, to)));
    return new PortSet(m);
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  public boolean isAll() {
    return equals(ALL);
  }

  public boolean contains(Protocol protocol, int port) {
    for (Range r : ranges.getOrDefault(protocol, List.of())) {
      if (r.from <= port && port <= r.to) {
        return true;
      }
    }
    return false;
  }

  public PortSet union(PortSet other) {
    Map<Protocol, List<Range>> m = new EnumMap<>(Protocol.class);
    for (Protocol p : Protocol.values()) {
      List<Range> all = new ArrayList<>(ranges.getOrDefault(p, List.of()));
      all.addAll(other.ranges.getOrDefault(p, List.of()));
      m.put(p, merge(all));
    }
    return new PortSet(m);
  }

  public PortSet intersect(PortSet other) {
    Map<Protocol, List<Range>> m = new EnumMap<>(Protocol.class);
    for (Protocol p : Protocol.values()) {
      List<Range> out = new ArrayList<>();
      for (Range a : ranges.getOrDefault(p, List.of())) {
        for (Range b : other.ranges.getOrDefault(p, List.of())) {
          int from = Math.max(a.from, b.from);
          int to = Math.min(a.to, b.to);
          if (from <= to) {
            out.add(new Range(from, to));
          }
        }
      }
      m.put(p, merge(out));
    }
    return new PortSet(m);
  }

  public PortSet minus(PortSet other) {
    Map<Protocol, List<Range>> m = new EnumMap<>(Protocol.class);
    for (Protocol p : Protocol.values()) {
      List<Range> current = new ArrayList<>(ranges.getOrDefault(p, List.of()));
      for (Range cut : other.ranges.getOrDefault(p, List.of())) {
        List<Range> next = new ArrayList<>();
        for (Range a : current) {
          if (cut.to < a.from || cut.from > a.to) {
            next.add(a);
            continue;
          }
          if (cut.from > a.from) {
            next.add(new Range(a.from, cut.from - 1));
          }
          if (cut.to < a.to) {
            next.add(new Range(cut.to + 1, a.to));
          }
        }
        current = next;
      }
      m.put(p, merge(current));
    }
    return new PortSet(m);
  }

  private static List<Range> merge(List<Range> raw) {
    List<Range> sorted = new ArrayList<>(raw);
    sorted.sort(Comparator.comparingInt(Range::from));
    List<Range> out = new ArrayList<>();
    for (Range r : sorted) {
      if (!out.isEmpty() && out.get(out.size() - 1).to + 1 >= r.from) {
        Range last = out.remove(out.size() - 1);
        out.add(new Range(last.from, Math.max(last.to, r.to)));
      } else {
        out.add(r);
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PortSet other && ranges.equals(other.ranges);
  }

  @Override
  public int hashCode() {
    return ranges.hashCode();
  }

  /** {@code all ports}, {@code no port}, or e.g. {@code TCP 80, 443, 8000-8100; UDP 53}. */
  @Override
  public String toString() {
    if (isAll()) {
      return "all ports";
    }
    if (isEmpty()) {
      return "no port";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Protocol, List<Range>> e : ranges.entrySet()) {
      if (e.getValue().equals(List.of(FULL))) {
        parts.add("all " + e.getKey() + " ports");
      } else {
        List<String> rs = e.getValue().stream().map(Range::toString).toList();
        parts.add(e.getKey() + " " + String.join(", ", rs));
      }
    }
    return String.join("; ", parts);
  }
}
