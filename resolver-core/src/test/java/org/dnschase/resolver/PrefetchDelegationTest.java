package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import org.dnschase.resolver.internal.servers.FakeTicker;
import org.dnschase.resolver.reply.ReplyPolicy;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Fault;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A prefetch whose zone's own delegation is about to expire too (Unbound's prefetch leeway): the
 * refresh asks the parent, whose referral renews the delegation (and would find a zone that
 * moved), and the NS set the zone's servers send beside the answer is renewed at its full TTL.
 */
class PrefetchDelegationTest {

  private static final Name WWW = Name.fromConstantString("www.shop.test.");
  private static final Name SHOP = Name.fromConstantString("shop.test.");
  private static final String PARENT = "127.53.41.2";
  private static final long TTL = 100;

  private static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root.test.", "127.53.41.1")
      .zone("test.", "ns", PARENT)
      .zone("shop.test.", shop -> shop.server("ns", "127.53.41.3").ttl(TTL).delegationTtl(TTL)
          .records("www " + TTL + " A 192.0.2.80"))
      .build();

  private static TestHierarchy lab;
  private final FakeTicker ticker = new FakeTicker();
  private Resolver resolver;
  private AuthServer shop;

  @BeforeAll
  static void startLab() {
    lab = TestHierarchy.builder().zones(TREE).build();
  }

  @AfterAll
  static void stopLab() {
    lab.close();
  }

  @BeforeEach
  void warmResolver() throws Exception {
    // The zone's server names its NS set beside the answer, which the resolver keeps as the zone's own.
    shop = lab.server(InetAddress.getByName("127.53.41.3"));
    shop.setFault(WWW, new Fault.OutOfBailiwick(
        new NSRecord(SHOP, DClass.IN, TTL, Name.fromConstantString("ns.shop.test.")), Section.AUTHORITY));
    resolver = CacheLab.resolverFor(lab, ticker).prefetch(true).replyPolicy(ReplyPolicy.defaults().withAnswerNameServersCached(true)).build();
    assertThat(resolver.resolve(WWW, Type.A)).isInstanceOf(Resolution.Answer.class);
    lab.clearQueries();
  }

  @AfterEach
  void close() {
    shop.clearFault();
    resolver.close();
  }

  @Test
  @DisplayName("a refresh does not start at a delegation due for a refresh itself: the parent is asked")
  void dueDelegation_refreshAsksTheParent() {
    ticker.advanceSeconds(TTL * 9 / 10 + 1);

    resolver.resolve(WWW, Type.A);
    CacheLab.awaitUntil("the refresh", () -> resolver.resolve(WWW, Type.A).ttl().toSeconds() == TTL);

    assertThat(lab.queries()).extracting(query -> query.server().getHostAddress()).first().isEqualTo(PARENT);
    assertThat(lab.queries()).extracting(RecordedQuery::qname).contains(WWW);
  }

  @Test
  @DisplayName("a refresh renews the zone's NS set at its full TTL, the one its servers give")
  void refresh_renewsTheNameServersAtFullTtl() {
    ticker.advanceSeconds(TTL * 9 / 10 + 1);

    resolver.resolve(WWW, Type.A);
    CacheLab.awaitUntil("the refresh", () -> resolver.resolve(WWW, Type.A).ttl().toSeconds() == TTL);

    Resolution nameServers = resolver.resolve(SHOP, Type.NS, Resolver.QueryOptions.DEFAULTS.withCacheOnly(true));
    assertThat(nameServers.ttl()).isEqualTo(Duration.ofSeconds(TTL));
  }
}
