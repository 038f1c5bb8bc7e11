package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.spi.Responses;
import org.dnschase.resolver.testkit.Signing;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * RFC 4035 §3.1 and §3.2: what a security-aware resolver owes a client that set DO with a
 * validated answer. Every RRset of the answer section comes with its RRSIGs, the CNAME a DNAME
 * synthesises without any (RFC 6672 §5.3.1), and a negative answer or a wildcard expansion with
 * the NSEC or NSEC3 records that prove it, from the walk as from the cache; a client without DO
 * gets none of them.
 */
class DnssecRecordsTest {

  static Stream<Arguments> chains() {
    return Stream.of(
        Arguments.of("NSEC", SignedLab.SIGNING, Type.NSEC),
        Arguments.of("NSEC3", SignedLab.SIGNING.withNsec3(0, "-", false), Type.NSEC3));
  }

  /* ---- RFC 4035 §3.2.1: the answer section ---- */

  @Test
  @DisplayName("RFC 4035 §3.2.1: the answer's RRSIGs follow its RRset for a DO client, and only for one")
  void answer_carriesItsSignaturesToDoClients() {
    try (TestHierarchy lab = SignedLab.start();
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution.Answer answer = (Resolution.Answer) resolver.resolve("www.alpha.lab.", Type.A);

      Message signed = Responses.toMessage(answer, query("www.alpha.lab.", Type.A, true));
      Message plain = Responses.toMessage(answer, query("www.alpha.lab.", Type.A, false));

      assertThat(signatures(signed, Section.ANSWER)).singleElement().satisfies(sig -> {
        assertThat(sig.getTypeCovered()).isEqualTo(Type.A);
        assertThat(sig.getSigner()).isEqualTo(Name.fromConstantString("alpha.lab."));
      });
      assertThat(signed.getSection(Section.ANSWER)).filteredOn(r -> r.getType() == Type.A).hasSize(1);
      assertThat(plain.getSection(Section.ANSWER)).extracting(Record::getType).containsExactly(Type.A);
      assertThat(signed.getHeader().getFlag(Flags.AD)).isTrue();
    }
  }

  @Test
  @DisplayName("RFC 4035 §3.2.1: each CNAME of a chain across four signed zones comes with the RRSIG its zone made")
  void chainHops_keepTheirSignatures() {
    try (TestHierarchy lab = SignedLab.start();
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution resolution = resolver.resolve("start.alpha.lab.", Type.A);

      assertThat(resolution.chain()).hasSize(4).allSatisfy(hop -> assertThat(hop.signatures()).singleElement()
          .satisfies(sig -> {
            assertThat(sig.getTypeCovered()).isEqualTo(Type.CNAME);
            assertThat(sig.getSigner()).isEqualTo(hop.zone());
          }));
      Message signed = Responses.toMessage(resolution, query("start.alpha.lab.", Type.A, true));
      assertThat(signatures(signed, Section.ANSWER)).extracting(RRSIGRecord::getTypeCovered)
          .containsExactly(Type.CNAME, Type.CNAME, Type.CNAME, Type.CNAME, Type.A);
    }
  }

  @Test
  @DisplayName("RFC 6672 §5.3.1, RFC 4035 §3.2.1: the DNAME comes with its RRSIG, the CNAME synthesised from it with none")
  void dname_signedAndItsSynthesisUnsigned() {
    try (TestHierarchy lab = SignedLab.start();
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution resolution = resolver.resolve("www.old.beta.lab.", Type.A);

      assertThat(resolution.security()).isEqualTo(Security.SECURE);
      Hop dname = resolution.chain().get(0);
      assertThat(dname.kind()).isEqualTo(Hop.Kind.DNAME);
      assertThat(dname.signatures()).extracting(RRSIGRecord::getTypeCovered).containsExactly(Type.DNAME);
      Message signed = Responses.toMessage(resolution, query("www.old.beta.lab.", Type.A, true));
      assertThat(signed.getSection(Section.ANSWER)).extracting(Record::getType)
          .containsExactly(Type.DNAME, Type.RRSIG, Type.CNAME, Type.A, Type.RRSIG);
      assertThat(signatures(signed, Section.ANSWER)).noneMatch(sig -> sig.getTypeCovered() == Type.CNAME);
    }
  }

