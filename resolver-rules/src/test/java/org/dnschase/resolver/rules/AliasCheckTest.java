package org.dnschase.resolver.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

class AliasCheckTest {

  private static final Name ZONE = Name.fromConstantString("example.test.");

  private static Record record(String line) {
    try {
      String[] f = line.split("\\s+", 3);
      return Record.fromString(Name.fromString(f[0], ZONE), Type.value(f[1]), 1, 300, f[2], ZONE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Breach> check(String... lines) {
    return AliasCheck.atOwner(ZONE, Arrays.stream(lines).map(AliasCheckTest::record).toList());
  }

  /* ---- what may stand beside a CNAME ---- */

  @Test
  @DisplayName("RFC 1034 §3.6.2: other data beside a CNAME breaks the rule, at the later of the two")
  void otherDataAfterCname_isTheRecordAtFault() {
    assertThat(check("www CNAME host", "www TXT beside"))
        .extracting(Breach::rule, b -> b.at().getType(), b -> b.beside().getType())
        .containsExactly(tuple(AliasRule.CNAME_AND_OTHER_DATA, Type.TXT, Type.CNAME));
    assertThat(check("www A 192.0.2.1", "www CNAME host"))
        .extracting(Breach::rule, b -> b.at().getType(), b -> b.beside().getType())
        .containsExactly(tuple(AliasRule.CNAME_AND_OTHER_DATA, Type.CNAME, Type.A));
  }

  @Test
  @DisplayName("RFC 4035 §2.5: RRSIG and NSEC stand beside a signed CNAME")
  void rrsigAndNsecBesideCname_keepTheRules() {
    assertThat(check("www CNAME host",
        "www RRSIG CNAME 8 3 300 20300101000000 20200101000000 12345 example.test. AAAA",
        "www NSEC zzz.example.test. CNAME RRSIG NSEC")).isEmpty();
  }

  @Test
  @DisplayName("RFC 6672 §2.4: a CNAME and a DNAME at one owner")
  void dnameBesideCname_isItsOwnRule() {
    assertThat(check("www CNAME host", "www DNAME elsewhere.test."))
        .extracting(Breach::rule).containsExactly(AliasRule.CNAME_AND_DNAME);
  }

  @Test
  @DisplayName("RFC 2181 §10.1: a second, different CNAME; the same one repeated is one RR (RFC 2181 §5)")
  void secondCname_isMultipleCnames_aRepeatIsNot() {
    assertThat(check("www CNAME host", "www CNAME other"))
        .extracting(Breach::rule, b -> b.at().rdataToString(), b -> b.beside().rdataToString())
        .containsExactly(tuple(AliasRule.MULTIPLE_CNAMES, "other.example.test.", "host.example.test."));
    assertThat(check("www CNAME host", "www CNAME host")).isEmpty();
  }

  @Test
  @DisplayName("RFC 1912 §2.4: a CNAME at the apex, beside its SOA; the apex's NS and SOA are not other data")
  void cnameAtApex_isReportedOnceWithTheSoa() {
    List<Breach> found = check("@ SOA ns hostmaster 1 1800 900 604800 60", "@ NS ns", "@ CNAME host");

    assertThat(found).extracting(Breach::rule).containsExactly(AliasRule.CNAME_AT_APEX);
    assertThat(found.get(0).beside().getType()).isEqualTo(Type.SOA);
    assertThat(check("@ CNAME host")).singleElement().satisfies(b -> assertThat(b.beside()).isNull());
  }

  @Test
  void noCname_keepsEveryRule() {
    assertThat(check("www A 192.0.2.1", "www TXT text")).isEmpty();
    assertThat(AliasCheck.atOwner(ZONE, List.of())).isEmpty();
  }

  @Test
  void recordsOfTwoOwners_areRefused() {
    assertThatThrownBy(() -> check("www CNAME host", "mail A 192.0.2.1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("www.example.test.")
        .hasMessageContaining("mail.example.test.");
  }

  /* ---- targets that may not be aliases ---- */

  @Test
  @DisplayName("RFC 2181 §10.3, RFC 2782: NS, MX and SRV targets must not be aliases; others may")
  void targetRules() {
    assertThat(AliasCheck.targetRule(Type.NS)).contains(AliasRule.NS_TARGET_IS_ALIAS);
    assertThat(AliasCheck.targetRule(Type.MX)).contains(AliasRule.MX_TARGET_IS_ALIAS);
    assertThat(AliasCheck.targetRule(Type.SRV)).contains(AliasRule.SRV_TARGET_IS_ALIAS);
    assertThat(AliasCheck.targetRule(Type.PTR)).isEmpty();
    assertThat(AliasCheck.targetRule(Type.A)).isEmpty();
  }

  @Test
  void breachOfTwoRecords_needsBoth() {
    assertThatThrownBy(() -> new Breach(AliasRule.MULTIPLE_CNAMES, record("www CNAME host"), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MULTIPLE_CNAMES");
  }
}
