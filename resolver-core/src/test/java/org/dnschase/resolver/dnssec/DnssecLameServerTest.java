package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Dispatcher;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A DNSSEC-lame server (one that answers a signed zone without its signatures) is not the end of a
 * resolution, nor is a server whose signatures fail (a stale or broken copy of the zone): the
 * zone's other servers are asked before the data is found BOGUS, as Unbound does.
 */
class DnssecLameServerTest {

  static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root.lab.", "127.53.0.1")
      .zone("lab.", "ns1", "127.53.1.1")
      .zone("alpha.lab.", zone -> zone.server("ns1", "127.53.10.1").server("ns2", "127.53.10.2")
          .records("www 300 A 192.0.2.1\n"))
      .build();

  @Lab("start") static TestHierarchy lab;

  /** The hierarchy the tests run against, started. */
  static TestHierarchy start() {
    return TestHierarchy.builder().zones(TREE).signed(SignedLab.SIGNING).build();
  }

  @Test
  @DisplayName("RFC 4035 §5: an answer stripped of its RRSIGs by one server is asked of the zone's other server, SECURE")
  void unsignedAnswerFromOneServer_otherServerAsked() throws Exception {
    AtomicInteger stripped = new AtomicInteger();
    Resolution result = resolveWithBothServers(zone -> lameFirst(zone, stripped));

    assertThat(stripped).hasValue(1);
    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(result.security()).isEqualTo(Security.SECURE);
  }

  @Test
  @DisplayName("RFC 4035 §5.3.3: an answer whose RRSIG fails to verify at one server is asked of the zone's other server, SECURE")
  void badSignatureFromOneServer_otherServerAsked() throws Exception {
    AtomicInteger spoilt = new AtomicInteger();
    Resolution result = resolveWithBothServers(zone -> spoilSignatures(zone, qtype -> qtype == Type.A, spoilt, 1));

    assertThat(spoilt).hasValue(1);
    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(result.security()).isEqualTo(Security.SECURE);
  }

  @Test
  @DisplayName("RFC 4035 §5.2: a DNSKEY RRset whose RRSIG fails to verify at one server is asked of the zone's other server, SECURE")
  void badKeySignatureFromOneServer_otherServerAsked() throws Exception {
    AtomicInteger spoilt = new AtomicInteger();
    Resolution result = resolveWithBothServers(zone -> spoilSignatures(zone, qtype -> qtype == Type.DNSKEY, spoilt, 1));

    assertThat(spoilt).hasValue(1);
    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(result.security()).isEqualTo(Security.SECURE);
  }

  @Test
  @DisplayName("RFC 4035 §5.5: an answer whose RRSIG fails at every server of the zone is BOGUS, once both were asked")
  void badSignatureFromEveryServer_bogus() throws Exception {
    AtomicInteger spoilt = new AtomicInteger();
    Resolution result = resolveWithBothServers(
        zone -> spoilSignatures(zone, qtype -> qtype == Type.A, spoilt, Integer.MAX_VALUE));

    assertThat(spoilt.get()).isGreaterThanOrEqualTo(2);
    assertThat(result).isInstanceOf(Resolution.Failure.class);
    assertThat(result.security()).isEqualTo(Security.BOGUS);
  }

  /** Resolves www.alpha.lab. A, validating, while both of alpha.lab.'s servers answer through {@code serving}. */
  private static Resolution resolveWithBothServers(UnaryOperator<Dispatcher> serving) throws Exception {
    AuthServer one = lab.server(InetAddress.getByName("127.53.10.1"));
    AuthServer two = lab.server(InetAddress.getByName("127.53.10.2"));
    one.setDispatcher(serving.apply(one.zoneDispatcher()));
    two.setDispatcher(serving.apply(two.zoneDispatcher()));
    try (Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      return resolver.resolve("www.alpha.lab.", Type.A);
    } finally {
      one.setDispatcher(one.zoneDispatcher());
      two.setDispatcher(two.zoneDispatcher());
    }
  }

  /**
   * The zone's answers, but up to {@code times} answers of a type {@code spoiltType} accepts go out
   * with every RRSIG of their answer section's last signature byte flipped, as a broken copy sends.
   */
  private static Dispatcher spoilSignatures(Dispatcher zone, IntPredicate spoiltType, AtomicInteger spoilt, int times) {
    return query -> {
      Message reply = zone.dispatch(query);
      if (spoiltType.test(query.qtype()) && spoilt.getAndUpdate(n -> n < times ? n + 1 : n) < times) {
        for (Record record : reply.getSection(Section.ANSWER)) {
          if (record instanceof RRSIGRecord sig) {
            byte[] signature = sig.getSignature().clone();
            signature[signature.length - 1] ^= 0x5a;
            reply.removeRecord(sig, Section.ANSWER);
            reply.addRecord(new RRSIGRecord(sig.getName(), sig.getDClass(), sig.getTTL(), sig.getTypeCovered(),
                sig.getAlgorithm(), sig.getOrigTTL(), sig.getExpire(), sig.getTimeSigned(), sig.getFootprint(),
                sig.getSigner(), signature), Section.ANSWER);
          }
        }
      }
      return reply;
    };
  }

  /** The zone's answers, but the first A answer of either server goes out without its RRSIGs. */
  private static Dispatcher lameFirst(Dispatcher zone, AtomicInteger stripped) {
    return query -> {
      Message reply = zone.dispatch(query);
      if (query.qtype() == Type.A && stripped.compareAndSet(0, 1)) {
        for (Record record : reply.getSection(Section.ANSWER)) {
          if (record.getType() == Type.RRSIG) {
            reply.removeRecord(record, Section.ANSWER);
          }
        }
      }
      return reply;
    };
  }
}
