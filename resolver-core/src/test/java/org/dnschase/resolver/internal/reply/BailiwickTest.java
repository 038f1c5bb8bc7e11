package org.dnschase.resolver.internal.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.cache.TtlCaps;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Scrubbing a reply to what the server of the asked zone may speak for (RFC 2181 §5.4.1). */
class BailiwickTest {

  private static final Name ZONE = Name.fromConstantString("example.test.");

  private static List<String> names(List<RRset> section) {
    return section.stream().map(set -> set.getName() + "/" + Type.string(set.getType())).toList();
  }

  /* ---- what is dropped ---- */

  @Test
  @DisplayName("RFC 2181 §5.4.1: RRsets outside the zone are dropped from answer, authority and additional, and counted")
  void outOfZoneRRsets_droppedFromEverySectionAndCounted() {
    Message reply = Reply.noError().authoritative()
        .answer("www.example.test. 300 A 192.0.2.1", "victim.lab. 300 A 192.0.2.66")
        .authority("example.test. 86400 NS ns1.example.test.", "test. 86400 NS ns.evil.lab.")
        .additional("ns1.example.test. 86400 A 127.0.0.11", "ns.test. 86400 A 127.0.0.66",
            "ns.test. 86400 AAAA ::1")
        .to("www.example.test.", Type.A);

    ScrubbedReply scrubbed = Bailiwick.scrub(reply, ZONE, TtlCaps.DEFAULTS, Defaults.MAX_NAME_SERVERS);

    assertThat(names(scrubbed.answer())).containsExactly("www.example.test./A");
    assertThat(names(scrubbed.authority())).containsExactly("example.test./NS");
    assertThat(names(scrubbed.additional())).containsExactly("ns1.example.test./A");
    assertThat(scrubbed.dropped()).isEqualTo(4);
  }

  @Test
  @DisplayName("RFC 4034 §4.1.1: an NSEC whose next name leaves the zone asked overreaches and is dropped, in any section")
  void overreachingNsec_dropped() {
    Message reply = Reply.nxDomain().authoritative()
        .answer("example.test. 300 NSEC b.foo.test. NS SOA RRSIG NSEC DNSKEY")
        .authority("example.test. 300 SOA ns.example.test. host.example.test. 1 3600 600 86400 300",
            "wab.example.test. 300 NSEC wzz.foo.test. A RRSIG NSEC",
            "abc.example.test. 300 NSEC example.test. A RRSIG NSEC",
            "www.example.test. 300 NSEC zz.example.test. A RRSIG NSEC")
        .to("www.example.test.", Type.A);

    ScrubbedReply scrubbed = Bailiwick.scrub(reply, ZONE, TtlCaps.DEFAULTS, Defaults.MAX_NAME_SERVERS);

    assertThat(scrubbed.answer()).isEmpty();
    assertThat(names(scrubbed.authority()))
        .containsExactly("example.test./SOA", "abc.example.test./NSEC", "www.example.test./NSEC");
    assertThat(scrubbed.dropped()).isEqualTo(2);
  }

  @Test
  @DisplayName("an NS RRset keeps its first name servers only, as received (Unbound's iter-scrub-ns), in answer and authority")
  void nameServerSet_keepsItsFirstRecordsOnly() {
    Message reply = Reply.noError().authoritative()
        .answer("example.test. 86400 NS ns3.example.test.", "example.test. 86400 NS ns1.example.test.",
            "example.test. 86400 NS ns2.example.test.")
        .authority("sub.example.test. 86400 NS ns9.sub.example.test.", "sub.example.test. 86400 NS ns8.lab.")
        .to("example.test.", Type.NS);

    ScrubbedReply scrubbed = Bailiwick.scrub(reply, ZONE, TtlCaps.DEFAULTS, 1);

    assertThat(scrubbed.answer(ZONE, Type.NS).rrs(false)).singleElement()
        .satisfies(ns -> assertThat(ns.getAdditionalName()).hasToString("ns3.example.test."));
    assertThat(scrubbed.nameServersOf(Name.fromConstantString("sub.example.test."))).hasSize(1);
    assertThat(Bailiwick.scrub(reply, ZONE, TtlCaps.DEFAULTS, 3).answer(ZONE, Type.NS).size()).isEqualTo(3);
  }

