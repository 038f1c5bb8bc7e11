package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.testkit.SignedLab.EXAMPLE_SERVER;
import static org.dnschase.resolver.testkit.SignedLab.TLD_SERVER;
import static org.dnschase.resolver.testkit.SignedLab.ask;
import static org.dnschase.resolver.testkit.SignedLab.name;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSEC3PARAMRecord;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.xbill.DNS.utils.base32;

/** NSEC3 chains (RFC 5155) as signing writes them and as DO replies carry them. */
class Nsec3Test {
  private static final String SALT = "cafe01";
  private static TestHierarchy DNS;
  private static final base32 BASE32HEX = new base32(base32.Alphabet.BASE32HEX, false, true);

  /** Started when the class runs, not when it loads: a lifecycle test counts the servers' threads. */
  @BeforeAll
  static void start() {
    DNS = TestHierarchy.builder().zones(SignedLab.TREE)
        .signed(Signing.with(DNSSEC.Algorithm.ED25519).withNsec3(3, SALT, false))
        .signed("test.", Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256).withNsec3(0, "-", true))
        .unsigned("insecure.test.").build();
  }

  @AfterAll
  static void close() {
    DNS.close();
  }

  private static ServedZone zone(String origin) {
    return DNS.zones().stream().filter(z -> z.origin().equals(name(origin))).findFirst().orElseThrow();
  }

  private static List<NSEC3Record> chain(String origin) {
    return zone(origin).records().stream().filter(r -> r.getType() == Type.NSEC3)
        .map(NSEC3Record.class::cast).toList();
  }

  private static byte[] ownerHash(NSEC3Record nsec3) {
    return BASE32HEX.fromString(nsec3.getName().getLabelString(0).toUpperCase());
  }

  /** The hash of {@code name} with the parameters of {@code like}'s chain, by dnsjava. */
  private static byte[] hash(Name name, NSEC3Record like) {
    return new Nsec3Hashing(Name.root, like.getIterations(), like.getSalt()).hash(name);
  }

  /** RFC 5155 §8.3: the owner's hash sorts before {@code hash} and the next hash after it. */
  private static boolean covers(NSEC3Record nsec3, byte[] hash) {
    byte[] owner = ownerHash(nsec3);
    boolean last = Arrays.compareUnsigned(nsec3.getNext(), owner) <= 0;
    return Arrays.compareUnsigned(owner, hash) < 0
        && (last || Arrays.compareUnsigned(hash, nsec3.getNext()) < 0);
  }

  private static boolean matches(NSEC3Record nsec3, byte[] hash) {
    return Arrays.equals(ownerHash(nsec3), hash);
  }

  private static List<NSEC3Record> proof(Message reply) {
    return reply.getSection(Section.AUTHORITY).stream().filter(r -> r.getType() == Type.NSEC3)
        .map(NSEC3Record.class::cast).toList();
  }

  @Test
  @DisplayName("RFC 5155 §7.1: one NSEC3 per name and empty non-terminal, in hash order, closing the ring")
  void chain_hasEveryNameAndCloses() throws Exception {
    List<NSEC3Record> chain = chain("example.test.");
    List<String> names = List.of("example.test.", "alias", "a.b.ent", "b.ent", "ent", "www.new", "new",
        "ns1", "old", "sub", "*.wild", "wild", "www");

    assertThat(chain).hasSize(names.size());
    for (String relative : names) {
      Name owner = Name.fromString(relative, name("example.test."));
      byte[] hash = hash(owner, chain.get(0));
      assertThat(chain).as(relative).anyMatch(nsec3 -> matches(nsec3, hash));
    }
    for (int i = 0; i < chain.size(); i++) {
      assertThat(chain.get(i).getNext()).isEqualTo(ownerHash(chain.get((i + 1) % chain.size())));
    }
    assertThat(chain).allSatisfy(nsec3 -> {
      assertThat(nsec3.getIterations()).isEqualTo(3);
      assertThat(nsec3.getSalt()).isEqualTo(HexFormat.of().parseHex(SALT));
      assertThat(nsec3.getFlags()).isZero();
    });
    Record param = zone("example.test.").rrset(name("example.test."), Type.NSEC3PARAM).first();
    assertThat(((NSEC3PARAMRecord) param).getIterations()).isEqualTo(3);
  }

  @Test
  @DisplayName("RFC 5155 §6: with opt-out the unsigned delegation has no NSEC3 and every NSEC3 sets the flag")
  void optOut_leavesUnsignedDelegationOut() throws Exception {
    List<NSEC3Record> chain = chain("test.");
    byte[] insecure = hash(name("insecure.test."), chain.get(0));

    assertThat(chain).noneMatch(nsec3 -> matches(nsec3, insecure));
    assertThat(chain).anyMatch(nsec3 -> matches(nsec3, hash(name("example.test."), chain.get(0))));
    assertThat(chain).allMatch(nsec3 -> nsec3.getFlags() == 1);
  }

  @Test
  @DisplayName("RFC 5155 §7.2.2: NXDOMAIN carries the closest encloser proof and the wildcard's cover")
  void nxDomain_carriesClosestEncloserProof() throws Exception {
    Message reply = ask(DNS, EXAMPLE_SERVER, "a.nope.example.test.", Type.A);
    List<NSEC3Record> proof = proof(reply);
    NSEC3Record any = proof.get(0);

    assertThat(reply.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    SignedAnswerTest.verified(reply, Section.AUTHORITY, DNS, "example.test.");
    assertThat(proof).anyMatch(n -> matches(n, hash(name("example.test."), any)));
    assertThat(proof).anyMatch(n -> covers(n, hash(name("nope.example.test."), any)));
    assertThat(proof).anyMatch(n -> covers(n, hash(name("*.example.test."), any)));
  }

  @Test
  @DisplayName("RFC 5155 §7.2.3: NODATA carries the NSEC3 matching the name, without the type")
  void noData_carriesMatchingNsec3() throws Exception {
    Message reply = ask(DNS, EXAMPLE_SERVER, "www.example.test.", Type.AAAA);

    SignedAnswerTest.verified(reply, Section.AUTHORITY, DNS, "example.test.");
    assertThat(proof(reply)).singleElement().satisfies(n -> {
      assertThat(matches(n, hash(name("www.example.test."), n))).isTrue();
      assertThat(n.hasType(Type.A)).isTrue();
      assertThat(n.hasType(Type.AAAA)).isFalse();
    });
  }

  @Test
  @DisplayName("RFC 5155 §7.2.6: a wildcard answer carries the NSEC3 covering the next closer name")
  void wildcardAnswer_carriesNextCloserCover() throws Exception {
    Message reply = ask(DNS, EXAMPLE_SERVER, "x.y.wild.example.test.", Type.A);

    SignedAnswerTest.verified(reply, Section.ANSWER, DNS, "example.test.");
    assertThat(proof(reply)).singleElement()
        .satisfies(n -> assertThat(covers(n, hash(name("y.wild.example.test."), n))).isTrue());
  }

  @Test
  @DisplayName("RFC 5155 §7.2.7: an insecure referral under opt-out: the encloser matched, the cut covered by an opt-out NSEC3")
  void optOutReferral_carriesOptOutCover() throws Exception {
    Message reply = ask(DNS, TLD_SERVER, "www.insecure.test.", Type.A);
    List<NSEC3Record> proof = proof(reply);
    NSEC3Record any = proof.get(0);

    SignedAnswerTest.verified(reply, Section.AUTHORITY, DNS, "test.");
    assertThat(proof).anyMatch(n -> matches(n, hash(name("test."), any)));
    assertThat(proof).anyMatch(n -> covers(n, hash(name("insecure.test."), any)) && n.getFlags() == 1);
  }

  @Test
  @DisplayName("RFC 5155 §7.2.4: a referral to a signed child under opt-out still carries its DS")
  void optOutZone_signedReferralCarriesDs() throws Exception {
    Message reply = ask(DNS, TLD_SERVER, "www.example.test.", Type.A);

    assertThat(SignedAnswerTest.verified(reply, Section.AUTHORITY, DNS, "test."))
        .extracting(set -> set.getType()).containsExactly(Type.NS, Type.DS);
  }

  @Test
  @DisplayName("RFC 5155 §7.2.4: without opt-out an unsigned delegation's NSEC3 has NS and no DS")
  void unsignedDelegation_withoutOptOut_hasOwnNsec3() throws Exception {
    try (TestHierarchy dns = TestHierarchy.builder().zones(SignedLab.TREE)
        .signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256).withNsec3(0, "-", false))
        .unsigned("insecure.test.").build()) {
      Message reply = ask(dns, TLD_SERVER, "www.insecure.test.", Type.A);

      SignedAnswerTest.verified(reply, Section.AUTHORITY, dns, "test.");
      assertThat(proof(reply)).singleElement().satisfies(n -> {
        assertThat(matches(n, hash(name("insecure.test."), n))).isTrue();
        assertThat(n.getTypes()).containsExactly(Type.NS);
      });
    }
  }
}
