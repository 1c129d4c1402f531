package dev.kubepci.netpol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubepci.netpol.PortSet.Protocol;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Address, port and traffic set algebra, and Calico selectors. */
class SetsTest {
  @Test
  void addressSetSubtractsAndPrintsMinimalCidrs() {
    AddressSet s = AddressSet.of("10.0.0.0/8").minus(AddressSet.of("10.128.0.0/9"));
    assertThat(s.toCidrs()).containsExactly("10.0.0.0/9");
    AddressSet hole = AddressSet.of("192.168.0.0/24").minus(AddressSet.of("192.168.0.16/28"));
    assertThat(hole.toCidrs()).containsExactly("192.168.0.0/28", "192.168.0.32/27", "192.168.0.64/26",
        "192.168.0.128/25");
    assertThat(AddressSet.of("0.0.0.0/0").toCidrs()).containsExactly("0.0.0.0/0");
    assertThat(AddressSet.of("2001:db8::/32").toCidrs()).containsExactly("2001:db8::/32");
    assertThat(AddressSet.of("10.1.2.3").containsAll(AddressSet.of("10.1.2.3/32"))).isTrue();
  }

  @Test
  void publicSpaceExcludesPrivateRanges() {
    assertThat(AddressSet.PUBLIC.overlaps(AddressSet.of("8.8.8.8"))).isTrue();
    assertThat(AddressSet.PUBLIC.overlaps(AddressSet.of("10.9.8.7"))).isFalse();
    assertThat(AddressSet.PUBLIC.overlaps(AddressSet.of("fd00::1"))).isFalse();
    assertThat(AddressSet.PUBLIC.overlaps(AddressSet.of("2606:4700::1111"))).isTrue();
  }

  @Test
  void addressSetRejectsNonsense() {
    assertThatThrownBy(() -> AddressSet.of("10.0.0.0/33")).hasMessageContaining("prefix");
    assertThatThrownBy(() -> AddressSet.of("example.com")).hasMessageContaining("not an IP");
    assertThat(AddressSet.isCidr("300.1.1.1")).isFalse();
  }

  @Test
  void ipv4LiteralsReadAsJavaReadsThemAndNothingElseIsLookedUp() throws Exception {
    // every value Java reads as a literal (no lookup for these) gives the same bytes
    for (String literal : new String[] {"10.1.2.3", "0.0.0.0", "255.255.255.255", "10.1", "10.1.2", "010.1.2.3",
        "4294967295", "192.168.000.001"}) {
      assertThat(AddressSet.v4Literal(literal)).as(literal)
          .isEqualTo(java.net.InetAddress.getByName(literal).getAddress());
    }
    // what Java would have looked up as a host name is refused without a lookup: an octet over 255 (a 300k-object
    // cluster's Node podCIDR 10.244.300.0/24), too many parts, hexadecimal letters, an empty part
    for (String name : new String[] {"10.244.300.0", "1.2.3.4.5", "cafe.be", "1e.2.3.4", "10..1.2", "10.1.2.", ".1",
        "4294967296", "1.2.3.4567890123456"}) {
      assertThat(AddressSet.v4Literal(name)).as(name).isNull();
    }
    assertThat(AddressSet.isCidr("10.244.300.0/24")).isFalse();
    assertThat(AddressSet.isCidr("dead.beef")).isFalse();
    assertThat(AddressSet.of("10.244.3.0/24").toCidrs()).containsExactly("10.244.3.0/24");
    // IPv6 literals only, an IPv4-mapped one read as IPv4
    assertThat(AddressSet.of("::ffff:10.1.2.3").toCidrs()).containsExactly("10.1.2.3/32");
    assertThat(AddressSet.isCidr("1::2::3")).isFalse();
    assertThat(AddressSet.isCidr("::ffff:300.1.1.1")).isFalse();
  }

  @Test
  void portSetAlgebra() {
    PortSet a = PortSet.of(Protocol.TCP, 1000, 2000);
    PortSet b = PortSet.of(Protocol.TCP, 1500, 2500).union(PortSet.of(Protocol.UDP, 53));
    assertThat(a.intersect(b)).isEqualTo(PortSet.of(Protocol.TCP, 1500, 2000));
    assertThat(a.minus(PortSet.of(Protocol.TCP, 1200))).hasToString("TCP 1000-1199, 1201-2000");
    assertThat(PortSet.ALL).hasToString("all ports");
    assertThat(PortSet.allOf(Protocol.TCP).union(PortSet.of(Protocol.UDP, 53))).hasToString("all TCP ports; UDP 53");
  }

  @Test
  void trafficSetKeepsAddressesWithTheirPorts() {
    TrafficSet t = TrafficSet.of(AddressSet.of("203.0.113.0/24"), PortSet.of(Protocol.TCP, 443))
        .plus(AddressSet.of("198.51.100.0/24"), PortSet.of(Protocol.TCP, 22));
    assertThat(t.addressesOn(Protocol.TCP, 22)).isEqualTo(AddressSet.of("198.51.100.0/24"));
    TrafficSet denied = t.minus(AddressSet.of("203.0.113.0/25"), PortSet.ALL);
    assertThat(denied.addressesOn(Protocol.TCP, 443)).isEqualTo(AddressSet.of("203.0.113.128/25"));
  }

  @Test
  void calicoSelectorOperators() {
    Map<String, String> labels = Map.of("app", "web", "tier", "front", "env", "prod");
    assertThat(CalicoSelector.parse("app == 'web' && has(tier)").matches(labels)).isTrue();
    assertThat(CalicoSelector.parse("env in {\"prod\", \"pci\"} && !has(debug)").matches(labels)).isTrue();
    assertThat(CalicoSelector.parse("env not in {'prod'} || app != 'web'").matches(labels)).isFalse();
    assertThat(CalicoSelector.parse("(app starts with 'we' && tier ends with 'nt') && app contains 'e'")
        .matches(labels)).isTrue();
    assertThat(CalicoSelector.parse("missing != 'x'").matches(labels)).isTrue();
    assertThat(CalicoSelector.parse("all()").matches(Map.of())).isTrue();
    assertThat(CalicoSelector.parse("global()").matches(labels)).isFalse();
    assertThat(CalicoSelector.parse("").matches(Map.of())).isTrue();
    assertThatThrownBy(() -> CalicoSelector.parse("app == web")).hasMessageContaining("quoted value");
    assertThatThrownBy(() -> CalicoSelector.parse("has(app")).hasMessageContaining("')'");
  }

  @Test
  void ofValidKeepsTheValuesThatAreAddressesAndLeavesOutTheRest() {
    assertThat(AddressSet.ofValid(java.util.List.of("10.0.0.0/24", " 10.0.1.0/24 ", "10.244.300.0/24", "db.example",
        "fd00::1"))).isEqualTo(AddressSet.of("10.0.0.0/23", "fd00::1"));
    assertThat(AddressSet.ofValid(java.util.List.of("not-an-address"))).isEqualTo(AddressSet.EMPTY);
  }
}
