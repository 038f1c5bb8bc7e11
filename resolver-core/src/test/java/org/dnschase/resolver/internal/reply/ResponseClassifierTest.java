package org.dnschase.resolver.internal.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.cache.TtlCaps;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Canned replies through {@link Bailiwick#scrub} and {@link ResponseClassifier#classify}, one per
 * {@link ResponseType} and per rule that picks it.
 */
class ResponseClassifierTest {

  private static final String SOA = "example.test. 300 SOA ns1.example.test. host.example.test. 1 3600 600 86400 300";

  /** Scrubs {@code reply} to the bailiwick of {@code zone}, then classifies it for (qname, qtype). */
  private static ResponseType classify(Reply reply, String zone, String qname, int qtype) {
    return ResponseClassifier.classify(scrub(reply, zone, qname, qtype), Name.fromConstantString(qname), qtype,
        Name.fromConstantString(zone));
  }

  /** The owner of the NS set {@code reply}, scrubbed to the bailiwick of {@code zone}, refers to for qname. */
  private static String referral(Reply reply, String zone, String qname) {
    return scrub(reply, zone, qname, Type.A).referral(Name.fromConstantString(qname), Name.fromConstantString(zone))
        .getName().toString();
  }

  private static ScrubbedReply scrub(Reply reply, String zone, String qname, int qtype) {
    return Bailiwick.scrub(reply.to(qname, qtype), Name.fromConstantString(zone), TtlCaps.DEFAULTS,
        Defaults.MAX_NAME_SERVERS);
  }

  /* ---- answers ---- */

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3a: the queried type at the queried name is an answer")
  void dataAtQname_isAnswer() {
    Reply reply = Reply.noError().authoritative().answer("www.example.test. 300 A 192.0.2.1");

    assertThat(classify(reply, "example.test.", "www.example.test.", Type.A)).isEqualTo(ResponseType.ANSWER);
  }

  @Test
  @DisplayName("RFC 1034 §4.3.2: data of another type only at the name is not an answer (NODATA with AA)")
  void otherTypeAtQname_isNotAnswer() {
    Reply reply = Reply.noError().authoritative().answer("www.example.test. 300 TXT \"hello\"");

    assertThat(classify(reply, "example.test.", "www.example.test.", Type.A)).isEqualTo(ResponseType.NODATA);
  }

  @ParameterizedTest(name = "qtype {0}")
  @ValueSource(ints = {Type.A, Type.ANY})
  @DisplayName("RFC 4035 §3.1.1: a signature without the RRset it covers is not data: an answer section holding only an RRSIG of A is NODATA")
  void signatureWithoutItsRRset_isNoData(int qtype) {
    Reply reply = Reply.noError().authoritative()
        .answer("www.example.test. 300 RRSIG A 8 3 300 20300101000000 20200101000000 12345 example.test. AAAA")
        .authority(SOA);

    assertThat(classify(reply, "example.test.", "www.example.test.", qtype)).isEqualTo(ResponseType.NODATA);
  }

  @Test
  @DisplayName("RFC 1034 §3.6.2: qtype CNAME is answered by the CNAME itself, not chased")
  void cnameQueryWithCname_isAnswer() {
    Reply reply = Reply.noError().authoritative().answer("www.example.test. 300 CNAME web.example.test.");

    assertThat(classify(reply, "example.test.", "www.example.test.", Type.CNAME)).isEqualTo(ResponseType.ANSWER);
  }

  /* ---- aliases ---- */

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3a: a CNAME at the queried name makes it an alias")
  void cnameAtQname_isCname() {
    Reply reply = Reply.noError().authoritative().answer("www.example.test. 300 CNAME web.example.test.");

    assertThat(classify(reply, "example.test.", "www.example.test.", Type.A)).isEqualTo(ResponseType.CNAME);
  }

  @Test
  @DisplayName("RFC 1034 §3.6.2: a CNAME before other data at the name wins over the data")
  void cnameBeforeDataAtQname_cnameWins() {
    Reply reply = Reply.noError().authoritative().answer(
        "www.example.test. 300 CNAME web.example.test.",
        "www.example.test. 300 A 192.0.2.66",
        "web.example.test. 300 A 192.0.2.1");

    assertThat(classify(reply, "example.test.", "www.example.test.", Type.A)).isEqualTo(ResponseType.CNAME);
  }

  @Test
  @DisplayName("RFC 2181 §10.1: the data asked for before a CNAME at the name is the answer, read in order as Unbound does")
  void dataBeforeCnameAtQname_isAnswer() {
    Reply reply = Reply.noError().authoritative().answer(
        "www.example.test. 300 A 192.0.2.66",
        "www.example.test. 300 CNAME web.example.test.",
        "web.example.test. 300 A 192.0.2.1");

    assertThat(classify(reply, "example.test.", "www.example.test.", Type.A)).isEqualTo(ResponseType.ANSWER);
  }

  @Test
  @DisplayName("RFC 6604 §3: a CNAME with rcode NXDOMAIN is still an alias; the rcode belongs to the target")
  void cnameWithNxDomainRcode_isCname() {
    Reply reply = Reply.nxDomain().authoritative()
        .answer("www.example.test. 300 CNAME gone.example.test.")
        .authority(SOA);

    assertThat(classify(reply, "example.test.", "www.example.test.", Type.A)).isEqualTo(ResponseType.CNAME);
  }

  @Test
  @DisplayName("RFC 2181 §5.4.1: a CNAME into another zone is an alias; the target's data there is scrubbed")
  void cnameIntoOtherZone_isCnameAndTargetDataDropped() {
    Reply reply = Reply.noError().authoritative().answer(
        "www.example.test. 300 CNAME web.other.lab.",
        "web.other.lab. 300 A 192.0.2.66");
    Name zone = Name.fromConstantString("example.test.");
    ScrubbedReply scrubbed = Bailiwick.scrub(reply.to("www.example.test.", Type.A), zone, TtlCaps.DEFAULTS, Defaults.MAX_NAME_SERVERS);

    assertThat(ResponseClassifier.classify(scrubbed, Name.fromConstantString("www.example.test."), Type.A, zone))
        .isEqualTo(ResponseType.CNAME);
    assertThat(scrubbed.dropped()).isEqualTo(1);
  }

  /* ---- referrals ---- */

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3b: NS for a zone strictly below the asked zone and above the name is a referral")
  void nsStrictlyBelowZoneAboveQname_isReferral() {
    Reply reply = Reply.noError()
        .authority("example.test. 86400 NS ns1.example.test.")
        .additional("ns1.example.test. 86400 A 127.0.0.11");

    assertThat(classify(reply, "test.", "www.example.test.", Type.A)).isEqualTo(ResponseType.REFERRAL);
  }

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3b: the zone's own NS set sent first, beside the child's, does not hide the referral")
  void zoneNameServersBeforeChildNameServers_isReferral() {
    Reply reply = Reply.noError()
        .authority("test. 86400 NS ns.test.", "example.test. 86400 NS ns1.example.test.")
        .additional("ns1.example.test. 86400 A 127.0.0.11");

    assertThat(classify(reply, "test.", "www.example.test.", Type.A)).isEqualTo(ResponseType.REFERRAL);
    assertThat(referral(reply, "test.", "www.example.test.")).isEqualTo("example.test.");
  }

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3b: of two cuts below the zone, the referral is the one the zone holds, nearest it")
  void twoCutsBelowZone_referralIsTheNearest() {
    Reply reply = Reply.noError()
        .authority("www.example.test. 86400 NS ns.www.example.test.", "example.test. 86400 NS ns1.example.test.");

    assertThat(referral(reply, "test.", "www.example.test.")).isEqualTo("example.test.");
  }

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3b: a referral to a cut at the queried name itself is a referral")
  void nsAtQname_isReferral() {
    Reply reply = Reply.noError().authority("example.test. 86400 NS ns1.example.test.");

    assertThat(classify(reply, "test.", "example.test.", Type.A)).isEqualTo(ResponseType.REFERRAL);
  }

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3b: a referral more than one label down is a referral")
  void nsSeveralLabelsBelowZone_isReferral() {
    Reply reply = Reply.noError().authority("deep.example.test. 86400 NS ns.deep.example.test.");

    assertThat(classify(reply, "test.", "www.deep.example.test.", Type.A)).isEqualTo(ResponseType.REFERRAL);
  }

  @Test
  @DisplayName("Bailiwick: an upward referral (to the root) from a zone's server is lame")
  void upwardReferral_isLame() {
    Reply reply = Reply.noError()
        .authority(". 86400 NS a.root.lab.")
        .additional("a.root.lab. 86400 A 127.0.0.1");

    assertThat(classify(reply, "example.test.", "www.example.test.", Type.A)).isEqualTo(ResponseType.LAME);
  }

  @Test
  @DisplayName("Bailiwick: a referral to the asked zone itself (a server sending us back to the same cut) is lame")
  void referralToAskedZoneItself_isLame() {
    Reply reply = Reply.noError().authority("example.test. 86400 NS ns1.example.test.");

    assertThat(classify(reply, "example.test.", "www.example.test.", Type.A)).isEqualTo(ResponseType.LAME);
  }

  @Test
  @DisplayName("Bailiwick: a sideways referral to a cut that does not contain the name is lame")
  void sidewaysReferral_isLame() {
    Reply reply = Reply.noError().authority("other.example.test. 86400 NS ns.other.example.test.");

    assertThat(classify(reply, "example.test.", "www.example.test.", Type.A)).isEqualTo(ResponseType.LAME);
  }

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3b: a child's NS set in the answer section alone is no referral: the server is lame "
      + "(Unbound answers NOERROR with nothing, where the child holds the data)")
  void childNameServersInAnswerOnly_isLame() {
    Reply reply = Reply.noError()
        .answer("example.test. 86400 NS ns1.example.test.")
        .additional("ns1.example.test. 86400 A 127.0.0.11");

    assertThat(classify(reply, "test.", "www.example.test.", Type.A)).isEqualTo(ResponseType.LAME);
  }

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3b: a referral whose NS set also comes in the answer section is still a referral")
  void childNameServersInAnswerAndAuthority_isReferral() {
    Reply reply = Reply.noError()
        .answer("example.test. 86400 NS ns1.example.test.")
        .authority("example.test. 86400 NS ns1.example.test.")
        .additional("ns1.example.test. 86400 A 127.0.0.11");

    assertThat(classify(reply, "test.", "www.example.test.", Type.A)).isEqualTo(ResponseType.REFERRAL);
    assertThat(referral(reply, "test.", "www.example.test.")).isEqualTo("example.test.");
  }

  /* ---- negative answers ---- */

  @Test
  @DisplayName("RFC 2308 §2.1: rcode NXDOMAIN with the zone's SOA is NXDOMAIN")
  void nxDomainRcode_isNxDomain() {
    Reply reply = Reply.nxDomain().authoritative().authority(SOA);

    assertThat(classify(reply, "example.test.", "nope.example.test.", Type.A)).isEqualTo(ResponseType.NXDOMAIN);
  }

  @Test
  @DisplayName("RFC 1035 §4.1.1, RFC 6604 §3: an NXDOMAIN that also carries data for the name asked is NXDOMAIN: "
      + "the rcode speaks for the name, as Unbound's iterator takes it")
  void nxDomainWithDataForTheName_isNxDomain() {
    Reply reply = Reply.nxDomain().authoritative().answer("www.example.test. 300 A 192.0.2.1").authority(SOA);

    assertThat(classify(reply, "example.test.", "www.example.test.", Type.A)).isEqualTo(ResponseType.NXDOMAIN);
  }

  @Test
  @DisplayName("RFC 2308 §2.2: NOERROR, empty answer, SOA in authority is NODATA")
  void emptyAnswerWithSoa_isNoData() {
    Reply reply = Reply.noError().authoritative().authority(SOA);

    assertThat(classify(reply, "example.test.", "www.example.test.", Type.MX)).isEqualTo(ResponseType.NODATA);
  }

  @Test
  @DisplayName("RFC 2308 §2.2 (NODATA type 3): an authoritative empty answer without SOA is NODATA")
  void authoritativeEmptyWithoutSoa_isNoData() {
    Reply reply = Reply.noError().authoritative();

    assertThat(classify(reply, "example.test.", "www.example.test.", Type.MX)).isEqualTo(ResponseType.NODATA);
  }

  @Test
  @DisplayName("RFC 2308 §2.2 (NODATA type 2): SOA and the zone's own NS with AA is NODATA, not a referral")
  void authoritativeSoaAndApexNs_isNoData() {
    Reply reply = Reply.noError().authoritative()
        .authority(SOA, "example.test. 86400 NS ns1.example.test.");

    assertThat(classify(reply, "example.test.", "www.example.test.", Type.MX)).isEqualTo(ResponseType.NODATA);
  }

  @Test
  @DisplayName("RFC 4035 §3.1.3.1: an empty answer without AA or SOA but with the zone's NSEC is NODATA, left to validation")
  void nonAuthoritativeEmptyWithNsec_isNoData() {
    Reply reply = Reply.noError().authority("www.example.test. 300 NSEC zz.example.test. A RRSIG NSEC");

    assertThat(classify(reply, "example.test.", "www.example.test.", Type.MX)).isEqualTo(ResponseType.NODATA);
  }

  /* ---- lame and throw-away ---- */

  @ParameterizedTest(name = "rcode {0}")
  @ValueSource(ints = {Rcode.SERVFAIL, Rcode.NOTIMP, Rcode.REFUSED})
  @DisplayName("RFC 1035 §4.1.1: SERVFAIL, NOTIMP and REFUSED mean this server cannot serve the zone: lame")
  void serverFailureRcodes_areLame(int rcode) {
    Reply reply = Reply.rcode(rcode).answer("www.example.test. 300 A 192.0.2.1");

    assertThat(classify(reply, "example.test.", "www.example.test.", Type.A)).isEqualTo(ResponseType.LAME);
  }

  @Test
  @DisplayName("RFC 1035 §4.1.1: FORMERR is thrown away (the query, not the server, was at fault)")
  void formErr_isThrowaway() {
    Reply reply = Reply.rcode(Rcode.FORMERR);

    assertThat(classify(reply, "example.test.", "www.example.test.", Type.A)).isEqualTo(ResponseType.THROWAWAY);
  }

  @Test
  @DisplayName("RFC 2136 §2.2: an rcode a query never gets (YXDOMAIN) is thrown away, even with data")
  void unexpectedRcode_isThrowaway() {
    Reply reply = Reply.rcode(Rcode.YXDOMAIN).authoritative().answer("www.example.test. 300 A 192.0.2.1");

    assertThat(classify(reply, "example.test.", "www.example.test.", Type.A)).isEqualTo(ResponseType.THROWAWAY);
  }

  @Test
  @DisplayName("RFC 1034 §4.3.1: a non-authoritative NOERROR with nothing in it is lame")
  void nonAuthoritativeEmpty_isLame() {
    Reply reply = Reply.noError();

    assertThat(classify(reply, "example.test.", "www.example.test.", Type.A)).isEqualTo(ResponseType.LAME);
  }
}
