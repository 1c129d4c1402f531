package dev.kubepci.netpol;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A set of IPv4 and IPv6 addresses kept as sorted, disjoint intervals, so that ipBlocks with their {@code except}
 * lists, Calico {@code nets}/{@code notNets} and Cilium CIDR sets can be combined exactly: union, intersection and
 * difference. Immutable.
 */
public final class AddressSet {
  /** An address family and its width in bits. */
  public enum Family {
    IPV4(32), IPV6(128);

    private final int bits;

    Family(int bits) {
      this.bits = bits;
    }

    BigInteger max() {
      return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    }
  }

  /** A closed interval of addresses of one family. */
  record Interval(Family family, BigInteger start, BigInteger end) {}

  /** The characters an IPv4 or IPv6 literal is made of. */
  private static final Pattern ADDRESS_CHARS = Pattern.compile("[0-9a-fA-F:.]+");
  private static final Comparator<Interval> ORDER =
      Comparator.comparing(Interval::family).thenComparing(Interval::start);

  public static final AddressSet EMPTY = new AddressSet(List.of());
  public static final AddressSet ALL = of("0.0.0.0/0").union(of("::/0"));

  /** Private, loopback, link-local, shared, multicast and reserved ranges: addresses that are not on the Internet. */
  public static final AddressSet NON_PUBLIC = of(
      "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
      "192.168.0.0/16", "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8");

  /** The Internet: every address outside {@link #NON_PUBLIC}. */
  public static final AddressSet PUBLIC = ALL.minus(NON_PUBLIC);

  /** The RFC 1918 private IPv4 ranges, where pod networks usually live. */
  public static final AddressSet PRIVATE_V4 = of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");

  private final List<Interval> intervals;

  private AddressSet(List<Interval> intervals) {
    this.intervals = List.copyOf(intervals);
  }

  /**
   * The union of the given CIDRs or single addresses ({@code 10.0.0.0/8}, {@code 192.0.2.1}, {@code 2001:db8::/32}).
   *
   * @throws IllegalArgumentException naming the value when one is not a CIDR or address
   */
  public static AddressSet of(String... cidrs) {
    return of(List.of(cidrs));
  }

  public static AddressSet of(List<String> cidrs) {
    List<Interval> list = new ArrayList<>();
    for (String c : cidrs) {
      list.add(parse(c));
    }
    return normalise(list);
  }

  /**
   * The addresses of those {@code values} that parse as a CIDR or a single address, each value parsed once; the others
   * (a name, {@code 10.244.300.0/24}) are left out.
   */
  public static AddressSet ofValid(List<String> values) {
    List<Interval> list = new ArrayList<>();
    for (String v : values) {
      try {
        list.add(parse(v));
      } catch (IllegalArgumentException notAnAddress) {
        // not an address: left out
      }
    }
    return normalise(list);
  }

