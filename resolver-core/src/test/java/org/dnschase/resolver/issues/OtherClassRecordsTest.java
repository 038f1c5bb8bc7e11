package org.dnschase.resolver.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.Resolution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * An IN question answered with records of another class (CH, HS, NONE, ANY, class 0) yields
 * nothing from them: no answer, no alias followed, no referral taken, no SOA shown (RFC 1035
 * §4.1.1); they are reported as dropped.
 */
class OtherClassRecordsTest {

  private static final InetAddress LEAF = CannedServers.address("192.0.2.3");
  private static final Name WWW = Name.fromConstantString("www.example.");

  private static Record inClass(Record in, int dclass) {
    return Record.newRecord(in.getName(), in.getType(), dclass, in.getTTL(), in.rdataToWireCanonical());
  }

  @ParameterizedTest(name = "class {0}")
  @ValueSource(ints = {DClass.CH, DClass.HS, DClass.NONE, DClass.ANY, 0})
  @DisplayName("RFC 1035 §4.1.1: an address of another class in the answer is no answer to an IN question")
  void answerOfAnotherClass_isNoAnswer(int dclass) {
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "www.example. A", Rcode.NOERROR, true, List.of(), List.of(), List.of())
        .withRecord(CannedServers.ROOT, "www.example. A", Section.ANSWER,
            inClass(new ARecord(WWW, DClass.IN, 300, LEAF), dclass));

    Resolution result = servers.resolve("www.example.", Type.A);

    assertThat(result).isNotInstanceOf(Resolution.Answer.class);
    assertThat(result.diagnostics()).extracting(Diagnostic::kind).contains(Diagnostic.Oddity.OTHER_CLASS_DROPPED);
  }

  @ParameterizedTest(name = "class {0}")
  @ValueSource(ints = {DClass.CH, DClass.HS, DClass.NONE, DClass.ANY, 0})
  @DisplayName("RFC 1035 §4.1.1: a CNAME of another class is not followed")
  void aliasOfAnotherClass_isNotFollowed(int dclass) {
    Name target = Name.fromConstantString("elsewhere.example.");
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "www.example. A", Rcode.NOERROR, true, List.of(), List.of(), List.of())
        .withRecord(CannedServers.ROOT, "www.example. A", Section.ANSWER,
            inClass(new CNAMERecord(WWW, DClass.IN, 300, target), dclass))
        .reply(CannedServers.ROOT, "elsewhere.example. A", Rcode.NOERROR, true,
            List.of("elsewhere.example. 300 A 192.0.2.80"), List.of(), List.of());

    Resolution result = servers.resolve("www.example.", Type.A);

    assertThat(result.chain()).isEmpty();
    assertThat(result).isNotInstanceOf(Resolution.Answer.class);
    assertThat(servers.asked("elsewhere.example. A")).isZero();
  }

  @ParameterizedTest(name = "class {0}")
  @ValueSource(ints = {DClass.CH, DClass.HS, DClass.NONE, DClass.ANY, 0})
  @DisplayName("RFC 1035 §4.1.1: a referral (NS and glue) of another class is not taken")
  void referralOfAnotherClass_isNotTaken(int dclass) {
    Name ns = Name.fromConstantString("ns.example.");
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "www.example. A", Rcode.NOERROR, false, List.of(), List.of(), List.of())
        .withRecord(CannedServers.ROOT, "www.example. A", Section.AUTHORITY,
            inClass(new NSRecord(Name.fromConstantString("example."), DClass.IN, 86400, ns), dclass))
        .withRecord(CannedServers.ROOT, "www.example. A", Section.ADDITIONAL,
            inClass(new ARecord(ns, DClass.IN, 86400, LEAF), dclass))
        .reply(LEAF, "www.example. A", Rcode.NOERROR, true, List.of("www.example. 300 A 192.0.2.80"),
            List.of(), List.of());

    Resolution result = servers.resolve("www.example.", Type.A);

    assertThat(result).isNotInstanceOf(Resolution.Answer.class);
    assertThat(servers.asked("ns.example. A")).isZero();
  }

  @ParameterizedTest(name = "class {0}")
  @ValueSource(ints = {DClass.CH, DClass.HS, DClass.NONE, DClass.ANY, 0})
  @DisplayName("RFC 2308 §3: an SOA of another class does not prove or time a negative answer")
  void soaOfAnotherClass_isNotShown(int dclass) {
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "www.example. A", Rcode.NXDOMAIN, true, List.of(), List.of(), List.of())
        .withRecord(CannedServers.ROOT, "www.example. A", Section.AUTHORITY, inClass(new SOARecord(Name.root,
            DClass.IN, 3600, Name.fromConstantString("a.root."), Name.fromConstantString("host.root."), 1, 3600,
            600, 86400, 3600), dclass));

    Resolution result = servers.resolve("www.example.", Type.A);

    assertThat(result).isInstanceOfSatisfying(Resolution.NxDomain.class, nx -> {
      assertThat(nx.soa()).isNull();
      assertThat(nx.ttl()).isZero();
    });
  }
}
