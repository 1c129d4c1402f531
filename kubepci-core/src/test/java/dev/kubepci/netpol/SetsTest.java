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
}
