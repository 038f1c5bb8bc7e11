package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** DNAME redirection (RFC 6672) chased over real loopback sockets. */
class DnameTest extends ChainLabTest {

  @Test
  @DisplayName("RFC 6672 §2.2: a name below a DNAME is rewritten into the target's zone, one DNAME hop")
  void nameBelowDname_isRewrittenAcrossZones() {
    Resolution result = resolver.resolve("www.moved.alpha.lab.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(result.chain()).singleElement().satisfies(hop -> {
      assertThat(hop.kind()).isEqualTo(Hop.Kind.DNAME);
      assertThat(hop.owner()).isEqualTo(Name.fromConstantString("www.moved.alpha.lab."));
      assertThat(hop.target()).isEqualTo(Name.fromConstantString("www.newhome.gamma.test."));
      assertThat(hop.ttl()).isEqualTo(Duration.ofSeconds(900));
      assertThat(hop.zone()).isEqualTo(Name.fromConstantString("alpha.lab."));
    });
    assertThat(result.ttl()).isEqualTo(Duration.ofSeconds(600));
    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  @DisplayName("RFC 6672 §3.1: the answer lists the DNAME, then the CNAME it synthesises, then the data")
  void answerSection_listsDnameThenSynthesisedCname() {
    Resolution.Answer answer = (Resolution.Answer) resolver.resolve("www.moved.alpha.lab.", Type.A);

    assertThat(answer.answerSection()).extracting(r -> Type.string(r.getType()) + " " + r.getName())
        .containsExactly("DNAME moved.alpha.lab.", "CNAME www.moved.alpha.lab.", "A www.newhome.gamma.test.");
  }

  @Test
  @DisplayName("qtype DNAME at the owner returns the DNAME record itself, unchased")
  void dnameQuery_returnsRecordUnchased() {
    Resolution result = resolver.resolve("moved.alpha.lab.", Type.DNAME);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(result.chain()).isEmpty();
    assertThat(((Resolution.Answer) result).rrset().getType()).isEqualTo(Type.DNAME);
  }

  @Test
  @DisplayName("RFC 6672 §2.2: a cached DNAME answers every other name below its owner without asking its zone")
  void cachedDname_redirectsOtherNamesWithoutQuery() {
    resolver.resolve("www.moved.alpha.lab.", Type.A);
    lab.clearQueries();

    Resolution other = resolver.resolve("mail.moved.alpha.lab.", Type.A);

    assertThat(other).isInstanceOf(Resolution.Answer.class);
    assertThat(other.chain()).singleElement().satisfies(hop -> {
      assertThat(hop.fromCache()).isTrue();
      assertThat(hop.target()).isEqualTo(Name.fromConstantString("mail.newhome.gamma.test."));
    });
    assertThat(lab.queries()).isNotEmpty()
        .noneMatch(q -> q.qname().subdomain(Name.fromConstantString("moved.alpha.lab.")));
  }

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3a with RFC 6672 §3.1: an ANY question under a DNAME is answered by the synthesised CNAME, unchased")
  void anyQuestionUnderDname_answeredBySynthesis() {
    Resolution result = resolver.resolve("www.moved.alpha.lab.", Type.ANY);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(((Resolution.Answer) result).answerSection()).extracting(r -> Type.string(r.getType()) + " " + r.getName())
        .containsExactly("DNAME moved.alpha.lab.", "CNAME www.moved.alpha.lab.");
    assertThat(lab.queries()).noneMatch(q -> q.qname().subdomain(Name.fromConstantString("newhome.gamma.test.")));
  }

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3a with RFC 6672 §3.1: a cached DNAME answers an ANY question below it with its synthesis, no query")
  void anyQuestionUnderCachedDname_answeredBySynthesis() {
    resolver.resolve("www.moved.alpha.lab.", Type.A);
    lab.settle();
    lab.clearQueries();

    Resolution result = resolver.resolve("mail.moved.alpha.lab.", Type.ANY);

    assertThat(((Resolution.Answer) result).answerSection()).extracting(r -> Type.string(r.getType()) + " " + r.getName())
        .containsExactly("DNAME moved.alpha.lab.", "CNAME mail.moved.alpha.lab.");
    assertThat(lab.queryCount()).isZero();
  }

  @Test
  @DisplayName("RFC 6672 §2.3: a DNAME never redirects its own owner name")
  void dnameOwner_isNotRedirected() {
    Resolution result = resolver.resolve("moved.alpha.lab.", Type.A);

    assertThat(result).isInstanceOf(Resolution.NoData.class);
    assertThat(result.chain()).isEmpty();
  }

  @Test
  @DisplayName("RFC 6672 §2.2: a substitution longer than 255 octets ends in YXDOMAIN")
  void overlongSubstitution_isYxDomain() {
    Resolution result = resolver.resolve("y".repeat(63) + ".y.long.alpha.lab.", Type.A);

    assertThat(((Resolution.Failure) result).reason()).isEqualTo(FailureReason.YXDOMAIN);
    assertThat(result.chain()).isEmpty();
  }