  @Test
  @DisplayName("RFC 2181 §5.4.1: a parent zone's data from a child's server is out of bailiwick")
  void parentZoneData_isDropped() {
    Message reply = Reply.noError().authority("test. 86400 SOA ns.test. host.test. 1 3600 600 86400 300")
        .to("www.example.test.", Type.A);

    ScrubbedReply scrubbed = Bailiwick.scrub(reply, ZONE, TtlCaps.DEFAULTS, Defaults.MAX_NAME_SERVERS);

    assertThat(scrubbed.authority()).isEmpty();
    assertThat(scrubbed.hasSoa()).isFalse();
    assertThat(scrubbed.dropped()).isEqualTo(1);
  }

  @Test
  @DisplayName("RFC 1034 §3.1: a sibling sharing the zone's suffix as a string (notexample.test.) is outside example.test.")
  void siblingWithCommonStringSuffix_isOut() {
    Message reply = Reply.noError().authoritative()
        .answer("notexample.test. 300 A 192.0.2.66", "www.notexample.test. 300 A 192.0.2.66")
        .to("www.example.test.", Type.A);

    ScrubbedReply scrubbed = Bailiwick.scrub(reply, ZONE, TtlCaps.DEFAULTS, Defaults.MAX_NAME_SERVERS);

    assertThat(scrubbed.answer()).isEmpty();
    assertThat(scrubbed.dropped()).isEqualTo(2);
  }

  /* ---- what is kept ---- */

  @Test
  @DisplayName("RFC 2181 §5.4.1: the apex and every name below it are kept, in order")
  void inZoneRRsets_kept() {
    Message reply = Reply.noError().authoritative()
        .answer("www.example.test. 300 CNAME a.b.example.test.", "a.b.example.test. 300 A 192.0.2.1")
        .authority("example.test. 86400 NS ns1.example.test.")
        .additional("ns1.example.test. 86400 A 127.0.0.11")
        .to("www.example.test.", Type.A);

    ScrubbedReply scrubbed = Bailiwick.scrub(reply, ZONE, TtlCaps.DEFAULTS, Defaults.MAX_NAME_SERVERS);

    assertThat(names(scrubbed.answer())).containsExactly("www.example.test./CNAME", "a.b.example.test./A");
    assertThat(names(scrubbed.authority())).containsExactly("example.test./NS");
    assertThat(names(scrubbed.additional())).containsExactly("ns1.example.test./A");
    assertThat(scrubbed.dropped()).isZero();
  }

  @Test
  @DisplayName("RFC 4343 §2: names are compared case-insensitively, so WWW.EXAMPLE.TEST. is in example.test.")
  void mixedCaseOwner_isInZone() {
    Message reply = Reply.noError().authoritative().answer("WWW.Example.TEST. 300 A 192.0.2.1")
        .to("www.example.test.", Type.A);

    ScrubbedReply scrubbed = Bailiwick.scrub(reply, ZONE, TtlCaps.DEFAULTS, Defaults.MAX_NAME_SERVERS);

    assertThat(scrubbed.answer()).hasSize(1);
    assertThat(scrubbed.dropped()).isZero();
  }

  @Test
  @DisplayName("RFC 2181 §5.4.1: the root's servers may speak for every name")
  void rootZone_keepsEverything() {
    Message reply = Reply.noError()
        .authority("test. 86400 NS ns.test.")
        .additional("ns.test. 86400 A 127.0.0.2", "other.lab. 86400 A 127.0.0.3")
        .to("www.example.test.", Type.A);

    ScrubbedReply scrubbed = Bailiwick.scrub(reply, Name.root, TtlCaps.DEFAULTS, Defaults.MAX_NAME_SERVERS);

    assertThat(scrubbed.authority()).hasSize(1);
    assertThat(scrubbed.additional()).hasSize(2);
    assertThat(scrubbed.dropped()).isZero();
  }

