package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.dnschase.resolver.spi.Responses;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class ResponsesTest {

  static final Name WWW = Name.fromConstantString("www.example.");
  static final Name HOST = Name.fromConstantString("host.example.net.");
  static final Hop ALIAS = new Hop(WWW, Hop.Kind.CNAME, HOST, Duration.ofSeconds(300),
      Name.fromConstantString("example."), Hop.Source.CACHE, new CNAMERecord(WWW, DClass.IN, 300, HOST));
  static final SOARecord SOA = new SOARecord(Name.fromConstantString("example.net."), DClass.IN, 3600,
      Name.fromConstantString("ns.example.net."), Name.fromConstantString("admin.example.net."), 1, 3600, 600, 86400, 300);

  /* ---- rcode and sections ---- */

  @Test
  @DisplayName("RFC 6604 §2: the chain, then the final RRset; QR RA set, RD echoed, no AA")
  void answer_listsChainThenData() throws Exception {
    Message query = query(Flags.RD);
    RRset data = new RRset(new ARecord(HOST, DClass.IN, 60, InetAddress.getByName("192.0.2.1")));

    Message response = Responses.toMessage(new Resolution.Answer(WWW, Type.A, data, List.of(ALIAS),
        Duration.ofSeconds(60), List.of(), List.of(), 2, Security.INDETERMINATE, List.of(), false), query);

    assertThat(response.getHeader().getID()).isEqualTo(query.getHeader().getID());
    assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(response.getSection(Section.ANSWER)).extracting(Record::getType).containsExactly(Type.CNAME, Type.A);
    assertThat(response.getHeader().getFlag(Flags.QR)).isTrue();
    assertThat(response.getHeader().getFlag(Flags.RA)).isTrue();
    assertThat(response.getHeader().getFlag(Flags.RD)).isTrue();
    assertThat(response.getHeader().getFlag(Flags.AA)).isFalse();
    assertThat(response.getHeader().getFlag(Flags.CD)).isFalse();
  }

  @Test
  @DisplayName("RFC 1035 §4.1.1: the answer of a zone the resolver serves itself is authoritative (AA), "
      + "as Unbound's local-zone answers")
  void locallyServed_isAuthoritative() {
    Name localhost = Name.fromConstantString("localhost.");
    Message query = new Message();
    query.getHeader().setFlag(Flags.RD);
    query.addRecord(Record.newRecord(localhost, Type.MX, DClass.IN), Section.QUESTION);

    Message response = Responses.toMessage(new Resolution.NoData(localhost, Type.MX,
        new Resolution.Negative.Authority(SOA, List.of(), Duration.ofSeconds(300), List.of()), List.of(),
        Duration.ofSeconds(300), List.of(), List.of(), 0, Security.INDETERMINATE, true), query);

    assertThat(response.getHeader().getFlag(Flags.AA)).isTrue();
  }

  @Test
  @DisplayName("RFC 6604 §3: NXDOMAIN at the end of a chain keeps the chain; the SOA goes in authority")
  void nxDomainAfterChain_keepsChainAndSoa() {
    Message response = Responses.toMessage(new Resolution.NxDomain(WWW, Type.A,
        new Resolution.Negative.Authority(SOA, List.of(), Duration.ofSeconds(300), List.of()), List.of(ALIAS),
        Duration.ofSeconds(300), List.of(), List.of(), 2, Security.INDETERMINATE, false), query(Flags.RD));

    assertThat(response.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(response.getSection(Section.ANSWER)).extracting(Record::getType).containsExactly(Type.CNAME);
    assertThat(response.getSection(Section.AUTHORITY)).containsExactly(SOA);
  }

  @Test
  @DisplayName("RFC 2308 §2.1 type 1: the zone's NS records the server sent follow the SOA")
  void nxDomainWithNameServers_passesThemOnAfterTheSoa() {
    NSRecord ns = new NSRecord(SOA.getName(), DClass.IN, 3600, Name.fromConstantString("ns.example.net."));

    Message response = Responses.toMessage(new Resolution.NxDomain(WWW, Type.A,
        new Resolution.Negative.Authority(SOA, List.of(ns), Duration.ofSeconds(300), List.of()), List.of(),
        Duration.ofSeconds(300), List.of(), List.of(), 1, Security.INDETERMINATE, false), query(Flags.RD));

    assertThat(response.getSection(Section.AUTHORITY)).containsExactly(SOA, ns);
  }

  @Test
  @DisplayName("RFC 2308 §2.2: NODATA is NOERROR with the SOA in authority")
  void noData_isNoErrorWithSoa() {
    Message response = Responses.toMessage(new Resolution.NoData(WWW, Type.A,
        new Resolution.Negative.Authority(SOA, List.of(), Duration.ofSeconds(300), List.of()), List.of(),
        Duration.ofSeconds(300), List.of(), List.of(), 1, Security.INDETERMINATE, false), query(Flags.RD));

    assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(response.getSection(Section.ANSWER)).isEmpty();
    assertThat(response.getSection(Section.AUTHORITY)).containsExactly(SOA);
  }

  @Test
  @DisplayName("A failure is SERVFAIL without records, a YXDOMAIN failure is YXDOMAIN (RFC 6672 §2.2)")
  void failures_mapToServfailOrYxDomain() {
    Message loop = Responses.toMessage(new Resolution.Failure(WWW, Type.A, FailureReason.LOOP, "loop",
        List.of(ALIAS), null, List.of(), List.of(), 3, Security.INDETERMINATE, null, List.of()),
        query(Flags.RD));
    Message tooLong = Responses.toMessage(new Resolution.Failure(WWW, Type.A, FailureReason.YXDOMAIN,
        "too long", List.of(ALIAS), null, List.of(), List.of(), 3, Security.INDETERMINATE, null,
        List.of()), query(Flags.RD));

    assertThat(loop.getRcode()).isEqualTo(Rcode.SERVFAIL);
    assertThat(loop.getSection(Section.ANSWER)).isEmpty();
    assertThat(tooLong.getRcode()).isEqualTo(Rcode.YXDOMAIN);
    assertThat(tooLong.getSection(Section.ANSWER)).hasSize(1);
  }

  @Test
  @DisplayName("RFC 1034 §4.3.1: a question without RD the cache cannot answer is REFUSED, as Unbound refuses it,"
      + " not SERVFAIL")
  void notCached_isRefused() {
    Message refused = Responses.toMessage(new Resolution.Failure(WWW, Type.A, FailureReason.NOT_CACHED, "not cached",
        List.of(), null, List.of(), List.of(), 0, Security.INDETERMINATE, null, List.of()), query());

    assertThat(refused.getRcode()).isEqualTo(Rcode.REFUSED);
    assertThat(refused.getSection(Section.ANSWER)).isEmpty();
  }

  @Test
  @DisplayName("RFC 6672 §2.2: a YXDOMAIN lists the chain, then the DNAME whose substitution was too long")
  void yxDomain_listsTheDnameItCouldNotApply() {
    DNAMERecord dname = new DNAMERecord(HOST, DClass.IN, 300, Name.fromConstantString("long.example."));

    Message response = Responses.toMessage(new Resolution.Failure(WWW, Type.A, FailureReason.YXDOMAIN,
        "too long", List.of(ALIAS), dname, List.of(), List.of(), 2,
            Security.INDETERMINATE, null, List.of()), query(Flags.RD));

    assertThat(response.getSection(Section.ANSWER)).containsExactly(ALIAS.record(), dname);
  }

  @Test
  @DisplayName("RFC 4035 §3.2.1, RFC 6672 §2.2: a DO client's YXDOMAIN shows the DNAME it stopped at with its RRSIGs")
  void yxDomain_showsTheDnameSignaturesToADnssecClient() throws Exception {
    DNAMERecord dname = new DNAMERecord(HOST, DClass.IN, 300, Name.fromConstantString("long.example."));
    Record sig = Record.fromString(HOST, Type.RRSIG, DClass.IN, 300,
        "DNAME 8 3 300 20300101000000 20200101000000 12345 example. AAAA", Name.root);
    Resolution tooLong = new Resolution.Failure(WWW, Type.A, FailureReason.YXDOMAIN, "too long", List.of(ALIAS),
        dname, List.of(), List.of(), 2, Security.INDETERMINATE, null, List.of(sig));

    Message dnssecOk = query(Flags.RD);
    dnssecOk.addRecord(new OPTRecord(1232, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
    Message withDo = Responses.toMessage(tooLong, dnssecOk);
    Message withoutDo = Responses.toMessage(tooLong, query(Flags.RD));

    assertThat(withDo.getSection(Section.ANSWER)).containsSequence(dname, sig);
    assertThat(withoutDo.getSection(Section.ANSWER)).containsExactly(ALIAS.record(), dname);
  }

  @Test
  @DisplayName("A SERVFAIL carries the partial chain only when asked to, as Knot Resolver answers")
  void servfail_carriesThePartialChainOnlyWhenAsked() {
    Resolution loop = new Resolution.Failure(WWW, Type.A, FailureReason.LOOP, "loop", List.of(ALIAS), null,
        List.of(), List.of(), 3, Security.INDETERMINATE, null, List.of());

    Message partial = Responses.toMessage(loop, query(Flags.RD), Responses.ServfailAnswer.PARTIAL_CHAIN);
    Message empty = Responses.toMessage(loop, query(Flags.RD), Responses.ServfailAnswer.EMPTY);

    assertThat(partial.getRcode()).isEqualTo(Rcode.SERVFAIL);
    assertThat(partial.getSection(Section.ANSWER)).containsExactly(ALIAS.record());
    assertThat(empty.getSection(Section.ANSWER)).isEmpty();
  }

  /* ---- header and EDNS ---- */

  @Test
  @DisplayName("RFC 4035 §3.2.3, RFC 6840 §5.8: AD only for a SECURE outcome, and only to a query with DO or AD")
  void ad_forSecureDataToClientsThatAsk() throws Exception {
    RRset data = new RRset(new ARecord(WWW, DClass.IN, 60, InetAddress.getByName("192.0.2.1")));
    Resolution secure = new Resolution.Answer(WWW, Type.A, data, List.of(), Duration.ofSeconds(60), List.of(),
        List.of(), 1, Security.SECURE, List.of(), false);
    Resolution insecure = new Resolution.Answer(WWW, Type.A, data, List.of(), Duration.ofSeconds(60), List.of(),
        List.of(), 1, Security.INSECURE, List.of(), false);
    Message withDo = query(Flags.RD);
    withDo.addRecord(new OPTRecord(1232, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);

    assertThat(Responses.toMessage(secure, withDo).getHeader().getFlag(Flags.AD)).isTrue();
    assertThat(Responses.toMessage(secure, query(Flags.RD, Flags.AD)).getHeader().getFlag(Flags.AD)).isTrue();
    assertThat(Responses.toMessage(secure, query(Flags.RD)).getHeader().getFlag(Flags.AD)).isFalse();
    assertThat(Responses.toMessage(insecure, withDo).getHeader().getFlag(Flags.AD)).isFalse();
    // CD asks for the data whatever the validator found; what it found SECURE keeps AD, as Unbound answers
    Message checkingDisabled = query(Flags.RD, Flags.CD);
    checkingDisabled.addRecord(new OPTRecord(1232, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
    assertThat(Responses.toMessage(secure, checkingDisabled).getHeader().getFlag(Flags.AD)).isTrue();
  }

  @Test
  @DisplayName("RFC 4035 §3.2.2 and RFC 3225 §3: CD echoed; OPT only if the query had one, DO copied")
  void cdAndDo_areEchoed() {
    Message query = query(Flags.RD, Flags.CD);
    query.addRecord(new OPTRecord(4096, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
    Resolution.NoData noData = new Resolution.NoData(WWW, Type.A,
        new Resolution.Negative.Authority(null, List.of(), Duration.ZERO, List.of()), List.of(), Duration.ZERO,
        List.of(), List.of(), 1, Security.INDETERMINATE, false);

    Message response = Responses.toMessage(noData, query);
    Message plain = Responses.toMessage(noData, query(Flags.RD));

    assertThat(response.getHeader().getFlag(Flags.CD)).isTrue();
    assertThat(response.getOPT().getFlags() & ExtendedFlags.DO).isEqualTo(ExtendedFlags.DO);
    assertThat(response.getSection(Section.AUTHORITY)).isEmpty();
    assertThat(plain.getOPT()).isNull();
  }

  @Test
  void queryForAnotherName_isRefused() {
    Resolution other = new Resolution.NoData(HOST, Type.A,
        new Resolution.Negative.Authority(null, List.of(), Duration.ZERO, List.of()), List.of(), Duration.ZERO,
        List.of(), List.of(), 1, Security.INDETERMINATE, false);

    assertThatThrownBy(() -> Responses.toMessage(other, query(Flags.RD)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("host.example.net.");
  }

  private static Message query(int... flags) {
    Message query = Message.newQuery(Record.newRecord(WWW, Type.A, DClass.IN));
    query.getHeader().unsetFlag(Flags.RD);
    for (int flag : flags) {
      query.getHeader().setFlag(flag);
    }
    return query;
  }
}
