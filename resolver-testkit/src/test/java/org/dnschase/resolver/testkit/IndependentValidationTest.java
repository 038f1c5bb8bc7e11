package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.testkit.SignedLab.EXAMPLE_SERVER;
import static org.dnschase.resolver.testkit.SignedLab.name;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.dnssec.ValidatingResolver;

/**
 * dnsjava's own validator, anchored at example.test.'s DS and asking the zone's server, accepts
 * every kind of signed answer the testkit serves (AD set) and rejects a broken one (SERVFAIL): a
 * check of the proofs by an implementation other than the testkit's.
 */
class IndependentValidationTest {

  static Stream<Arguments> chains() {
    return Stream.of(
        Arguments.of("NSEC", Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256)),
        Arguments.of("NSEC3", Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256).withNsec3(0, "-", false)),
        Arguments.of("NSEC3 opt-out, salt", Signing.with(DNSSEC.Algorithm.RSASHA256).withNsec3(2, "beef", true)));
  }

  private static Message validated(TestHierarchy dns, String qname, int type) throws Exception {
    SimpleResolver head = new SimpleResolver(dns.server(EXAMPLE_SERVER).socketAddress());
    head.setTCP(true);
    ValidatingResolver validator = new ValidatingResolver(head);
    String anchor = dns.keys(name("example.test.")).ds(300).toString();
    validator.loadTrustAnchors(new ByteArrayInputStream(anchor.getBytes(StandardCharsets.US_ASCII)));
    return validator.send(Message.newQuery(Record.newRecord(name(qname), type, DClass.IN)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  @DisplayName("RFC 4035 §5: answers, NXDOMAIN, NODATA, wildcards and empty non-terminals validate as secure"
      + " (missing names covered by opt-out as insecure)")
  void everyKindOfAnswer_validatesSecure(String chain, Signing signing) throws Exception {
    try (TestHierarchy dns = TestHierarchy.builder().zones(SignedLab.TREE).signed(signing).build()) {
      Object[][] cases = {
          // qname, qtype, rcode, whether the proof covers a missing name
          {"www.example.test.", Type.A, Rcode.NOERROR, false},
          {"nope.example.test.", Type.A, Rcode.NXDOMAIN, true},
          {"a.nope.example.test.", Type.A, Rcode.NXDOMAIN, true},
          {"www.example.test.", Type.AAAA, Rcode.NOERROR, false},
          {"x.wild.example.test.", Type.A, Rcode.NOERROR, true},
          {"x.y.wild.example.test.", Type.TXT, Rcode.NOERROR, true},
          {"b.ent.example.test.", Type.A, Rcode.NOERROR, false},
          {"alias.example.test.", Type.A, Rcode.NOERROR, false},
      };
      for (Object[] c : cases) {
        Message reply = validated(dns, (String) c[0], (int) c[1]);
        assertThat(reply.getRcode()).as("%s %s %s", chain, c[0], Type.string((int) c[1])).isEqualTo((int) c[2]);
        // RFC 5155 §9.2: a name covered by an opt-out span may be an unsigned delegation, so its
        // non-existence (for NXDOMAIN or a wildcard) is not proven secure
        boolean secure = signing.nsec3() == null || !signing.nsec3().optOut() || !(boolean) c[3];
        assertThat(reply.getHeader().getFlag(Flags.AD)).as("%s %s %s: AD", chain, c[0], Type.string((int) c[1]))
            .isEqualTo(secure);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  @DisplayName("RFC 4035 §5.5: an expired signature and a negative answer without its proof are bogus")
  void brokenAnswers_areBogus(String chain, Signing signing) throws Exception {
    Signing broken = signing.withBreakage(Breakage.expiredSignature("www.example.test.", Type.A));
    try (TestHierarchy expired = TestHierarchy.builder().zones(SignedLab.TREE).signed(broken).build();
        TestHierarchy stripped = TestHierarchy.builder().zones(SignedLab.TREE)
            .signed(signing.withBreakage(new Breakage.StrippedProofs())).build()) {
      assertThat(validated(expired, "www.example.test.", Type.A).getRcode()).isEqualTo(Rcode.SERVFAIL);
      assertThat(validated(expired, "alias.example.test.", Type.CNAME).getHeader().getFlag(Flags.AD)).isTrue();
      assertThat(validated(stripped, "nope.example.test.", Type.A).getRcode()).isEqualTo(Rcode.SERVFAIL);
    }
  }
}