  @Test
  @DisplayName("RFC 6891 §6.1.1: the OPT pseudo-record is no data: neither kept as an RRset nor counted as dropped")
  void optPseudoRecord_isNotCountedAsDropped() {
    Message reply = Reply.noError().authoritative().answer("www.example.test. 300 A 192.0.2.1")
        .to("www.example.test.", Type.A);
    reply.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);

    ScrubbedReply scrubbed = Bailiwick.scrub(reply, ZONE, TtlCaps.DEFAULTS, Defaults.MAX_NAME_SERVERS);

    assertThat(scrubbed.dropped()).isZero();
    assertThat(scrubbed.additional()).isEmpty();
  }

  /* ---- header facts ---- */

  @Test
  @DisplayName("RFC 4035 §3.1.1: an RRSIG sent in another section than the RRset it covers joins that RRset")
  void signatureInAnotherSection_joinsItsRRset() {
    String sig = " 300 RRSIG A 13 3 300 20300101000000 20200101000000 1234 example.test. AAAA";
    Message reply = Reply.noError().authoritative()
        .answer("www.example.test. 300 A 192.0.2.1", "ns1.example.test." + sig)
        .authority("example.test. 86400 NS ns1.example.test.")
        .additional("ns1.example.test. 86400 A 127.0.0.11", "www.example.test." + sig)
        .to("www.example.test.", Type.A);

    ScrubbedReply scrubbed = Bailiwick.scrub(reply, ZONE, TtlCaps.DEFAULTS, Defaults.MAX_NAME_SERVERS);

    assertThat(names(scrubbed.answer())).containsExactly("www.example.test./A");
    assertThat(scrubbed.answer().get(0).sigSize()).isEqualTo(1);
    assertThat(names(scrubbed.additional())).containsExactly("ns1.example.test./A");
    assertThat(scrubbed.additional().get(0).sigSize()).isEqualTo(1);
  }

  @Test
  @DisplayName("an RRSIG whose RRset is in no section stays where it was sent")
  void signatureWithoutItsRRset_staysInItsSection() {
    Message reply = Reply.noError().authoritative()
        .answer("www.example.test. 300 A 192.0.2.1")
        .additional("mail.example.test. 300 RRSIG A 13 3 300 20300101000000 20200101000000 1234 example.test. AAAA")
        .to("www.example.test.", Type.A);

    ScrubbedReply scrubbed = Bailiwick.scrub(reply, ZONE, TtlCaps.DEFAULTS, Defaults.MAX_NAME_SERVERS);

    assertThat(names(scrubbed.additional())).containsExactly("mail.example.test./A");
    assertThat(scrubbed.answer().get(0).sigSize()).isZero();
  }

  @Test
  @DisplayName("RFC 1035 §4.1.1: scrubbing keeps the rcode and the AA flag")
  void headerFacts_kept() {
    Message nx = Reply.nxDomain().authoritative().to("nope.example.test.", Type.A);
    Message refused = Reply.rcode(Rcode.REFUSED).to("www.example.test.", Type.A);

    ScrubbedReply scrubbedNx = Bailiwick.scrub(nx, ZONE, TtlCaps.DEFAULTS, Defaults.MAX_NAME_SERVERS);
    ScrubbedReply scrubbedRefused = Bailiwick.scrub(refused, ZONE, TtlCaps.DEFAULTS, Defaults.MAX_NAME_SERVERS);

    assertThat(scrubbedNx.rcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(scrubbedNx.authoritative()).isTrue();
    assertThat(scrubbedRefused.rcode()).isEqualTo(Rcode.REFUSED);
    assertThat(scrubbedRefused.authoritative()).isFalse();
  }
}
