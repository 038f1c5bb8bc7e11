package org.dnschase.resolver.internal.dnssec.denial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.dnssec.denial.SignedReplies.answerSignature;
import static org.dnschase.resolver.internal.dnssec.denial.SignedReplies.name;
import static org.dnschase.resolver.internal.dnssec.denial.SignedReplies.proof;

import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.testkit.Signing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** The proofs an NSEC3 chain without opt-out gives, from the testkit's signed replies (RFC 5155 §8). */
class Nsec3DenialTest {
  private static SignedReplies zones;
  private final Denials denials = new Denials(Defaults.MAX_NSEC3_ITERATIONS);

  @BeforeAll
  static void sign() {
    zones = SignedReplies.signed(Signing.with(DNSSEC.Algorithm.ED25519).withNsec3(3, "cafe01", false));
  }

  @AfterAll
  static void close() {
    zones.close();
  }

  private static Denial.BogusReason reason(Denial denial) {
    assertThat(denial).isInstanceOf(Denial.Bogus.class);
    return ((Denial.Bogus) denial).reason();
  }

  /* ---- §8.4 name error ---- */

  @Test
  @DisplayName("RFC 5155 §8.4: the closest encloser matched, the next closer name and the wildcard covered")
  void nxDomain_closestEncloserProof_isProven() {
    Message reply = zones.ask("a.nope.example.test.", Type.A);

    assertThat(reply.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(denials.nxDomain(name("a.nope.example.test."), proof(reply)))
        .isEqualTo(new Denial.NxDomain(name("a.nope.example.test."), name("example.test.")));
  }

  @Test
  @DisplayName("RFC 5155 §8.4: below an existing name, that name is the closest encloser")
  void nxDomain_belowExistingName_enclosedByIt() {
    Message reply = zones.ask("x.www.example.test.", Type.A);

    assertThat(denials.nxDomain(name("x.www.example.test."), proof(reply)))
        .isEqualTo(new Denial.NxDomain(name("x.www.example.test."), name("www.example.test.")));
  }

  @Test
  @DisplayName("RFC 5155 §8.4: an NSEC3 matching the name shows it exists")
  void nxDomain_forMatchedName_isBogusNameExists() {
    Message reply = zones.ask("www.example.test.", Type.AAAA);

    assertThat(reason(denials.nxDomain(name("www.example.test."), proof(reply))))
        .isEqualTo(Denial.BogusReason.NAME_EXISTS);
  }

  @Test
  @DisplayName("RFC 5155 §8.3: another name's proof leaves this one's next closer name uncovered")
  void nxDomain_otherNamesProof_isBogus() {
    Message reply = zones.ask("a.nope.example.test.", Type.A);

    assertThat(reason(denials.nxDomain(name("x.www.example.test."), proof(reply))))
        .isIn(Denial.BogusReason.NO_CLOSEST_ENCLOSER, Denial.BogusReason.NEXT_CLOSER_NOT_COVERED);
  }

  /* ---- §8.5-8.7 no data ---- */

  @Test
  @DisplayName("RFC 5155 §8.5: the NSEC3 matching the name lists neither the type nor CNAME")
  void noData_matchingNsec3_isProven() {
    Message reply = zones.ask("www.example.test.", Type.AAAA);

    assertThat(denials.noData(name("www.example.test."), Type.AAAA, proof(reply)))
        .isEqualTo(new Denial.NoData(name("www.example.test."), Type.AAAA, null));
  }

  @Test
  @DisplayName("RFC 5155 §8.5: an empty non-terminal has an NSEC3 of its own, with an empty type map")
  void noData_emptyNonTerminal_isProven() {
    Message reply = zones.ask("ent.example.test.", Type.TXT);

    assertThat(denials.noData(name("ent.example.test."), Type.TXT, proof(reply)))
        .isEqualTo(new Denial.NoData(name("ent.example.test."), Type.TXT, null));
  }

  @Test
  @DisplayName("RFC 5155 §8.5: the matching NSEC3 lists the type, so NODATA is bogus")
  void noData_typeInBitmap_isBogus() {
    Message reply = zones.ask("www.example.test.", Type.AAAA);

    assertThat(reason(denials.noData(name("www.example.test."), Type.A, proof(reply))))
        .isEqualTo(Denial.BogusReason.TYPE_EXISTS);
  }

  @Test
  @DisplayName("RFC 5155 §8.7: the closest encloser proof and the NSEC3 matching its wildcard without the type")
  void noData_wildcard_isProvenWithTheWildcard() {
    Message reply = zones.ask("x.wild.example.test.", Type.AAAA);

    assertThat(denials.noData(name("x.wild.example.test."), Type.AAAA, proof(reply)))
        .isEqualTo(new Denial.NoData(name("x.wild.example.test."), Type.AAAA, name("*.wild.example.test.")));
  }

  @Test
  @DisplayName("RFC 5155 §8.6: DS at an unsigned delegation: the parent's NSEC3 at the cut lists NS, no DS")
  void dsQuery_atUnsignedDelegation_isNoData() {
    Message reply = zones.ask("insecure.example.test.", Type.DS);

    assertThat(denials.noData(name("insecure.example.test."), Type.DS, proof(reply)))
        .isEqualTo(new Denial.NoData(name("insecure.example.test."), Type.DS, null));
  }

  /* ---- §8.8 wildcard answers ---- */

  @Test
  @DisplayName("RFC 5155 §8.8: the next closer name below the wildcard's parent is covered")
  void wildcardAnswer_nextCloserCovered_isProven() {
    Message reply = zones.ask("x.y.wild.example.test.", Type.A);
    Name wildcard = Denials.wildcardSource(name("x.y.wild.example.test."), answerSignature(reply, Type.A));

    assertThat(denials.wildcardAnswer(name("x.y.wild.example.test."), wildcard, proof(reply)))
        .isEqualTo(new Denial.WildcardAnswer(name("x.y.wild.example.test."), name("*.wild.example.test.")));
  }

  @Test
  @DisplayName("RFC 5155 §8.8: a wildcard too far up leaves an existing next closer name, matched, not covered")
  void wildcardAnswer_existingNextCloser_isBogus() {
    Message reply = zones.ask("x.wild.example.test.", Type.AAAA); // carries the NSEC3 matching wild.

    assertThat(reason(denials.wildcardAnswer(name("x.wild.example.test."), name("*.example.test."), proof(reply))))
        .isIn(Denial.BogusReason.CLOSER_MATCH_EXISTS, Denial.BogusReason.NEXT_CLOSER_NOT_COVERED);
  }

  /* ---- §8.9 delegations ---- */

  @Test
  @DisplayName("RFC 5155 §8.9: without opt-out the unsigned delegation has its NSEC3: NS, no DS, no SOA")
  void referral_toUnsignedChild_provesNoDs() {
    Message reply = zones.ask("www.insecure.example.test.", Type.A);

    assertThat(denials.noDs(name("insecure.example.test."), proof(reply)))
        .isEqualTo(new Denial.NoDs(name("insecure.example.test.")));
  }
}
