package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.stream.Stream;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.testkit.Signing;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.xbill.DNS.utils.base32;

/**
 * RFC 8198: the NSEC or NSEC3 records that proved one negative answer answer other names inside
 * their ranges, SECURE and without a query; a name outside them is asked.
 */
class AggressiveNsecTest {

  /** Each chain with a missing name, another name its proof covers, and a name it does not. */
  static Stream<Arguments> chains() {
    return Stream.of(
        Arguments.of("NSEC", SignedLab.SIGNING, "nope.alpha.lab.", "mm.alpha.lab.", "zz.alpha.lab."),
        Arguments.of("NSEC3", SignedLab.SIGNING.withNsec3(0, "-", false), "a.nope.alpha.lab.",
            "b.nope.alpha.lab.", "x.www.alpha.lab."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  @DisplayName("RFC 8198 §5.1: an NXDOMAIN range cached from one answer answers a second name with no query")
  void nxDomainRange_answersSecondNameWithoutQuery(String chain, Signing signing, String missing, String covered,
      String outside) {
    try (TestHierarchy lab = SignedLab.start(signing, builder -> builder);
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      assertThat(resolver.resolve(missing, Type.A).security()).isEqualTo(Security.SECURE);
      lab.clearQueries();

      Resolution second = resolver.resolve(covered, Type.AAAA);

      assertThat(second).isInstanceOf(Resolution.NxDomain.class);
      assertThat(second.security()).isEqualTo(Security.SECURE);
      assertThat(second.upstreamQueries()).isZero();
      assertThat(lab.queryCount()).isZero();
      assertThat(((Resolution.NxDomain) second).soa().getName().toString()).isEqualTo("alpha.lab.");

      assertThat(resolver.resolve(outside, Type.A)).isInstanceOf(Resolution.NxDomain.class);
      assertThat(lab.queryCount()).isPositive();
    }
  }

  @Test
  @DisplayName("without aggressive use (Unbound's aggressive-nsec: no), a name inside a cached range is asked")
  void withoutAggressiveNsec_nameInsideRangeIsAsked() {
    try (TestHierarchy lab = SignedLab.start();
        Resolver resolver = SignedLab.validatingResolver(lab, Validation::withoutAggressiveNsec).build()) {
      assertThat(resolver.resolve("nope.alpha.lab.", Type.A).security()).isEqualTo(Security.SECURE);
      lab.clearQueries();

      Resolution second = resolver.resolve("mm.alpha.lab.", Type.AAAA);

      assertThat(second).isInstanceOf(Resolution.NxDomain.class);
      assertThat(second.security()).isEqualTo(Security.SECURE);
      assertThat(lab.queryCount()).isPositive();
    }
  }

  @Test
  @DisplayName("RFC 8198 §4 with RFC 7646: a name under a negative trust anchor is not validated, so no cached range answers it")
  void negativeTrustAnchor_nameInsideRangeIsAsked() {
    try (TestHierarchy lab = SignedLab.start();
        Resolver resolver = SignedLab.validatingResolver(lab, validation -> validation
            .withNegativeTrustAnchors(List.of(Name.fromConstantString("mm.alpha.lab.")))).build()) {
      assertThat(resolver.resolve("nope.alpha.lab.", Type.A).security()).isEqualTo(Security.SECURE);
      lab.clearQueries();

      Resolution underAnchor = resolver.resolve("mm.alpha.lab.", Type.AAAA);

      assertThat(underAnchor).isInstanceOf(Resolution.NxDomain.class);
      assertThat(lab.queryCount()).isPositive();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  @DisplayName("RFC 8198 §5.2: the record at a name proven without one type answers NODATA for another it lacks")
  void noDataRecord_answersOtherTypeWithoutQuery(String chain, Signing signing, String missing, String covered,
      String outside) {
    try (TestHierarchy lab = SignedLab.start(signing, builder -> builder);
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      assertThat(resolver.resolve("www.alpha.lab.", Type.TXT)).isInstanceOf(Resolution.NoData.class);
      lab.clearQueries();

      Resolution other = resolver.resolve("www.alpha.lab.", Type.MX);

      assertThat(other).isInstanceOf(Resolution.NoData.class);
      assertThat(other.security()).isEqualTo(Security.SECURE);
      assertThat(lab.queryCount()).isZero();
    }
  }

  static Stream<Arguments> signings() {
    return Stream.of(Arguments.of("NSEC", SignedLab.SIGNING),
        Arguments.of("NSEC3", SignedLab.SIGNING.withNsec3(0, "-", false)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signings")
  @DisplayName("RFC 8198 §5.3: a cached wildcard and the range proving a second name absent answer it with the wildcard's data, SECURE, with no query")
  void cachedWildcard_answersSecondNameInsideRangeWithoutQuery(String chain, Signing signing) throws Exception {
    try (TestHierarchy lab = SignedLab.start(signing, builder -> builder);
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution first = resolver.resolve("first.wild.alpha.lab.", Type.A);
      assertThat(first.security()).isEqualTo(Security.SECURE);
      Name second = coveredBySameProof(first.proof(), "first");
      lab.clearQueries();

      Resolution expanded = resolver.resolve(second, Type.A);

      assertThat(expanded).isInstanceOf(Resolution.Answer.class);
      assertThat(expanded.security()).isEqualTo(Security.SECURE);
      assertThat(lab.queryCount()).isZero();
      Resolution.Answer answer = (Resolution.Answer) expanded;
      assertThat(answer.records()).extracting(r -> r.getName(), r -> r.rdataToString())
          .containsExactly(tuple(second, "192.0.2.90"));
      assertThat(answer.proof()).isNotEmpty();
    }
  }

  @Test
  @DisplayName("RFC 8198 §5.3: the wildcard's own name, which no range proves absent, is asked, not expanded onto itself")
  void cachedWildcard_itsOwnNameIsAsked() {
    try (TestHierarchy lab = SignedLab.start();
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      assertThat(resolver.resolve("first.wild.alpha.lab.", Type.A).security()).isEqualTo(Security.SECURE);
      lab.clearQueries();

      Resolution literal = resolver.resolve("*.wild.alpha.lab.", Type.A);

      assertThat(literal).isInstanceOf(Resolution.Answer.class);
      assertThat(lab.queryCount()).isPositive();
    }
  }

  /**
   * A name below wild.alpha.lab that the NSEC or NSEC3 proving {@code first}'s expansion covers
   * too: with NSEC every such name; with NSEC3 the first whose hash falls in the same range.
   */
  private static Name coveredBySameProof(List<Record> proof, String first) throws Exception {
    Name parent = Name.fromConstantString("wild.alpha.lab.");
    Name zone = Name.fromConstantString("alpha.lab.");
    NSEC3Record range = proof.stream().filter(NSEC3Record.class::isInstance).map(NSEC3Record.class::cast)
        .findFirst().orElse(null);
    for (int i = 0; i < 10_000; i++) {
      Name candidate = Name.fromString("n" + i, parent);
      if (range == null) {
        return candidate;
      }
      Name hashed = new Name(base32Hex(range.hashName(candidate)), zone);
      Name next = new Name(base32Hex(range.getNext()), zone);
      boolean covered = range.getName().compareTo(next) < 0
          ? range.getName().compareTo(hashed) < 0 && hashed.compareTo(next) < 0
          : range.getName().compareTo(hashed) < 0 || hashed.compareTo(next) < 0;
      if (covered) {
        return candidate;
      }
    }
    throw new AssertionError("no name below " + parent + " hashes into the range proving " + first);
  }

  private static String base32Hex(byte[] hash) {
    return new base32(base32.Alphabet.BASE32HEX, false, false).toString(hash);
  }
}
