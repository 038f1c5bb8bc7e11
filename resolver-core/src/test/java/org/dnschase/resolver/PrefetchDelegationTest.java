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
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A prefetch whose zone's own delegation is due for a refresh too (Unbound's prefetch leeway): the
 * refresh asks the zone's servers while their delegation outlives the data it replaces, else the
 * parent, whose referral renews the delegation (and would find a zone that moved); the NS set the
 * zone's servers send beside the answer is renewed at its full TTL.
 */
class PrefetchDelegationTest {

  private static final Name WWW = Name.fromConstantString("www.shop.test.");
  /** A name whose data outlives the zone's delegation. */
  private static final Name LATE = Name.fromConstantString("late.shop.test.");
  private static final Name SHOP = Name.fromConstantString("shop.test.");
  private static final String PARENT = "127.53.41.2";
  private static final String CHILD = "127.53.41.3";
  /** The TTL of {@link #WWW}'s data. */
  private static final long TTL = 100;
  /** The TTL of the zone's delegation and NS set: a little longer than {@link #WWW}'s data lives. */
  private static final long NS_TTL = 105;
  /** The TTL of {@link #LATE}'s data: longer than the delegation. */
  private static final long LATE_TTL = 110;

  private static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root.test.", "127.53.41.1")
      .zone("test.", "ns", PARENT)
      .zone("shop.test.", shop -> shop.server("ns", CHILD).ttl(NS_TTL).delegationTtl(NS_TTL)
          .records("www " + TTL + " A 192.0.2.80\nlate " + LATE_TTL + " A 192.0.2.81"))
      .build();

  @Lab private static TestHierarchy lab;
  private final FakeTicker ticker = new FakeTicker();
  private Resolver resolver;
  private AuthServer shop;

  @BeforeEach
  void warmResolver() throws Exception {
    // The zone's server names its NS set beside the answer, which the resolver keeps as the zone's own.
    shop = lab.server(InetAddress.getByName(CHILD));
    shop.setFault(WWW, new Fault.OutOfBailiwick(
        new NSRecord(SHOP, DClass.IN, NS_TTL, Name.fromConstantString("ns.shop.test.")), Section.AUTHORITY));
    resolver = CacheLab.resolverFor(lab, ticker).prefetch(true).replyPolicy(ReplyPolicy.defaults().withAnswerNameServersCached(true)).build();
    assertThat(resolver.resolve(WWW, Type.A)).isInstanceOf(Resolution.Answer.class);
    lab.settle(); // the root's priming, beside the cold resolution, is not the refresh's
    lab.clearQueries();
  }

  @AfterEach
  void close() {
    shop.clearFault();
    resolver.close();
  }

  @Test
  @DisplayName("a refresh starts at a delegation due for a refresh itself while it outlives the data it replaces: "
      + "the zone's servers are asked (Unbound looks a prefetch's delegation up at now + the data's remaining TTL)")
  void dueDelegationOutlivingTheData_refreshAsksTheZone() {
    ticker.advanceSeconds(TTL - 5); // the data has 5 s left, the delegation 10 s: both in their last tenth

    resolver.resolve(WWW, Type.A);
    CacheLab.awaitUntil("the refresh", () -> resolver.resolve(WWW, Type.A).ttl().toSeconds() == TTL);

    assertThat(lab.queries()).extracting(query -> query.server().getHostAddress()).containsOnly(CHILD);
    assertThat(lab.queries()).extracting(RecordedQuery::qname).contains(WWW);
  }

  @Test
  @DisplayName("a refresh does not start at a delegation that expires before the data it replaces: the parent is asked")
  void delegationExpiringFirst_refreshAsksTheParent() {
    assertThat(resolver.resolve(LATE, Type.A)).isInstanceOf(Resolution.Answer.class);
    lab.settle();
    lab.clearQueries();
    ticker.advanceSeconds(LATE_TTL - 9); // the data has 9 s left, the delegation 4 s

    resolver.resolve(LATE, Type.A);
    CacheLab.awaitUntil("the refresh", () -> resolver.resolve(LATE, Type.A).ttl().toSeconds() == LATE_TTL);

    assertThat(lab.queries()).extracting(query -> query.server().getHostAddress()).first().isEqualTo(PARENT);
    assertThat(lab.queries()).extracting(RecordedQuery::qname).contains(LATE);
  }

  @Test
  @DisplayName("a refresh renews the zone's NS set at its full TTL, the one its servers give")
  void refresh_renewsTheNameServersAtFullTtl() {
    ticker.advanceSeconds(TTL - 5);

    resolver.resolve(WWW, Type.A);
    CacheLab.awaitUntil("the refresh", () -> resolver.resolve(WWW, Type.A).ttl().toSeconds() == TTL);

    Resolution nameServers = resolver.resolve(SHOP, Type.NS, Resolver.QueryOptions.DEFAULTS.withCacheOnly(true));
    assertThat(nameServers.ttl()).isEqualTo(Duration.ofSeconds(NS_TTL));
  }
}
