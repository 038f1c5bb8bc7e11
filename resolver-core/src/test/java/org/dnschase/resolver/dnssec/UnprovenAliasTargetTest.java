package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Predicate;
import org.dnschase.resolver.BogusReason;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Dispatcher;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * RFC 2181 §5.4.1: of a reply to an alias, only the alias is necessarily the server's own
 * authoritative data; what it adds for the target may come from elsewhere, and the target is to
 * be asked again where proven data is required. A signed zone's server that answers a name under
 * its signed DNAME (or at its signed CNAME) with an unsigned RRset for the target has its target
 * asked again instead of making the whole answer BOGUS; what the target's servers then say
 * decides, validated as ever.
 */
class UnprovenAliasTargetTest {

  private static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root.lab.", "127.53.0.1")
      .zone("lab.", "ns1", "127.53.1.1")
      .zone("example.lab.", "ns", "127.53.10.1", """
          y        300  DNAME z.example.lab.
          alias    300  CNAME x.z.example.lab.
          x.z      300  A     192.0.2.40
          """)
      .build();
  private static final Name TARGET = Name.fromConstantString("x.z.example.lab.");
  private static final InetAddress SIGNED = address("192.0.2.40");
  private static final InetAddress UNSIGNED = address("192.0.2.66");

  private TestHierarchy lab;
  private AuthServer server;

  @BeforeEach
  void start() throws UnknownHostException {
    lab = TestHierarchy.builder().zones(TREE).signed(SignedLab.SIGNING).build();
    server = lab.server(InetAddress.getByName("127.53.10.1"));
  }

  @AfterEach
  void stop() {
    lab.close();
  }

  @Test
  @DisplayName("RFC 2181 §5.4.1, RFC 6672 §5.3.1: an unsigned target beside a signed DNAME is asked again; SECURE")
  void unsignedTargetBesideSignedDname_isAskedAgain() {
    unsignTarget(query -> !query.qname().equals(TARGET));
    try (Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution result = resolver.resolve("x.y.example.lab.", Type.A);

      assertSecureSignedAddress(result, Hop.Kind.DNAME);
      assertThat(targetQueries()).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("RFC 2181 §5.4.1: an unsigned target after a signed CNAME in the same reply is asked again; SECURE")
  void unsignedTargetAfterSignedCname_isAskedAgain() {
    unsignTarget(query -> !query.qname().equals(TARGET));
    try (Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution result = resolver.resolve("alias.example.lab.", Type.A);

      assertSecureSignedAddress(result, Hop.Kind.CNAME);
      assertThat(targetQueries()).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("RFC 2181 §5.4.1: a server adding an unsigned target beside its signed DNAME is not DNSSEC-lame")
  void unsignedTargetBesideSignedDname_serverNotLame() {
    unsignTarget(query -> !query.qname().equals(TARGET));
    try (Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution result = resolver.resolve("x.y.example.lab.", Type.A);

      assertThat(result.diagnostics()).extracting(Diagnostic::kind).doesNotContain(Diagnostic.Oddity.LAME_SERVER);
      assertThat(lab.queries()).filteredOn(query -> query.qname().equals(Name.fromConstantString("x.y.example.lab."))
          && query.qtype() == Type.A).hasSize(1);
    }
  }

  @Test
  @DisplayName("RFC 4035 §5.5: a target that its own servers also give unsigned stays BOGUS")
  void targetUnsignedWhenAskedToo_isBogus() {
    unsignTarget(query -> true);
    try (Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution result = resolver.resolve("x.y.example.lab.", Type.A);

      assertThat(result).isInstanceOfSatisfying(Resolution.Failure.class, failure -> {
        assertThat(failure.reason()).isEqualTo(FailureReason.DNSSEC_BOGUS);
        assertThat(failure.bogusReason()).isEqualTo(BogusReason.NO_SIGNATURE);
      });
    }
  }

  @Test
  @DisplayName("RFC 1034 §4.3.2: a target the reply proves as well as its DNAME costs no second query")
  void signedTargetBesideSignedDname_isUsedFromTheReply() {
    try (Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution result = resolver.resolve("x.y.example.lab.", Type.A);

      assertSecureSignedAddress(result, Hop.Kind.DNAME);
      assertThat(targetQueries()).isZero();
    }
  }

  private void assertSecureSignedAddress(Resolution result, Hop.Kind hop) {
    assertThat(result).isInstanceOfSatisfying(Resolution.Answer.class, answer -> {
      assertThat(((ARecord) answer.rrset().first()).getAddress()).isEqualTo(SIGNED);
      assertThat(answer.chain()).extracting(Hop::kind).containsExactly(hop);
    });
    assertThat(result.security()).isEqualTo(Security.SECURE);
  }

  private long targetQueries() {
    return lab.queries().stream().filter(query -> query.qname().equals(TARGET) && query.qtype() == Type.A).count();
  }

  /**
   * The zone's replies, but in those to the queries {@code where} selects the target's A RRset is
   * replaced by an unsigned one with another address, as a server adding data from its cache.
   */
  private void unsignTarget(Predicate<RecordedQuery> where) {
    Dispatcher zone = server.zoneDispatcher();
    server.setDispatcher(query -> {
      Message reply = zone.dispatch(query);
      if (where.test(query)) {
        List<Record> targetData = reply.getSection(Section.ANSWER).stream().filter(record -> record.getName()
            .equals(TARGET) && (record.getType() == Type.A || record instanceof RRSIGRecord sig
            && sig.getTypeCovered() == Type.A)).toList();
        targetData.forEach(record -> reply.removeRecord(record, Section.ANSWER));
        if (!targetData.isEmpty()) {
          reply.addRecord(new ARecord(TARGET, DClass.IN, 300, UNSIGNED), Section.ANSWER);
        }
      }
      return reply;
    });
  }

  private static InetAddress address(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
