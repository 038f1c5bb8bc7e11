package org.dnschase.resolver.internal.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Address;
import org.xbill.DNS.Name;

/** The parent-side copy of name-server glue, kept beside the child's own addresses. */
class ParentSideGlueTest {

  private static final Name NS = Name.fromConstantString("ns.example.net.");

  private final FakeTicker ticker = new FakeTicker();
  private final ParentSideGlue glue = new ParentSideGlue(ticker, 1 << 20);

  @Test
  @DisplayName("glue lives for its TTL, and a later referral's glue replaces it with a fresh TTL")
  void liveForItsTtl() throws Exception {
    InetAddress first = Address.getByAddress("192.0.2.44");
    InetAddress second = Address.getByAddress("192.0.2.45");
    glue.remember(NS, List.of(first), 60);
    ticker.advance(Duration.ofSeconds(59));
    assertThat(glue.addressesOf(NS)).containsExactly(first);

    glue.remember(NS, List.of(second), 60);
    ticker.advance(Duration.ofSeconds(59));
    assertThat(glue.addressesOf(NS)).containsExactly(second);
    ticker.advance(Duration.ofSeconds(1));
    assertThat(glue.addressesOf(NS)).isEmpty();
  }

  @Test
  @DisplayName("RFC 1035 §3.2.1: glue with TTL 0 is used once and not kept")
  void ttlZero_isNotKept() throws Exception {
    glue.remember(NS, List.of(Address.getByAddress("192.0.2.44")), 0);

    assertThat(glue.addressesOf(NS)).isEmpty();
  }
}
