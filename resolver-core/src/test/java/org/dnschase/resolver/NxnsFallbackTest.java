package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Dispatcher;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The NXNSAttack limits count what name-server look-ups cost the servers asked, as Unbound's do:
 * a look-up the cache answers (an NXDOMAIN cached earlier) asks nobody and is not counted, so a
 * delegation whose first names are known not to exist still reaches the name that does; and a
 * cached delegation (the child zone's own NS set) whose names do not resolve is asked of the
 * parent zone again, whose referral and glue may work (Unbound's parent-side fallback). Neither
 * lifts the limits on look-ups that go upstream ({@link NxnsLimitTest}).
 */
class NxnsFallbackTest {

  /** Names in test. that do not exist, which delegations below name as their servers. */
  private static final int MISSING = 5;

  /**
   * victim.test is delegated to nx1.test ... nx5.test, which do not exist, then to
   * real.named.test, which does; kid.test is delegated to its own server, with glue.
   */
  static final ZoneTree TREE = LabZones.rootAndTest(IntStream.rangeClosed(1, MISSING)
          .mapToObj(i -> "victim NS nx" + i + ".test.\n").collect(Collectors.joining())
          + "victim NS real.named.test.\n")
      .zone("named.test.", "ns", "127.53.31.1", "real A 127.53.30.1")
      .zone("kid.test.", "ns", "127.53.32.1", "b A 192.0.2.2")
      .build();
  @Lab("startLab") static TestHierarchy lab;
  private final RRsetCache cache = RRsetCache.builder().build();

  /** The hierarchy the tests run against, started: victim.test's own server is at the address real.named.test has. */
  static TestHierarchy startLab() {
    return TestHierarchy.builder().zones(TREE).zone(NxnsLimitTest.VICTIM).build();
  }

  @BeforeEach
  void clearQueries() {
    lab.clearQueries();
  }

  private Resolver resolver() {
    return ChainLab.resolverFor(lab).cache(cache).build();
  }

  @Test
  @DisplayName("Name servers the cache knows not to exist cost no look-up: the name after them is looked up and answers")
  void cachedNxDomains_areNotCounted_theNextNameIsLookedUp() {
    try (Resolver resolver = resolver()) {
      for (int i = 1; i <= MISSING; i++) {
        assertThat(resolver.resolve("nx" + i + ".test.", Type.A)).isInstanceOf(Resolution.NxDomain.class);
      }
      lab.clearQueries();

      Resolution result = resolver.resolve("www.victim.test.", Type.A);

      assertThat(result).isInstanceOf(Resolution.Answer.class);
      assertThat(lab.queries()).noneSatisfy(query -> assertThat(query.qname().toString()).startsWith("nx"));
    }
  }

  @Test
  @DisplayName("Parent-side fallback: a cached NS set whose names reach the look-up limit gives way to the parent's referral and glue")
  void cachedChildNsSet_atTheLookUpLimit_fallsBackToTheParent() {
    assertThat(resolveBelowChildNsSetOf(MISSING + 1)).isInstanceOf(Resolution.Answer.class);
    assertThat(lab.queries()).filteredOn(query -> query.qname().toString().startsWith("nx")).hasSize(MISSING);
  }

  @Test
  @DisplayName("Parent-side fallback: a cached NS set whose few names all fail to resolve gives way to the parent's referral too")
  void cachedChildNsSet_whoseNamesAllFail_fallsBackToTheParent() {
    assertThat(resolveBelowChildNsSetOf(2)).isInstanceOf(Resolution.Answer.class);
    assertThat(lab.queries()).filteredOn(query -> query.qname().toString().startsWith("nx")).hasSize(2);
  }

  /**
   * Caches kid.test's own NS set as its server gives it, {@code names} names that do not exist
   * (which replaces the parent's delegation), then resolves a name below it; the queries log holds
   * that resolution's.
   */
  private Resolution resolveBelowChildNsSetOf(int names) {
    AuthServer kid = lab.serversFor(Name.fromConstantString("kid.test.")).get(0);
    Dispatcher zone = kid.zoneDispatcher();
    kid.setDispatcher(query -> query.qtype() == Type.NS ? missingNameServers(query.message(), names) : zone.dispatch(query));
    try (Resolver resolver = resolver()) {
      assertThat(resolver.resolve("kid.test.", Type.NS)).isInstanceOf(Resolution.Answer.class);
      lab.clearQueries();
      return resolver.resolve("b.kid.test.", Type.A);
    } finally {
      kid.setDispatcher(zone);
    }
  }

  /** The zone's own NS set, as a server that replaced it badly gives it: names that do not exist. */
  private static Message missingNameServers(Message query, int names) {
    Message reply = Dispatcher.replyTo(query);
    reply.getHeader().setFlag(Flags.AA);
    Name kid = Name.fromConstantString("kid.test.");
    for (int i = 1; i <= names; i++) {
      reply.addRecord(new NSRecord(kid, DClass.IN, 3600, Name.fromConstantString("nx" + i + ".test.")), Section.ANSWER);
    }
    return reply;
  }
}
