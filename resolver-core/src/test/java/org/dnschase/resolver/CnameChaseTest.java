package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** CNAME chains chased across zones over real loopback sockets, cold and from the cache. */
class CnameChaseTest extends ChainLabTest {

  /* ---- a chain across four zones ---- */

  @Test
  @DisplayName("RFC 1034 §3.6.2, §4.3.2: a 4-hop chain through 4 zones ends in the A RRset, hops in order")
  void fourHopChain_acrossFourZones_answersWithEveryHop() {
    Resolution result = resolver.resolve("start.alpha.lab.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    Resolution.Answer answer = (Resolution.Answer) result;
    assertThat(answer.records()).singleElement()
        .satisfies(r -> assertThat(((ARecord) r).getAddress().getHostAddress()).isEqualTo("192.0.2.10"));
    assertThat(answer.chain()).extracting(hop -> hop.owner().toString() + " -> " + hop.target())
        .containsExactly(
            "start.alpha.lab. -> hop1.beta.lab.",
            "hop1.beta.lab. -> hop2.gamma.test.",
            "hop2.gamma.test. -> hop3.delta.test.",
            "hop3.delta.test. -> final.alpha.lab.");
    assertThat(answer.chain()).extracting(hop -> hop.zone().toString())
        .containsExactly("alpha.lab.", "beta.lab.", "gamma.test.", "delta.test.");
    assertThat(answer.chain()).allSatisfy(hop -> assertThat(hop.fromCache()).isFalse());
    assertThat(answer.finalName()).isEqualTo(Name.fromConstantString("final.alpha.lab."));
    assertThat(answer.upstreamQueries()).isEqualTo(lab.queryCount());
    assertThat(answer.diagnostics()).as("a clean chain breaks no rule").isEmpty();
  }

  @Test
  @DisplayName("RFC 2308 §5 spirit: the effective TTL is the minimum over the chain and the final data")
  void effectiveTtl_isMinimumOverChain() {
    Resolution result = resolver.resolve("start.alpha.lab.", Type.A);

    assertThat(result.ttl()).isEqualTo(Duration.ofSeconds(60));
    assertThat(result.chain()).extracting(Hop::ttl).contains(Duration.ofSeconds(60));
  }

  @Test
  @DisplayName("RFC 4035 §3.1.4.1: a DS question at a cached alias is asked of the zone's servers, not answered by the CNAME")
  void dsQuestionAtCachedAlias_isAskedUpstream() {
    resolver.resolve("start.alpha.lab.", Type.A);
    lab.clearQueries();

    Resolution ds = resolver.resolve("start.alpha.lab.", Type.DS);

    assertThat(ds.upstreamQueries()).isPositive();
    assertThat(ds.chain()).noneSatisfy(hop -> assertThat(hop.fromCache()).isTrue());
  }

  @Test
  @DisplayName("Cache first at every hop: the same chain again sends zero upstream queries")
  void sameChainAgain_sendsNoUpstreamQuery() {
    resolver.resolve("start.alpha.lab.", Type.A);
    lab.clearQueries();

    Resolution again = resolver.resolve("start.alpha.lab.", Type.A);

    assertThat(lab.queryCount()).isZero();
    assertThat(again.upstreamQueries()).isZero();
    assertThat(again).isInstanceOf(Resolution.Answer.class);
    assertThat(again.chain()).hasSize(4).allSatisfy(hop -> assertThat(hop.fromCache()).isTrue());
    assertThat(again.chain()).extracting(hop -> hop.zone().toString())
        .containsExactly("alpha.lab.", "beta.lab.", "gamma.test.", "delta.test.");
  }

  @Test
  @DisplayName("A chain entered half-way reuses the cached rest of it")
  void chainEnteredHalfWay_usesCachedTail() {
    resolver.resolve("start.alpha.lab.", Type.A);
    lab.clearQueries();

    Resolution tail = resolver.resolve("hop2.gamma.test.", Type.A);

    assertThat(lab.queryCount()).isZero();
    assertThat(tail.chain()).hasSize(2);
  }

  /* ---- negative ends ---- */

  @Test
  @DisplayName("RFC 6604 §3: an NXDOMAIN at the end of a chain is an NxDomain that carries the chain")
  void nxDomainAtEndOfChain_carriesChain() {
    Resolution result = resolver.resolve("dangling.alpha.lab.", Type.A);

    assertThat(result).isInstanceOf(Resolution.NxDomain.class);
    assertThat(result.chain()).singleElement()
        .satisfies(hop -> assertThat(hop.target()).isEqualTo(Name.fromConstantString("nothere.gamma.test.")));
    assertThat(result.finalName()).isEqualTo(Name.fromConstantString("nothere.gamma.test."));
    assertThat(((Resolution.NxDomain) result).soa().getName()).isEqualTo(Name.fromConstantString("gamma.test."));
  }

  @Test
  @DisplayName("RFC 1034 §4.3.2: a name under a TLD the root lacks is NXDOMAIN from the root")
  void unknownTld_isNxDomainFromRoot() {
    Resolution result = resolver.resolve("www.nosuchtld.", Type.A);

    assertThat(result).isInstanceOf(Resolution.NxDomain.class);
    assertThat(((Resolution.NxDomain) result).soa().getName()).isEqualTo(Name.root);
    assertThat(result.chain()).isEmpty();
    assertThat(lab.queries()).allSatisfy(q -> assertThat(q.server().getHostAddress()).isEqualTo("127.53.0.1"));
  }

  @Test
  @DisplayName("RFC 2308 §5: a cached NXDOMAIN answers again without a query")
  void cachedNxDomain_answersWithoutQuery() {
    resolver.resolve("dangling.alpha.lab.", Type.A);
    lab.clearQueries();

    Resolution again = resolver.resolve("dangling.alpha.lab.", Type.A);

    assertThat(again).isInstanceOf(Resolution.NxDomain.class);
    assertThat(again.chain()).hasSize(1);
    assertThat(lab.queryCount()).isZero();
  }

  @Test
  @DisplayName("RFC 2308 §2.2: a name without data of the type is NoData with the zone's SOA")
  void existingNameWithoutType_isNoData() {
    Resolution result = resolver.resolve("final.alpha.lab.", Type.MX);

    assertThat(result).isInstanceOf(Resolution.NoData.class);
    assertThat(((Resolution.NoData) result).soa().getName()).isEqualTo(Name.fromConstantString("alpha.lab."));
    assertThat(result.ttl()).isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  @DisplayName("qtype CNAME returns the CNAME record itself, unchased")
  void cnameQuery_returnsRecordUnchased() {
    Resolution result = resolver.resolve("start.alpha.lab.", Type.CNAME);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(result.chain()).isEmpty();
    assertThat(((Resolution.Answer) result).rrset().getType()).isEqualTo(Type.CNAME);
  }
}
