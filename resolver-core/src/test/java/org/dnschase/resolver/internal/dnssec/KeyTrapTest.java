package org.dnschase.resolver.internal.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.BogusReason;
import org.dnschase.resolver.testkit.Breakage;
import org.dnschase.resolver.testkit.Signing;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * KeyTrap (CVE-2023-50387): a zone of hundreds of keys sharing one key tag makes a validator that
 * tries each of them for each signature do that much work. Counted, not timed: the verifications
 * the verifier asks its allowance for.
 */
class KeyTrapTest {

  private static final Name ZONE = Name.fromConstantString("trap.test.");
  @Lab("trapLab") private static TestHierarchy lab;
  private static RRset keys;
  private static RRset data;

  /** Counts the verifications asked for, refusing those past {@code budget}. */
  private static final class Counting implements VerificationAllowance {
    final int budget;
    int asked;

    Counting(int budget) {
      this.budget = budget;
    }

    @Override
    public boolean trySpendVerification() {
      asked++;
      return asked <= budget;
    }

    @Override
    public int maxKeysPerSignature() {
      return 4;
    }
  }

  /** trap.test., signed with 300 keys whose tags collide. */
  static TestHierarchy trapLab() {
    ZoneTree tree = ZoneTree.builder().root("a.root.test.", "127.53.0.1")
        .zone("test.", "ns1", "127.53.2.1")
        .zone("trap.test.", "ns", "127.53.20.1", "www 300 A 192.0.2.1")
        .build();
    return TestHierarchy.builder().zones(tree)
        .signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256).withBreakage(new Breakage.CollidingKeys(300)))
        .build();
  }

  @BeforeAll
  static void askTheTrap() throws Exception {
    keys = ask(Type.DNSKEY, ZONE);
    data = ask(Type.A, Name.fromConstantString("www.trap.test."));
  }

  private static RRset ask(int type, Name name) throws Exception {
    SimpleResolver server = new SimpleResolver(lab.server(InetAddress.getByName("127.53.20.1")).socketAddress());
    server.setTCP(true);
    Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
    query.addRecord(new OPTRecord(1232, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
    return server.send(query).getSectionRRsets(Section.ANSWER).get(0);
  }

  /** The zone's keys with the genuine signing key last, as an attacker would serve them. */
  private static List<DNSKEYRecord> genuineLast(RRSIGRecord sig) {
    List<DNSKEYRecord> colliding = new ArrayList<>();
    DNSKEYRecord genuine = lab.keys(ZONE).zsk();
    for (Record record : keys.rrs(false)) {
      DNSKEYRecord key = (DNSKEYRecord) record;
      if (key.getFootprint() == sig.getFootprint() && !key.equals(genuine)) {
        colliding.add(key);
      }
    }
    assertThat(colliding).hasSizeGreaterThanOrEqualTo(300);
    colliding.add(genuine);
    return colliding;
  }

  @Test
  @DisplayName("CVE-2023-50387: an RRSIG is tried against at most maxKeysPerSignature of its colliding keys")
  void collidingKeys_costAtMostTheKeysPerSignature() {
    Counting allowance = new Counting(32);
    RRSIGRecord sig = data.sigs().get(0);

    Verdict verdict = SignatureVerifier.verify(data, ZONE, genuineLast(sig), Instant.now(), allowance);

    assertThat(allowance.asked).isEqualTo(4);
    assertThat(verdict.reason()).isEqualTo(BogusReason.BAD_SIGNATURE);
  }

  @Test
  @DisplayName("CVE-2023-50387: past the resolution's verifications the RRset is BOGUS for the limit, checked no further")
  void verificationBudget_stopsTheWork() {
    Counting allowance = new Counting(2);
    RRSIGRecord sig = data.sigs().get(0);

    Verdict verdict = SignatureVerifier.verify(data, ZONE, genuineLast(sig), Instant.now(), allowance);

    assertThat(allowance.asked).isEqualTo(3);
    assertThat(verdict.reason()).isEqualTo(BogusReason.VERIFICATION_LIMIT);
  }

  @Test
  @DisplayName("the genuine key among colliding ones verifies the RRset with the first try when it comes first")
  void genuineKeyFirst_verifiesAtOnce() {
    Counting allowance = new Counting(32);
    List<DNSKEYRecord> ordered = new ArrayList<>(genuineLast(data.sigs().get(0)).reversed());

    Verdict verdict = SignatureVerifier.verify(data, ZONE, ordered, Instant.now(), allowance);

    assertThat(verdict).isEqualTo(Verdict.SECURE);
    assertThat(allowance.asked).isEqualTo(1);
  }
}
