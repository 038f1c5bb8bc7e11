package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.testkit.SignedLab.EXAMPLE_SERVER;
import static org.dnschase.resolver.testkit.SignedLab.TLD_SERVER;
import static org.dnschase.resolver.testkit.SignedLab.ask;
import static org.dnschase.resolver.testkit.SignedLab.name;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** What a query with DO set gets from a signed zone served with an NSEC chain (RFC 4035 §3.1). */
class SignedAnswerTest {
  private static TestHierarchy DNS;

  /** Started when the class runs, not when it loads: a lifecycle test counts the servers' threads. */
  @BeforeAll
  static void start() {
    DNS = TestHierarchy.builder().zones(SignedLab.TREE)
        .signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256)).unsigned("insecure.test.").build();
  }

  @AfterAll
  static void close() {
    DNS.close();
  }

  /** Every RRset of the section verified with the keys of {@code zone}; returns the RRsets. */
  static List<RRset> verified(Message reply, int section, TestHierarchy dns, String zone) throws Exception {
    List<DNSKEYRecord> keys = dns.keys(name(zone)).dnskeys();
    List<RRset> sets = new ArrayList<>();
    for (RRset set : reply.getSectionRRsets(section)) {
      if (set.getType() != Type.NS && set.getType() != Type.CNAME || !set.sigs().isEmpty()) {
        assertThat(set.sigs()).as("RRSIGs of %s", set).isNotEmpty();
        Signatures.verify(set, keys, Instant.now());
      }
      sets.add(set);
    }
    return sets;
  }

  static List<NSECRecord> nsecs(Message reply) {
    return reply.getSection(Section.AUTHORITY).stream().filter(r -> r.getType() == Type.NSEC)
        .map(NSECRecord.class::cast).toList();
  }

  /** RFC 4035 §5.4: an NSEC covers a name that sorts after its owner and before its next name. */
  static boolean covers(NSECRecord nsec, Name name) {
    boolean last = nsec.getNext().compareTo(nsec.getName()) <= 0;
    return nsec.getName().compareTo(name) < 0 && (last || name.compareTo(nsec.getNext()) < 0);
  }

  @Test
  @DisplayName("RFC 4035 §3.1.1: an answer carries the RRSIGs of its RRset, and the OPT echoes DO")
  void positiveAnswer_carriesItsSignatures() throws Exception {
    Message reply = ask(DNS, EXAMPLE_SERVER, "www.example.test.", Type.A);

    assertThat(verified(reply, Section.ANSWER, DNS, "example.test.")).hasSize(1);
    assertThat(reply.getOPT().getFlags() & ExtendedFlags.DO).isEqualTo(ExtendedFlags.DO);
  }

  @Test
  @DisplayName("RFC 3225 §3: without DO the reply carries no DNSSEC records")
  void withoutDo_noSignaturesOrProofs() throws Exception {
    Message answer = Client.udp(DNS.server(EXAMPLE_SERVER), Client.ednsQuery("www.example.test.", Type.A, 1232));
    Message nx = Client.udp(DNS.server(EXAMPLE_SERVER), Client.query("nope.example.test.", Type.A));

    for (Message reply : List.of(answer, nx)) {
      assertThat(reply.getSection(Section.ANSWER)).noneMatch(r -> r.getType() == Type.RRSIG);
      assertThat(reply.getSection(Section.AUTHORITY)).allMatch(r -> r.getType() == Type.SOA);
    }
    assertThat(nx.getSection(Section.AUTHORITY)).hasSize(1);
    assertThat(answer.getOPT().getFlags() & ExtendedFlags.DO).isZero();
  }

  @Test
  @DisplayName("RFC 3225 §3: an RRSIG question gets every RRSIG at the name, asked for explicitly, with or without DO")
  void rrsigQuestion_getsTheSignaturesAtTheName() throws Exception {
    Message signed = ask(DNS, EXAMPLE_SERVER, "www.example.test.", Type.RRSIG);
    Message plain = Client.udp(DNS.server(EXAMPLE_SERVER), Client.query("www.example.test.", Type.RRSIG));

    for (Message reply : List.of(signed, plain)) {
      assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
      assertThat(reply.getSection(Section.ANSWER)).isNotEmpty().allSatisfy(record -> {
        assertThat(record.getType()).isEqualTo(Type.RRSIG);
        assertThat(record.getName()).isEqualTo(name("www.example.test."));
      });
    }
    assertThat(signed.getSection(Section.ANSWER)).extracting(record -> ((RRSIGRecord) record).getTypeCovered())
        .contains(Type.A, Type.NSEC);
  }

  @Test
  @DisplayName("RFC 4035 §3.1.3.2: NXDOMAIN proves the name and the wildcard at its closest encloser absent")
  void nxDomain_carriesCoveringNsecs() throws Exception {
    Message reply = ask(DNS, EXAMPLE_SERVER, "nope.example.test.", Type.A);

    assertThat(reply.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    verified(reply, Section.AUTHORITY, DNS, "example.test.");
    assertThat(nsecs(reply)).anyMatch(nsec -> covers(nsec, name("nope.example.test.")));
    assertThat(nsecs(reply)).anyMatch(nsec -> covers(nsec, name("*.example.test.")));
    assertThat(reply.getSection(Section.AUTHORITY)).anyMatch(r -> r instanceof RRSIGRecord sig
        && sig.getTypeCovered() == Type.SOA);
  }

  @Test
  @DisplayName("RFC 4035 §3.1.3.1: NODATA carries the NSEC of the name, without the type asked")
  void noData_carriesMatchingNsec() throws Exception {
    Message reply = ask(DNS, EXAMPLE_SERVER, "www.example.test.", Type.AAAA);

    verified(reply, Section.AUTHORITY, DNS, "example.test.");
    assertThat(nsecs(reply)).singleElement().satisfies(nsec -> {
      assertThat(nsec.getName()).isEqualTo(name("www.example.test."));
      assertThat(nsec.hasType(Type.A)).isTrue();
      assertThat(nsec.hasType(Type.AAAA)).isFalse();
    });
  }

  @Test
  @DisplayName("RFC 4035 §3.1.3.1: NODATA at an empty non-terminal: the NSEC whose next name is below it")
  void emptyNonTerminal_carriesNsecLeadingBelowIt() throws Exception {
    Message reply = ask(DNS, EXAMPLE_SERVER, "b.ent.example.test.", Type.A);

    assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
    verified(reply, Section.AUTHORITY, DNS, "example.test.");
    assertThat(nsecs(reply)).singleElement().satisfies(nsec -> {
      assertThat(covers(nsec, name("b.ent.example.test."))).isTrue();
      assertThat(nsec.getNext().subdomain(name("b.ent.example.test."))).isTrue();
    });
  }

  @Test
  @DisplayName("RFC 4035 §3.1.3.3: a wildcard answer has RRSIG labels below the owner's, and an NSEC covering the name")
  void wildcardAnswer_carriesExpandedSignatureAndProof() throws Exception {
    Message reply = ask(DNS, EXAMPLE_SERVER, "x.wild.example.test.", Type.A);

    RRset answer = verified(reply, Section.ANSWER, DNS, "example.test.").get(0);
    assertThat(answer.getName()).isEqualTo(name("x.wild.example.test."));
    assertThat(answer.sigs().get(0).getLabels()).isEqualTo(3);
    verified(reply, Section.AUTHORITY, DNS, "example.test.");
    assertThat(nsecs(reply)).singleElement().satisfies(nsec -> assertThat(covers(nsec, name("x.wild.example.test."))).isTrue());
  }

  @Test
  @DisplayName("RFC 4035 §3.1.3.4: NODATA from a wildcard proves the name absent and the wildcard without the type")
  void wildcardNoData_carriesBothNsecs() throws Exception {
    Message reply = ask(DNS, EXAMPLE_SERVER, "x.wild.example.test.", Type.TXT);

    verified(reply, Section.AUTHORITY, DNS, "example.test.");
    assertThat(nsecs(reply)).anyMatch(nsec -> covers(nsec, name("x.wild.example.test.")));
    assertThat(nsecs(reply)).anyMatch(nsec -> nsec.getName().equals(name("*.wild.example.test."))
        && !nsec.hasType(Type.TXT));
  }

  @Test
  @DisplayName("RFC 4035 §3.1.4: a referral to a signed child carries the DS RRset and its RRSIG")
  void referralToSignedChild_carriesDs() throws Exception {
    Message reply = ask(DNS, EXAMPLE_SERVER, "www.sub.example.test.", Type.A);

    List<RRset> authority = verified(reply, Section.AUTHORITY, DNS, "example.test.");
    assertThat(authority).extracting(RRset::getType).containsExactly(Type.NS, Type.DS);
  }

  @Test
  @DisplayName("RFC 4035 §3.1.4.1: a referral to an unsigned child carries the NSEC proving no DS")
  void referralToUnsignedChild_carriesNsecWithoutDs() throws Exception {
    Message reply = ask(DNS, TLD_SERVER, "www.insecure.test.", Type.A);

    verified(reply, Section.AUTHORITY, DNS, "test.");
    assertThat(nsecs(reply)).singleElement().satisfies(nsec -> {
      assertThat(nsec.getName()).isEqualTo(name("insecure.test."));
      assertThat(nsec.hasType(Type.NS)).isTrue();
      assertThat(nsec.hasType(Type.DS)).isFalse();
    });
  }

  @Test
  @DisplayName("RFC 6672 §5.3.1: a DNAME comes signed; the CNAME made from it does not")
  void dname_isSignedAndSynthesisedCnameIsNot() throws Exception {
    Message reply = ask(DNS, EXAMPLE_SERVER, "www.old.example.test.", Type.A);

    List<RRset> answer = verified(reply, Section.ANSWER, DNS, "example.test.");
    assertThat(answer).extracting(RRset::getType).containsExactly(Type.DNAME, Type.CNAME, Type.A);
    assertThat(answer.get(1).sigs()).isEmpty();
  }

  @Test
  @DisplayName("RFC 4035 §3.1.1: the DNSKEY RRset is signed by the KSK")
  void dnskeyAnswer_isSignedByKsk() throws Exception {
    Message reply = ask(DNS, EXAMPLE_SERVER, "example.test.", Type.DNSKEY);

    RRset keys = verified(reply, Section.ANSWER, DNS, "example.test.").get(0);
    assertThat(keys.sigs()).extracting(RRSIGRecord::getFootprint)
        .containsExactly(DNS.keys(name("example.test.")).ksk().getFootprint());
  }
}