  /** True when {@code value} parses as a CIDR or a single address. */
  public static boolean isCidr(String value) {
    try {
      parse(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Interval parse(String cidr) {
    String text = Objects.requireNonNull(cidr, "cidr").trim();
    int slash = text.indexOf('/');
    String addr = slash < 0 ? text : text.substring(0, slash);
    if (addr.isEmpty() || !ADDRESS_CHARS.matcher(addr).matches() || (!addr.contains(".") && !addr.contains(":"))) {
      throw new IllegalArgumentException("not an IP address or CIDR: " + cidr);
    }
    byte[] bytes = addr.indexOf(':') >= 0 ? v6Literal(addr) : v4Literal(addr);
    if (bytes == null) {
      throw new IllegalArgumentException("not an IP address or CIDR: " + cidr);
    }
    Family family = bytes.length == 4 ? Family.IPV4 : Family.IPV6;
    int prefix;
    try {
      prefix = slash < 0 ? family.bits : Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an IP address or CIDR: " + cidr);
    }
    if (prefix < 0 || prefix > family.bits) {
      throw new IllegalArgumentException("prefix length out of range in " + cidr);
    }
    BigInteger value = new BigInteger(1, bytes);
    BigInteger hostMask = BigInteger.ONE.shiftLeft(family.bits - prefix).subtract(BigInteger.ONE);
    BigInteger start = value.andNot(hostMask);
    return new Interval(family, start, start.or(hostMask));
  }

  /**
   * The bytes of an IPv4 literal, or null: one to four dot-separated decimal parts, the last filling the bytes left
   * ({@code 10.1} is {@code 10.0.0.1}), as {@link InetAddress#getByName} reads a literal. That method looks up
   * anything else as a host name, so a value such as {@code 10.244.300.0} in a Node's {@code podCIDR} would send a DNS
   * query per value (seconds each where no resolver answers, and a scanner must not reach out from the input it
   * reads); such values are refused here instead, as a failed lookup refused them.
   */
  static byte[] v4Literal(String addr) {
    if (addr.isEmpty() || addr.length() > 15) {
      return null;
    }
    byte[] bytes = new byte[4];
    long part = 0;
    int filled = 0;
    boolean empty = true;
    for (int i = 0; i < addr.length(); i++) {
      char c = addr.charAt(i);
      if (c == '.') {
        if (empty || part > 0xff || filled == 3) {
          return null;
        }
        bytes[filled++] = (byte) part;
        part = 0;
        empty = true;
      } else if (c >= '0' && c <= '9') {
        part = part * 10 + (c - '0');
        empty = false;
      } else {
        return null;
      }
    }
    if (empty || part >= 1L << (4 - filled) * 8) {
      return null;
    }
    for (int i = 3; i >= filled; i--) {
      bytes[i] = (byte) part;
      part >>>= 8;
    }
    return bytes;
  }

  /**
   * The bytes of an IPv6 literal (4 bytes for an IPv4-mapped one, as Java reads it), or null. In brackets, Java reads
   * the text as a literal only and never looks it up.
   */
  private static byte[] v6Literal(String addr) {
    try {
      return InetAddress.getByName("[" + addr + "]").getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static AddressSet normalise(List<Interval> raw) {
    List<Interval> sorted = new ArrayList<>(raw);
    sorted.sort(ORDER);
    List<Interval> out = new ArrayList<>();
    for (Interval i : sorted) {
      if (!out.isEmpty()) {
        Interval last = out.get(out.size() - 1);
        if (last.family == i.family && last.end.add(BigInteger.ONE).compareTo(i.start) >= 0) {
          out.set(out.size() - 1, new Interval(i.family, last.start, last.end.max(i.end)));
          continue;
        }
      }
      out.add(i);
    }
    return new AddressSet(out);
  }

  public boolean isEmpty() {
    return intervals.isEmpty();
  }

  public AddressSet union(AddressSet other) {
    if (other.isEmpty() || other == this) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    List<Interval> all = new ArrayList<>(intervals);
    all.addAll(other.intervals);
    return normalise(all);
  }

  public AddressSet intersect(AddressSet other) {
    if (other == this || other == ALL) {
      return this;
    }
    if (this == ALL) {
      return other;
    }
    if (isEmpty() || other.isEmpty()) {
      return EMPTY;
    }
    List<Interval> out = new ArrayList<>();
    for (Interval a : intervals) {
      for (Interval b : other.intervals) {
        if (a.family != b.family) {
          continue;
        }
        BigInteger s = a.start.max(b.start);
        BigInteger e = a.end.min(b.end);
        if (s.compareTo(e) <= 0) {
          out.add(new Interval(a.family, s, e));
        }
      }
    }
    return normalise(out);
  }

  public AddressSet minus(AddressSet other) {
    if (other.isEmpty() || isEmpty()) {
      return this;
    }
    if (other == ALL || other == this) {
      return EMPTY;
    }
    List<Interval> current = new ArrayList<>(intervals);
    for (Interval cut : other.intervals) {
      List<Interval> next = new ArrayList<>();
      for (Interval a : current) {
        if (a.family != cut.family || cut.end.compareTo(a.start) < 0 || cut.start.compareTo(a.end) > 0) {
          next.add(a);
          continue;
        }
        if (cut.start.compareTo(a.start) > 0) {
          next.add(new Interval(a.family, a.start, cut.start.subtract(BigInteger.ONE)));
        }
        if (cut.end.compareTo(a.end) < 0) {
          next.add(new Interval(a.family, cut.end.add(BigInteger.ONE), a.end));
        }
      }
      current = next;
    }
    return normalise(current);
  }

  public boolean overlaps(AddressSet other) {
    return !intersect(other).isEmpty();
  }

  /** True when every address of {@code other} is in this set. */
  public boolean containsAll(AddressSet other) {
    return other.minus(this).isEmpty();
  }

  /** The set as the smallest list of CIDRs, e.g. {@code [10.0.0.0/8, 192.168.1.0/24]}. */
  public List<String> toCidrs() {
    List<String> out = new ArrayList<>();
    for (Interval i : intervals) {
      BigInteger start = i.start;
      while (start.compareTo(i.end) <= 0) {
        int size = start.signum() == 0 ? i.family.bits : Math.min(start.getLowestSetBit(), i.family.bits);
        while (size > 0 && start.add(BigInteger.ONE.shiftLeft(size)).subtract(BigInteger.ONE).compareTo(i.end) > 0) {
          size--;
        }
        out.add(format(i.family, start) + "/" + (i.family.bits - size));
        start = start.add(BigInteger.ONE.shiftLeft(size));
      }
    }
    return out;
  }

  private static String format(Family family, BigInteger value) {
    byte[] raw = value.toByteArray();
    int len = family == Family.IPV4 ? 4 : 16;
    byte[] bytes = new byte[len];
    int copy = Math.min(raw.length, len);
    System.arraycopy(raw, raw.length - copy, bytes, len - copy, copy);
    try {
      String s = InetAddress.getByAddress(bytes).getHostAddress();
      return family == Family.IPV6 ? compressV6(s) : s;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Java prints {@code 0:0:0:0:0:0:0:0}; people write {@code ::}. */
  private static String compressV6(String s) {
    String[] parts = s.split(":");
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < parts.length; ) {
      if (parts[i].equals("0")) {
        int j = i;
        while (j < parts.length && parts[j].equals("0")) {
          j++;
        }
        if (j - i > bestLen) {
          bestStart = i;
          bestLen = j - i;
        }
        i = j;
      } else {
        i++;
      }
    }
    if (bestLen < 2) {
      return s;
    }
    String head = String.join(":", java.util.Arrays.copyOfRange(parts, 0, bestStart));
    String tail = String.join(":", java.util.Arrays.copyOfRange(parts, bestStart + bestLen, parts.length));
    return head + "::" + tail;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AddressSet other && intervals.equals(other.intervals);
  }

  @Override
  public int hashCode() {
    return intervals.hashCode();
  }

  @Override
  public String toString() {
    if (isEmpty()) {
      return "no address";
    }
    if (equals(ALL)) {
      return "any address";
    }
    if (equals(PUBLIC)) {
      return "any Internet address";
    }
    List<String> cidrs = toCidrs();
    if (cidrs.size() > 4) {
      return String.join(", ", cidrs.subList(0, 3)) + " and " + (cidrs.size() - 3) + " more ranges";
    }
    return String.join(", ", cidrs);
  }
}
