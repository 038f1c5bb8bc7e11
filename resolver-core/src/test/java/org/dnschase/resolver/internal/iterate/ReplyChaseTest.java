package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.EXAMPLE_SOA;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.NS1;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.TLD;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.addresses;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.arrows;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.kinds;

import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.internal.reply.Reply;
import org.dnschase.resolver.rules.AliasRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Type;

/**
 * CNAME chains that arrive inside one reply, through the real resolver on the {@link ScriptedTree}:
 * what of the reply is used, where the walk restarts, and the chain's loop and hop-limit rules.
 * Each test warms the resolver on www.example.test. first, so what follows costs only its own
 * exchanges.
 */
class ReplyChaseTest {

  @RegisterExtension
  final ScriptedTree tree = new ScriptedTree();
  private final ScriptedTransport transport = tree.transport();

  /** A resolver that already knows example.test.'s server. */
  private Resolver warmResolver(Budgets budgets) {
    tree.walksToExample("www.example.test.");
    tree.answers(NS1, "www.example.test.", "192.0.2.1");
    Resolver resolver = tree.resolver(budgets);
    resolver.resolve("www.example.test.", Type.A);
    transport.clearExchanges();
    return resolver;
  }

  /* ---- what one reply can settle ---- */

  @Test
  @DisplayName("RFC 1034 §3.6.2: a CNAME before other data is followed and reported; the other data is not the answer")
  void cnameBesideOtherData_cnameFollowedAndReported() {
    Resolver resolver = warmResolver(Budgets.DEFAULTS);
    transport.expect(NS1, "a.example.test.", Type.A).respond(Reply.noError().authoritative().answer(
        "a.example.test. 300 CNAME b.example.test.",
        "a.example.test. 300 A 192.0.2.66",
        "b.example.test. 300 A 192.0.2.2"));

    Resolution result = resolver.resolve("a.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.2");
    assertThat(arrows(result)).containsExactly("a.example.test. -> b.example.test.");
    assertThat(kinds(result)).containsExactly(new Diagnostic.Violation(AliasRule.CNAME_AND_OTHER_DATA));
  }