  /* ---- RFC 4035 §3.1.3: the authority section's proofs ---- */

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  @DisplayName("RFC 4035 §3.1.3.2: an NXDOMAIN comes with the SOA's RRSIG and the signed records that deny the name")
  void nxDomain_carriesItsProof(String chain, Signing signing, int denialType) {
    try (TestHierarchy lab = SignedLab.start(signing, builder -> builder);
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution nxDomain = resolver.resolve("nope.alpha.lab.", Type.A);

      assertThat(nxDomain).isInstanceOf(Resolution.NxDomain.class);
      assertProof(nxDomain, denialType, true);
      Message signed = Responses.toMessage(nxDomain, query("nope.alpha.lab.", Type.A, true));
      Message plain = Responses.toMessage(nxDomain, query("nope.alpha.lab.", Type.A, false));
      assertThat(signed.getSection(Section.AUTHORITY)).extracting(Record::getType)
          .contains(Type.SOA, denialType, Type.RRSIG);
      assertThat(signatures(signed, Section.AUTHORITY)).extracting(RRSIGRecord::getTypeCovered)
          .contains(Type.SOA, denialType);
      assertThat(plain.getSection(Section.AUTHORITY)).extracting(Record::getType).containsExactly(Type.SOA);
      assertThat(signed.getHeader().getFlag(Flags.AD)).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  @DisplayName("RFC 4035 §3.1.3.1: a NODATA comes with the signed record that shows the name without the type")
  void noData_carriesItsProof(String chain, Signing signing, int denialType) {
    try (TestHierarchy lab = SignedLab.start(signing, builder -> builder);
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution noData = resolver.resolve("www.alpha.lab.", Type.TXT);

      assertThat(noData).isInstanceOf(Resolution.NoData.class);
      assertProof(noData, denialType, true);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  @DisplayName("RFC 4035 §3.1.3.3: a wildcard expansion comes with the signed record that shows no closer name exists")
  void wildcardAnswer_carriesItsProof(String chain, Signing signing, int denialType) {
    try (TestHierarchy lab = SignedLab.start(signing, builder -> builder);
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution wildcard = resolver.resolve("any.wild.alpha.lab.", Type.A);
      Resolution plain = resolver.resolve("www.alpha.lab.", Type.A);

      assertThat(wildcard.security()).isEqualTo(Security.SECURE);
      assertProof(wildcard, denialType, false);
      assertThat(plain.proof()).isEmpty();
      Message signed = Responses.toMessage(wildcard, query("any.wild.alpha.lab.", Type.A, true));
      assertThat(signed.getSection(Section.AUTHORITY)).extracting(Record::getType).contains(denialType);
    }
  }

  /** A zone whose wildcard CNAME leads to a wildcard A: both expansions need their proof. */
  static final ZoneTree WILDCARD_CHAIN = ZoneTree.builder()
      .root("a.root.lab.", "127.53.0.1")
      .zone("lab.", "ns1", "127.53.1.1")
      .zone("alpha.lab.", "ns", "127.53.10.1", """
          www      300  A     192.0.2.1
          *.alias  300  CNAME www.alpha.lab.
          *.far    300  CNAME x.wild.alpha.lab.
          *.wild   300  A     192.0.2.90
          """)
      .build();

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  @DisplayName("RFC 4035 §3.1.3.3: a CNAME expanded from a wildcard comes with its proof, beside the final data's")
  void wildcardHop_carriesItsProof(String chain, Signing signing, int denialType) {
    try (TestHierarchy lab = TestHierarchy.builder().zones(WILDCARD_CHAIN).signed(signing).build();
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution alias = resolver.resolve("a.alias.alpha.lab.", Type.A);
      Resolution both = resolver.resolve("b.far.alpha.lab.", Type.A);
      lab.clearQueries();
      Resolution cachedAlias = resolver.resolve("a.alias.alpha.lab.", Type.A);

      assertThat(alias.security()).isEqualTo(Security.SECURE);
      assertThat(alias.chain()).hasSize(1);
      assertProof(alias, denialType, false);
      assertThat(both.security()).isEqualTo(Security.SECURE);
      assertProof(both, denialType, false);
      assertThat(types(cachedAlias.proof())).isEqualTo(types(alias.proof()));
      assertThat(lab.queryCount()).isZero();
    }
  }

  /* ---- from the cache ---- */

  @Test
  @DisplayName("RFC 4035 §3.1.3: a negative answer or a wildcard answer from the cache carries the proof it was cached with")
  void cachedAnswers_keepTheirProofs() {
    try (TestHierarchy lab = SignedLab.start();
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution firstNx = resolver.resolve("nope.alpha.lab.", Type.A);
      Resolution firstWild = resolver.resolve("any.wild.alpha.lab.", Type.A);
      Resolution firstChain = resolver.resolve("start.alpha.lab.", Type.A);
      lab.clearQueries();

      Resolution cachedNx = resolver.resolve("nope.alpha.lab.", Type.A);
      Resolution otherType = resolver.resolve("nope.alpha.lab.", Type.MX);
      Resolution cachedWild = resolver.resolve("any.wild.alpha.lab.", Type.A);
      Resolution cachedChain = resolver.resolve("start.alpha.lab.", Type.A);

      assertThat(lab.queryCount()).isZero();
      assertThat(types(cachedNx.proof())).isEqualTo(types(firstNx.proof()));
      assertThat(types(otherType.proof())).isEqualTo(types(firstNx.proof()));
      assertThat(types(cachedWild.proof())).isEqualTo(types(firstWild.proof())).isNotEmpty();
      assertThat(cachedChain.chain()).extracting(hop -> hop.signatures().size()).containsOnly(1);
      assertThat(((Resolution.Answer) cachedChain).rrset().sigs()).hasSize(1);
      assertThat(firstChain.security()).isEqualTo(Security.SECURE);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.dnschase.resolver.dnssec.AggressiveNsecTest#chains")
  @DisplayName("RFC 8198 §5.1: an NXDOMAIN proven by cached records comes with those records and their RRSIGs")
  void aggressiveNxDomain_carriesTheRecordsThatProveIt(String chain, Signing signing, String missing, String covered,
      String outside) {
    int denialType = chain.equals("NSEC3") ? Type.NSEC3 : Type.NSEC;
    try (TestHierarchy lab = SignedLab.start(signing, builder -> builder);
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      resolver.resolve(missing, Type.A);
      lab.clearQueries();

      Resolution other = resolver.resolve(covered, Type.AAAA);

      assertThat(lab.queryCount()).isZero();
      assertThat(other).isInstanceOf(Resolution.NxDomain.class);
      assertProof(other, denialType, true);
    }
  }

  /* ---- helpers ---- */

  /** The proof holds signed records of the denial type, and the SOA's RRSIG for a negative answer. */
  private static void assertProof(Resolution resolution, int denialType, boolean negative) {
    List<Record> proof = resolution.proof();
    assertThat(proof).extracting(Record::getType).contains(denialType, Type.RRSIG);
    List<Integer> covered = proof.stream().filter(r -> r instanceof RRSIGRecord)
        .map(r -> ((RRSIGRecord) r).getTypeCovered()).toList();
    assertThat(covered).contains(denialType);
    if (negative) {
      assertThat(covered).contains(Type.SOA);
    } else {
      assertThat(covered).doesNotContain(Type.SOA);
    }
  }

  private static List<Integer> types(List<Record> records) {
    return records.stream().map(Record::getType).sorted().toList();
  }

  private static List<RRSIGRecord> signatures(Message message, int section) {
    return message.getSection(section).stream().filter(r -> r instanceof RRSIGRecord)
        .map(r -> (RRSIGRecord) r).toList();
  }

  private static Message query(String name, int type, boolean dnssecOk) {
    Message query = Message.newQuery(Record.newRecord(Name.fromConstantString(name), type, DClass.IN));
    query.addRecord(new OPTRecord(1232, 0, 0, dnssecOk ? ExtendedFlags.DO : 0), Section.ADDITIONAL);
    return query;
  }
}
