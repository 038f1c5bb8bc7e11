package org.dnschase.resolver.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * RFC 1035 §4.1.1, RFC 1034 §4.3.1: a query without RD asks the server what it knows, not to
 * recurse. The server answers it from the cache only, never sending a query upstream, and refuses
 * what the cache cannot answer, as Unbound does (its {@code allow} access refuses every RD=0
 * question; {@code allow_snoop} answers a cached one).
 */
class RecursionDesiredTest {

  static ServerLab lab;

  @BeforeAll
  static void start() {
    lab = ServerLab.start();
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  @Test
  @DisplayName("RD=0 on an uncached name: no upstream query, REFUSED with Extended DNS Error 20 (Not"
      + " Authoritative), not a SERVFAIL that says the server is failing")
  void uncached_notRecursed() {
    Peers.Output dig = Peers.dig(lab.address(), "+norecurse", "slow.shop.example.", "A");

    assertThat(dig.status()).as(dig.text()).isEqualTo("REFUSED");
    assertThat(dig.flags()).doesNotContain("rd");
    assertThat(dig.text()).contains("EDE: 20 (Not Authoritative)");
    assertThat(lab.hierarchy.queryCount()).as("upstream queries").isZero();
  }

  @Test
  @DisplayName("RD=0 on a cached chain: answered from the cache, chain and all, with no upstream query")
  void cached_answered() {
    assertThat(Peers.dig(lab.address(), "www.shop.example.", "A").status()).isEqualTo("NOERROR");
    lab.settle();
    lab.hierarchy.clearQueries();

    Peers.Output dig = Peers.kdig(lab.address(), "+norecurse", "www.shop.example.", "A");

    assertThat(dig.status()).as(dig.text()).isEqualTo("NOERROR");
    assertThat(dig.answers()).hasSize(3);
    assertThat(lab.hierarchy.queryCount()).as("upstream queries").isZero();
  }
}