  @Test
  @DisplayName("RFC 2181 §10.1: data put before the CNAME at its name is the answer, and the CNAME beside it is reported, not followed")
  void otherDataBeforeCname_answeredAndReported() {
    Resolver resolver = warmResolver(Budgets.DEFAULTS);
    transport.expect(NS1, "a.example.test.", Type.A).respond(Reply.noError().authoritative().answer(
        "a.example.test. 300 A 192.0.2.66",
        "a.example.test. 300 CNAME b.example.test."));

    Resolution result = resolver.resolve("a.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.66");
    assertThat(result.chain()).isEmpty();
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(new Diagnostic.Violation(AliasRule.CNAME_AND_OTHER_DATA));
      assertThat(d.detail()).contains("the CNAME was not followed");
    });
  }

  @Test
  @DisplayName("RFC 4035 §2.5: the RRSIG and NSEC of a signed CNAME stand beside it and are not reported")
  void signedCname_nsecAndRrsigBesideIt_notReported() {
    Resolver resolver = warmResolver(Budgets.DEFAULTS);
    transport.expect(NS1, "a.example.test.", Type.A).respond(Reply.noError().authoritative().answer(
        "a.example.test. 300 CNAME b.example.test.",
        "a.example.test. 300 RRSIG CNAME 8 3 300 20300101000000 20200101000000 12345 example.test. AAAA",
        "a.example.test. 300 NSEC c.example.test. CNAME RRSIG NSEC",
        "b.example.test. 300 A 192.0.2.2"));

    Resolution result = resolver.resolve("a.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.2");
    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  @DisplayName("RFC 2181 §10.1: two CNAMEs at one name are reported; the first is followed")
  void twoCnamesAtOneName_reported() {
    Resolver resolver = warmResolver(Budgets.DEFAULTS);
    transport.expect(NS1, "a.example.test.", Type.A).respond(Reply.noError().authoritative().answer(
        "a.example.test. 300 CNAME b.example.test.",
        "a.example.test. 300 CNAME c.example.test.",
        "b.example.test. 300 A 192.0.2.2"));

    Resolution result = resolver.resolve("a.example.test.", Type.A);

    assertThat(arrows(result)).containsExactly("a.example.test. -> b.example.test.");
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(new Diagnostic.Violation(AliasRule.MULTIPLE_CNAMES));
      assertThat(d.detail()).contains("b.example.test.", "c.example.test.");
    });
  }

  @Test
  @DisplayName("RFC 2782: an SRV target that is a known alias is reported")
  void srvTargetAlias_reported() {
    Resolver resolver = warmResolver(Budgets.DEFAULTS);
    transport.expect(NS1, "alias.example.test.", Type.A).respond(Reply.noError().authoritative().answer(
        "alias.example.test. 300 CNAME www.example.test."));
    resolver.resolve("alias.example.test.", Type.A);
    transport.expect(NS1, "_sip._tcp.example.test.", Type.SRV).respond(Reply.noError().authoritative()
        .answer("_sip._tcp.example.test. 300 SRV 0 0 5060 alias.example.test."));

    Resolution result = resolver.resolve("_sip._tcp.example.test.", Type.SRV);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(new Diagnostic.Violation(AliasRule.SRV_TARGET_IS_ALIAS));
      assertThat(d.detail()).startsWith("SRV target alias.example.test.");
    });
  }

  @Test
  @DisplayName("RFC 2308 §2.2, RFC 6604 §3: an in-zone chain ending in a proven NODATA is NoData with the chain, one query")
  void inZoneChainEndingInNoData_isNoDataFromOneReply() {
    Resolver resolver = warmResolver(Budgets.DEFAULTS);
    transport.expect(NS1, "a.example.test.", Type.A).respond(Reply.noError().authoritative()
        .answer("a.example.test. 300 CNAME b.example.test.").authority(EXAMPLE_SOA));

    Resolution result = resolver.resolve("a.example.test.", Type.A);

    assertThat(result).isInstanceOf(Resolution.NoData.class);
    assertThat(result.finalName()).hasToString("b.example.test.");
    assertThat(result.upstreamQueries()).isEqualTo(1);
  }

  @Test
  @DisplayName("RFC 1034 §3.6.2: qtype CNAME gets the CNAME record itself, no hop, no further query")
  void cnameQuery_answeredUnchased() {
    Resolver resolver = warmResolver(Budgets.DEFAULTS);
    transport.expect(NS1, "a.example.test.", Type.CNAME).respond(Reply.noError().authoritative()
        .answer("a.example.test. 300 CNAME b.example.test."));

    Resolution result = resolver.resolve("a.example.test.", Type.CNAME);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(((Resolution.Answer) result).rrset().getType()).isEqualTo(Type.CNAME);
    assertThat(result.chain()).isEmpty();
  }

  /* ---- where the reply stops ---- */

  @Test
  @DisplayName("RFC 2181 §5.4.1: a chain leaving the zone restarts at its target; the target's data in the reply is not used")
  void chainLeavingZone_restartsAtTargetWithItsOwnServer() {
    Resolver resolver = warmResolver(Budgets.DEFAULTS);
    transport.expect(NS1, "a.example.test.", Type.A).respond(Reply.noError().authoritative().answer(
        "a.example.test. 300 CNAME alias.test.",
        "alias.test. 300 A 192.0.2.66"));
    tree.answers(TLD, "alias.test.", "192.0.2.5");

    Resolution result = resolver.resolve("a.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.5");
    assertThat(arrows(result)).containsExactly("a.example.test. -> alias.test.");
    assertThat(transport.exchangeLines()).containsExactly(
        "127.0.0.11 a.example.test./A", "127.0.0.2 alias.test./A");
  }

  @Test
  @DisplayName("DESIGN (chains inside one zone): a chain entering a zone cut known below the zone is asked of that cut's server")
  void chainIntoKnownChildZone_askedOfTheChildServer() {
    Resolver resolver = warmResolver(Budgets.DEFAULTS);
    transport.expect(NS1, "x.sub.example.test.", Type.A).respond(Reply.noError()
        .authority("sub.example.test. 86400 NS ns.sub.example.test.")
        .additional("ns.sub.example.test. 86400 A 127.0.0.40"));
    tree.answers("127.0.0.40", "x.sub.example.test.", "192.0.2.40");
    resolver.resolve("x.sub.example.test.", Type.A);
    transport.expect(NS1, "a.example.test.", Type.A).respond(Reply.noError().authoritative().answer(
        "a.example.test. 300 CNAME y.sub.example.test.",
        "y.sub.example.test. 300 A 192.0.2.66"));
    tree.answers("127.0.0.40", "y.sub.example.test.", "192.0.2.41");

    Resolution result = resolver.resolve("a.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.41");
    assertThat(arrows(result)).containsExactly("a.example.test. -> y.sub.example.test.");
  }

  /* ---- loops and the hop limit inside one reply ---- */

  @Test
  @DisplayName("RFC 1034 §3.6.2: a loop inside one reply is a LOOP failure with its cycle, after one query")
  void loopInsideOneReply_isLoop() {
    Resolver resolver = warmResolver(Budgets.DEFAULTS);
    transport.expect(NS1, "a.example.test.", Type.A).respond(Reply.noError().authoritative().answer(
        "a.example.test. 300 CNAME b.example.test.",
        "b.example.test. 300 CNAME a.example.test."));

    Resolution result = resolver.resolve("a.example.test.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Failure.class);
    assertThat(((Resolution.Failure) result).reason()).isEqualTo(FailureReason.LOOP);
    assertThat(((Resolution.Failure) result).detail())
        .isEqualTo("alias loop: a.example.test. -CNAME-> b.example.test. -CNAME-> a.example.test.");
    assertThat(result.upstreamQueries()).isEqualTo(1);
  }

  @Test
  @DisplayName("Hop limit: every CNAME of one reply is a hop; one over the limit is HOP_LIMIT with the hops kept")
  void chainOverHopLimitInsideOneReply_isHopLimit() {
    Resolver resolver = warmResolver(Budgets.DEFAULTS.withMaxHops(2));
    transport.expect(NS1, "a.example.test.", Type.A).respond(Reply.noError().authoritative().answer(
        "a.example.test. 300 CNAME b.example.test.",
        "b.example.test. 300 CNAME c.example.test.",
        "c.example.test. 300 CNAME d.example.test.",
        "d.example.test. 300 A 192.0.2.4"));

    Resolution result = resolver.resolve("a.example.test.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Failure.class);
    assertThat(((Resolution.Failure) result).reason()).isEqualTo(FailureReason.HOP_LIMIT);
    assertThat(arrows(result)).containsExactly("a.example.test. -> b.example.test.", "b.example.test. -> c.example.test.");
  }

  @Test
  @DisplayName("Hop limit: a chain of exactly the limit inside one reply is answered")
  void chainAtHopLimitInsideOneReply_isAnswered() {
    Resolver resolver = warmResolver(Budgets.DEFAULTS.withMaxHops(3));
    transport.expect(NS1, "a.example.test.", Type.A).respond(Reply.noError().authoritative().answer(
        "a.example.test. 300 CNAME b.example.test.",
        "b.example.test. 300 CNAME c.example.test.",
        "c.example.test. 300 CNAME d.example.test.",
        "d.example.test. 300 A 192.0.2.4"));

    Resolution result = resolver.resolve("a.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.4");
    assertThat(result.chain()).hasSize(3);
  }
}