  @Test
  @DisplayName("RFC 1034 §3.6.2 applied to DNAME: two DNAMEs pointing at each other are a LOOP")
  void dnameLoopAcrossZones_isLoop() {
    Resolution result = resolver.resolve("x.dl.alpha.lab.", Type.A);

    assertThat(((Resolution.Failure) result).reason()).isEqualTo(FailureReason.LOOP);
    assertThat(result.chain()).extracting(hop -> hop.owner() + " -> " + hop.target())
        .containsExactly("x.dl.alpha.lab. -> x.dl.beta.lab.", "x.dl.beta.lab. -> x.dl.alpha.lab.");
  }

  @Test
  @DisplayName("RFC 6672 §2.4: a DNAME whose target is below its owner grows the name each hop until the hop limit")
  void dnameTargetBelowOwner_endsAtHopLimit() {
    Resolution result = resolver.resolve("x.grow.alpha.lab.", Type.A);

    assertThat(((Resolution.Failure) result).reason()).isEqualTo(FailureReason.HOP_LIMIT);
    assertThat(result.chain()).hasSize(Defaults.MAX_HOPS)
        .allSatisfy(hop -> assertThat(hop.kind()).isEqualTo(Hop.Kind.DNAME));
    assertThat(result.chain().get(1).target()).isEqualTo(Name.fromConstantString("x.a.a.grow.alpha.lab."));
  }

  /* ---- DNAME with other hops ---- */

  @Test
  @DisplayName("RFC 6672 §2.2: an in-zone DNAME is answered by the zone in one reply")
  void inZoneDname_costsOneQueryToItsZone() {
    Resolution result = resolver.resolve("www.inz.alpha.lab.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(result.chain()).extracting(hop -> hop.kind() + " " + hop.target())
        .containsExactly("DNAME www.sub.alpha.lab.");
    assertThat(lab.queries()).filteredOn(q -> q.qname().toString().equals("www.inz.alpha.lab.")).hasSize(1);
  }

  @Test
  @DisplayName("RFC 6672 §3.2: a DNAME then a CNAME are chased in order")
  void dnameThenCname_chasedInOrder() {
    Resolution result = resolver.resolve("cn.moved.alpha.lab.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(result.chain()).extracting(hop -> hop.kind() + " " + hop.owner() + " -> " + hop.target())
        .containsExactly("DNAME cn.moved.alpha.lab. -> cn.newhome.gamma.test.",
            "CNAME cn.newhome.gamma.test. -> final.alpha.lab.");
  }

  @Test
  @DisplayName("RFC 6672 §2.2: a CNAME into a DNAME'd subtree is rewritten there")
  void cnameIntoDnamedSubtree_isRewritten() {
    Resolution result = resolver.resolve("intodn.beta.lab.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(result.chain()).extracting(hop -> hop.kind() + " " + hop.owner() + " -> " + hop.target())
        .containsExactly("CNAME intodn.beta.lab. -> www.moved.alpha.lab.",
            "DNAME www.moved.alpha.lab. -> www.newhome.gamma.test.");
  }

  @Test
  @DisplayName("RFC 6604 §3 with RFC 6672: a DNAME to a name that does not exist is NXDOMAIN with the chain")
  void dnameToMissingName_isNxDomainWithChain() {
    Resolution result = resolver.resolve("nothere.moved.alpha.lab.", Type.A);

    assertThat(result).isInstanceOf(Resolution.NxDomain.class);
    assertThat(result.chain()).extracting(hop -> hop.kind() + " " + hop.target())
        .containsExactly("DNAME nothere.newhome.gamma.test.");
  }

  @Test
  @DisplayName("RFC 1034 §3.6.2 applied to DNAME: two DNAMEs in one zone pointing at each other are a LOOP")
  void dnameLoopInOneZone_isLoop() {
    Resolution result = resolver.resolve("x.l1.alpha.lab.", Type.A);

    assertThat(((Resolution.Failure) result).reason()).isEqualTo(FailureReason.LOOP);
    assertThat(result.chain()).extracting(hop -> hop.owner() + " -> " + hop.target())
        .containsExactly("x.l1.alpha.lab. -> x.l2.alpha.lab.", "x.l2.alpha.lab. -> x.l1.alpha.lab.");
  }

  /* ---- mixed chains and the hop limit ---- */

  @Test
  @DisplayName("Hop limit 12 counts CNAME and DNAME hops alike: a mixed 12-hop chain is answered")
  void mixedTwelveHops_areAnswered() {
    Resolution result = resolver.resolve("m12-0.alpha.lab.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(result.chain()).hasSize(12);
    assertThat(result.chain()).extracting(Hop::kind).containsExactly(
        Hop.Kind.CNAME, Hop.Kind.DNAME, Hop.Kind.CNAME, Hop.Kind.DNAME, Hop.Kind.CNAME, Hop.Kind.DNAME,
        Hop.Kind.CNAME, Hop.Kind.DNAME, Hop.Kind.CNAME, Hop.Kind.DNAME, Hop.Kind.CNAME, Hop.Kind.DNAME);
  }

  @Test
  @DisplayName("Hop limit 12: a mixed 13-hop chain fails with HOP_LIMIT and the 12 hops followed")
  void mixedThirteenHops_failAtHopLimit() {
    Resolution result = resolver.resolve("m13-0.alpha.lab.", Type.A);

    assertThat(((Resolution.Failure) result).reason()).isEqualTo(FailureReason.HOP_LIMIT);
    assertThat(result.chain()).hasSize(12);
    assertThat(result.chain().get(11).target()).isEqualTo(Name.fromConstantString("m13-6.alpha.lab."));
  }
}
