package org.dnschase.resolver.internal.dnssec.denial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.internal.dnssec.denial.SignedReplies.answerSignature;
import static org.dnschase.resolver.internal.dnssec.denial.SignedReplies.name;
import static org.dnschase.resolver.internal.dnssec.denial.SignedReplies.proof;

import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.Security;
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

/** The proofs an NSEC chain gives, read from the testkit's signed replies (RFC 4035 §5.4, §5.3.4, §5.2). */
class NsecDenialTest {
  private static SignedReplies zones;
  private final Denials denials = new Denials(Defaults.MAX_NSEC3_ITERATIONS);

  @BeforeAll
  static void sign() {
    zones = SignedReplies.signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256));
  }

  @AfterAll
  static void close() {
    zones.close();
  }

  /* ---- name error ---- */

  @Test
  @DisplayName("RFC 4035 §5.4: an NSEC covers the name and one covers the wildcard at its closest encloser")
  void nxDomain_coveredNameAndWildcard_isProven() {
    Message reply = zones.ask("nope.example.test.", Type.A);

    assertThat(reply.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(denials.nxDomain(name("nope.example.test."), proof(reply)))
        .isEqualTo(new Denial.NxDomain(name("nope.example.test."), name("example.test.")));
  }

  @Test
  @DisplayName("RFC 4035 §5.4: below an existing name, the closest encloser is that name")
  void nxDomain_belowExistingName_enclosedByIt() {
    Message reply = zones.ask("x.www.example.test.", Type.A);

    assertThat(denials.nxDomain(name("x.www.example.test."), proof(reply)))
        .isEqualTo(new Denial.NxDomain(name("x.www.example.test."), name("www.example.test.")));
  }

  @Test
  @DisplayName("RFC 4035 §5.4: a proof of a name is no proof of another, existing, name")
  void nxDomain_provenForOtherName_isBogusForExistingOne() {
    Message reply = zones.ask("nope.example.test.", Type.A);

    Denial denial = denials.nxDomain(name("www.example.test."), proof(reply));

    assertThat(denial.security()).isEqualTo(Security.BOGUS);
    assertThat(((Denial.Bogus) denial).reason()).isIn(Denial.BogusReason.NAME_NOT_COVERED,
        Denial.BogusReason.NAME_EXISTS);
  }

  @Test
  @DisplayName("RFC 7129 §3.2: an NSEC whose next name lies below the name shows an empty non-terminal, not a name error")
  void nxDomain_emptyNonTerminal_isBogusNameExists() {
    Message reply = zones.ask("ent.example.test.", Type.A);

    assertThat(denials.nxDomain(name("ent.example.test."), proof(reply)))
        .isInstanceOfSatisfying(Denial.Bogus.class,
            bogus -> assertThat(bogus.reason()).isEqualTo(Denial.BogusReason.NAME_EXISTS));
  }

  /* ---- no data ---- */

  @Test
  @DisplayName("RFC 4035 §5.4: the NSEC at the name lists neither the type nor CNAME")
  void noData_nsecAtName_isProven() {
    Message reply = zones.ask("www.example.test.", Type.AAAA);

    assertThat(denials.noData(name("www.example.test."), Type.AAAA, proof(reply)))
        .isEqualTo(new Denial.NoData(name("www.example.test."), Type.AAAA, null));
  }

  @Test
  @DisplayName("RFC 4035 §5.4: the NSEC at the name lists the type asked, so NODATA is bogus")
  void noData_typeInBitmap_isBogus() {
    Message reply = zones.ask("www.example.test.", Type.AAAA);

    assertThat(denials.noData(name("www.example.test."), Type.A, proof(reply)))
        .isInstanceOfSatisfying(Denial.Bogus.class,
            bogus -> assertThat(bogus.reason()).isEqualTo(Denial.BogusReason.TYPE_EXISTS));
  }

  @Test
  @DisplayName("RFC 4035 §5.4: an NSEC listing CNAME denies no type: the answer should have been the CNAME")
  void noData_cnameInBitmap_isBogus() {
    Message reply = zones.ask("alias0.example.test.", Type.A); // covered by the NSEC at alias.example.test.

    assertThat(denials.noData(name("alias.example.test."), Type.AAAA, proof(reply)))
        .isInstanceOfSatisfying(Denial.Bogus.class,
            bogus -> assertThat(bogus.reason()).isEqualTo(Denial.BogusReason.TYPE_EXISTS));
  }

  @Test
  @DisplayName("RFC 4035 §3.1.3.2: an empty non-terminal is proven by the NSEC whose next name lies below it")
  void noData_emptyNonTerminal_isProven() {
    Message reply = zones.ask("b.ent.example.test.", Type.A);

    assertThat(denials.noData(name("b.ent.example.test."), Type.A, proof(reply)))
        .isEqualTo(new Denial.NoData(name("b.ent.example.test."), Type.A, null));
  }

  @Test
  @DisplayName("RFC 4035 §3.1.3.4: the name is covered and the NSEC at its wildcard lacks the type")
  void noData_wildcard_isProvenWithTheWildcard() {
    Message reply = zones.ask("x.wild.example.test.", Type.AAAA);

    assertThat(denials.noData(name("x.wild.example.test."), Type.AAAA, proof(reply)))
        .isEqualTo(new Denial.NoData(name("x.wild.example.test."), Type.AAAA, name("*.wild.example.test.")));
  }

  /* ---- wildcard answers ---- */

  @Test
  @DisplayName("RFC 4035 §5.3.4: the RRSIG's label count names the wildcard; an NSEC covering the name shows no closer match")
  void wildcardAnswer_labelCountAndCover_isProven() {
    Message reply = zones.ask("x.y.wild.example.test.", Type.A);
    Name wildcard = Denials.wildcardSource(name("x.y.wild.example.test."), answerSignature(reply, Type.A));

    assertThat(wildcard).isEqualTo(name("*.wild.example.test."));
    assertThat(denials.wildcardAnswer(name("x.y.wild.example.test."), wildcard, proof(reply)))
        .isEqualTo(new Denial.WildcardAnswer(name("x.y.wild.example.test."), wildcard));
  }

  @Test
  @DisplayName("RFC 4034 §3.1.3: an RRSIG counting every label of the owner was not made over a wildcard")
  void wildcardSource_ofPlainAnswer_isNull() {
    Message reply = zones.ask("www.example.test.", Type.A);

    assertThat(Denials.wildcardSource(name("www.example.test."), answerSignature(reply, Type.A))).isNull();
  }

  @Test
  @DisplayName("RFC 4035 §5.3.4: a wildcard above the closest encloser could not have answered")
  void wildcardAnswer_widerWildcardThanEncloser_isBogus() {
    Message reply = zones.ask("x.y.wild.example.test.", Type.A);

    assertThat(denials.wildcardAnswer(name("x.y.wild.example.test."), name("*.example.test."), proof(reply)))
        .isInstanceOfSatisfying(Denial.Bogus.class,
            bogus -> assertThat(bogus.reason()).isEqualTo(Denial.BogusReason.CLOSER_MATCH_EXISTS));
  }

  /* ---- delegations ---- */

  @Test
  @DisplayName("RFC 4035 §5.2: the parent's NSEC at an unsigned delegation lists NS and no DS")
  void referral_toUnsignedChild_provesNoDs() {
    Message reply = zones.ask("www.insecure.example.test.", Type.A);

    assertThat(denials.noDs(name("insecure.example.test."), proof(reply)))
        .isEqualTo(new Denial.NoDs(name("insecure.example.test.")));
  }

  @Test
  @DisplayName("RFC 4035 §5.4: a DS query at an unsigned delegation is NODATA by the parent's NSEC")
  void dsQuery_atUnsignedDelegation_isNoData() {
    Message reply = zones.ask("insecure.example.test.", Type.DS);

    assertThat(denials.noData(name("insecure.example.test."), Type.DS, proof(reply)))
        .isEqualTo(new Denial.NoData(name("insecure.example.test."), Type.DS, null));
  }

  @Test
  @DisplayName("RFC 6840 §4.4: the parent's NSEC at a delegation denies DS only, not the child's data")
  void noData_parentSideNsecForOtherType_isBogus() {
    Message reply = zones.ask("insecure.example.test.", Type.DS);

    assertThat(denials.noData(name("insecure.example.test."), Type.A, proof(reply)))
        .isInstanceOfSatisfying(Denial.Bogus.class,
            bogus -> assertThat(bogus.reason()).isEqualTo(Denial.BogusReason.WRONG_SIDE_OF_CUT));
  }

  @Test
  @DisplayName("RFC 4035 §5.2: a signed delegation's NSEC lists DS, so no insecure delegation follows")
  void noDs_atSignedDelegation_isBogus() {
    Message reply = zones.ask("suba.example.test.", Type.A); // covered by the NSEC at sub.example.test.

    assertThat(denials.noDs(name("sub.example.test."), proof(reply)))
        .isInstanceOfSatisfying(Denial.Bogus.class,
            bogus -> assertThat(bogus.reason()).isEqualTo(Denial.BogusReason.TYPE_EXISTS));
  }
}
