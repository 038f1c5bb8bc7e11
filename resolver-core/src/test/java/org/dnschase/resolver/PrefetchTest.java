package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.CacheLab.WWW;
import static org.dnschase.resolver.CacheLab.WWW_TTL;

import java.net.InetAddress;
import java.time.Duration;
import org.dnschase.resolver.internal.servers.FakeTicker;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Fault;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** Prefetch over loopback: popular names are refreshed before they expire (Unbound's prefetch). */
class PrefetchTest {

  @Lab("CacheLab#start") private static TestHierarchy lab;
  private static AuthServer shop;
  private final FakeTicker ticker = new FakeTicker();
  private Resolver resolver;

  @BeforeAll
  static void startLab() throws Exception {
    shop = lab.server(InetAddress.getByName("127.53.40.3"));
  }

  @BeforeEach
  void warmResolver() {
    resolver = CacheLab.resolverFor(lab, ticker).prefetch(true).build();
    assertThat(resolver.resolve(WWW, Type.A)).isInstanceOf(Resolution.Answer.class);
    lab.clearQueries();
  }

  @AfterEach
  void close() {
    CacheLab.reviveUpstream(lab);
    resolver.close();
  }

  private Duration resolveTtl() {
    Resolution result = resolver.resolve(WWW, Type.A);
    assertThat(result).isInstanceOf(Resolution.Answer.class);
    return result.ttl();
  }

  @Test
  @DisplayName("A hit in the last 10% of the TTL triggers exactly one refresh; after the old expiry it is still a hit")
  void hitInLastTenPercent_refreshesOnce_andStaysWarm() {
    ticker.advanceSeconds(WWW_TTL * 9 / 10 + 1);
    // hold the refresh's reply, so that the hits below come while it is in flight
    shop.setFault(new Fault.Delay(Duration.ofMillis(100)));

    for (int i = 0; i < 10; i++) {
      assertThat(resolveTtl()).isEqualTo(Duration.ofSeconds(9));
    }
    CacheLab.awaitUntil("the refreshed record", () -> resolveTtl().toSeconds() == WWW_TTL);

    // one refresh, of that very question; a loaded machine may hold the delayed reply past the
    // 300 ms minimum timeout, and the refresh's own retry of the question is still one refresh
    assertThat(resolver.cacheStats().prefetches()).isOne();
    assertThat(lab.queries()).isNotEmpty().allSatisfy(query -> {
      assertThat(query.server()).isEqualTo(shop.address());
      assertThat(query.qname()).isEqualTo(WWW);
      assertThat(query.qtype()).isEqualTo(Type.A);
    });
    int refreshQueries = lab.queryCount();

    ticker.advanceSeconds(10); // 101 s after the first answer: the original record has expired
    Resolution afterExpiry = resolver.resolve(WWW, Type.A);

    assertThat(afterExpiry.upstreamQueries()).isZero();
    assertThat(afterExpiry.ttl()).isEqualTo(Duration.ofSeconds(WWW_TTL - 10));
    assertThat(lab.queryCount()).as("still only the refresh").isEqualTo(refreshQueries);
  }

  @Test
  @DisplayName("A hit before the last 10% of the TTL refreshes nothing")
  void hitBeforeLastTenPercent_refreshesNothing() {
    ticker.advanceSeconds(WWW_TTL * 9 / 10 - 1);

    assertThat(resolveTtl()).isEqualTo(Duration.ofSeconds(11));
    assertThat(lab.queries()).isEmpty();
    assertThat(resolver.cacheStats().prefetches()).isZero();
  }

  @Test
  @DisplayName("Prefetch is off by default: the entry goes cold and the next query goes upstream")
  void prefetchOff_byDefault() {
    try (Resolver plain = CacheLab.resolverFor(lab, ticker).build()) {
      plain.resolve(WWW, Type.A);
      lab.clearQueries();
      ticker.advanceSeconds(WWW_TTL - 1);
      plain.resolve(WWW, Type.A);
      assertThat(lab.queries()).isEmpty();

      ticker.advanceSeconds(1);
      Resolution afterExpiry = plain.resolve(WWW, Type.A);

      assertThat(afterExpiry.upstreamQueries()).isOne();
      assertThat(lab.queries()).extracting(RecordedQuery::qname).containsExactly(WWW);
      assertThat(plain.cacheStats().prefetches()).isZero();
    }
  }
}
