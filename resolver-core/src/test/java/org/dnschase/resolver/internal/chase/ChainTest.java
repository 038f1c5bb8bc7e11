package org.dnschase.resolver.internal.chase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.dnschase.resolver.Hop;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/** The chain's two stopping rules: a loop (with its cycle) and the hop limit, loop first. */
class ChainTest {

  private static final int LIMIT = 12;

  private static Name name(String text) {
    return Name.fromConstantString(text);
  }

  private static Hop hop(String owner, String target) {
    return new Hop(name(owner), Hop.Kind.CNAME, name(target), Duration.ofSeconds(300),
        name("example.test."), Hop.Source.CACHE, new CNAMERecord(name(owner), DClass.IN, 300, name(target)));
  }

  private static List<String> arrows(List<Hop> hops) {
    return hops.stream().map(hop -> hop.owner() + " -> " + hop.target()).toList();
  }

  /* ---- loops ---- */

  @Test
  @DisplayName("RFC 1034 §3.6.2: a chain back to the query name is a loop the first time it repeats, with the whole cycle")
  void targetIsQname_isLoopWithWholeCycle() {
    Chain chain = new Chain(name("a.example.test."));
    assertThat(chain.add(hop("a.example.test.", "b.example.test."), LIMIT)).isEmpty();

    Optional<Chain.Refusal> refusal = chain.add(hop("b.example.test.", "a.example.test."), LIMIT);

    assertThat(refusal).get().isInstanceOf(Chain.Refusal.Loop.class);
    assertThat(arrows(((Chain.Refusal.Loop) refusal.get()).cycle())).containsExactly(
        "a.example.test. -> b.example.test.", "b.example.test. -> a.example.test.");
  }

  @Test
  @DisplayName("RFC 1034 §3.6.2: a loop entered mid-chain reports the cycle from the first visit, not the lead-in")
  void loopMidChain_cycleStartsAtFirstVisit() {
    Chain chain = new Chain(name("a.example.test."));
    chain.add(hop("a.example.test.", "b.example.test."), LIMIT);
    chain.add(hop("b.example.test.", "c.example.test."), LIMIT);
    chain.add(hop("c.example.test.", "d.example.test."), LIMIT);

    Optional<Chain.Refusal> refusal = chain.add(hop("d.example.test.", "b.example.test."), LIMIT);

    assertThat(refusal).get().isInstanceOf(Chain.Refusal.Loop.class);
    assertThat(arrows(((Chain.Refusal.Loop) refusal.get()).cycle())).containsExactly(
        "b.example.test. -> c.example.test.",
        "c.example.test. -> d.example.test.",
        "d.example.test. -> b.example.test.");
  }

  @Test
  @DisplayName("RFC 1034 §3.6.2: a CNAME to its own owner is a one-hop loop")
  void selfAlias_isOneHopLoop() {
    Chain chain = new Chain(name("a.example.test."));

    Optional<Chain.Refusal> refusal = chain.add(hop("a.example.test.", "a.example.test."), LIMIT);

    assertThat(refusal).get().isInstanceOf(Chain.Refusal.Loop.class);
    assertThat(((Chain.Refusal.Loop) refusal.get()).cycle()).hasSize(1);
  }

  @Test
  @DisplayName("A looping hop is kept in the chain, so the chain shows the whole cycle")
  void loopingHop_isKeptInChain() {
    Chain chain = new Chain(name("a.example.test."));
    chain.add(hop("a.example.test.", "b.example.test."), LIMIT);

    chain.add(hop("b.example.test.", "a.example.test."), LIMIT);

    assertThat(chain.size()).isEqualTo(2);
    assertThat(arrows(chain.hops())).last().isEqualTo("b.example.test. -> a.example.test.");
  }

  @Test
  @DisplayName("RFC 4343 §2: names compare case-insensitively, so A.EXAMPLE.TEST. closes a loop at a.example.test.")
  void targetDifferingOnlyInCase_isLoop() {
    Chain chain = new Chain(name("a.example.test."));
    chain.add(hop("a.example.test.", "B.Example.Test."), LIMIT);

    Optional<Chain.Refusal> refusal = chain.add(hop("b.example.test.", "A.EXAMPLE.TEST."), LIMIT);

    assertThat(refusal).get().isInstanceOf(Chain.Refusal.Loop.class);
  }

  @Test
  @DisplayName("Names that merely share labels with visited ones (b.a.example.test. under a.example.test.) are no loop")
  void relatedButDistinctNames_areNoLoop() {
    Chain chain = new Chain(name("a.example.test."));

    assertThat(chain.add(hop("a.example.test.", "b.a.example.test."), LIMIT)).isEmpty();
    assertThat(chain.add(hop("b.a.example.test.", "example.test."), LIMIT)).isEmpty();
    assertThat(chain.add(hop("example.test.", "a.example.test.x."), LIMIT)).isEmpty();
    assertThat(chain.size()).isEqualTo(3);
  }

  /* ---- the hop limit ---- */

  @Test
  @DisplayName("Hop limit: N hops are allowed, hop N+1 is refused and not added")
  void hopOverLimit_refusedAndNotAdded() {
    Chain chain = new Chain(name("h0.example.test."));
    for (int i = 0; i < 3; i++) {
      assertThat(chain.add(hop("h" + i + ".example.test.", "h" + (i + 1) + ".example.test."), 3)).isEmpty();
    }

    Optional<Chain.Refusal> refusal = chain.add(hop("h3.example.test.", "h4.example.test."), 3);

    assertThat(refusal).contains(new Chain.Refusal.HopLimit(3));
    assertThat(chain.size()).isEqualTo(3);
    assertThat(arrows(chain.hops())).last().isEqualTo("h2.example.test. -> h3.example.test.");
  }

  @Test
  @DisplayName("Hop limit: the default of 12 answers a 12-hop chain")
  void twelveHops_withLimitTwelve_allAccepted() {
    Chain chain = new Chain(name("h0.example.test."));
    for (int i = 0; i < LIMIT; i++) {
      assertThat(chain.add(hop("h" + i + ".example.test.", "h" + (i + 1) + ".example.test."), LIMIT)).isEmpty();
    }

    assertThat(chain.size()).isEqualTo(LIMIT);
  }

  @Test
  @DisplayName("Loop before limit: a loop closed by the hop just over the limit is still a LOOP, never HOP_LIMIT")
  void loopAtExactlyTheLimit_isLoop() {
    Chain chain = new Chain(name("a.example.test."));
    chain.add(hop("a.example.test.", "b.example.test."), 2);
    chain.add(hop("b.example.test.", "c.example.test."), 2);

    Optional<Chain.Refusal> refusal = chain.add(hop("c.example.test.", "a.example.test."), 2);

    assertThat(refusal).get().isInstanceOf(Chain.Refusal.Loop.class);
    assertThat(((Chain.Refusal.Loop) refusal.get()).cycle()).hasSize(3);
  }
}
