package org.dnschase.resolver.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.cache.TrustRank.AUTHORITATIVE_ANSWER;
import static org.dnschase.resolver.cache.internal.Records.a;
import static org.dnschase.resolver.cache.internal.Records.name;
import static org.dnschase.resolver.cache.internal.Records.negative;
import static org.dnschase.resolver.cache.internal.Records.rrset;
import static org.dnschase.resolver.cache.internal.Records.soa;

import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.ValidationStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** Each entry keeps the DNSSEC status it was stored with, so a validated one is not checked again. */
class ValidationStatusTest {

  private static final Name WWW = name("www.example.");

  private final RRsetCache cache = RRsetCache.builder().timeSource(new FakeTicker()).executor(Runnable::run).build();

  @Test
  @DisplayName("an RRset stored SECURE is handed out SECURE; one stored without a status is INDETERMINATE")
  void rrset_keepsItsStatus() {
    cache.put(rrset(a("www.example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER, ValidationStatus.SECURE);
    cache.put(rrset(a("ftp.example.", 300, "192.0.2.2")), AUTHORITATIVE_ANSWER);

    assertThat(((CacheLookup.Hit) cache.lookup(WWW, Type.A, DClass.IN)).status()).isEqualTo(ValidationStatus.SECURE);
    assertThat(((CacheLookup.Hit) cache.lookup(name("ftp.example."), Type.A, DClass.IN)).status())
        .isEqualTo(ValidationStatus.INDETERMINATE);
  }

  @Test
  @DisplayName("an NXDOMAIN and a NODATA keep the status of their proofs")
  void negativeAnswers_keepTheirStatus() {
    cache.putNxDomain(name("gone.example."), DClass.IN, soa("example.", 60, 300), AUTHORITATIVE_ANSWER,
        ValidationStatus.SECURE);
    cache.putNoData(WWW, Type.AAAA, DClass.IN, soa("example.", 60, 300), AUTHORITATIVE_ANSWER,
        ValidationStatus.INSECURE);

    assertThat(negative(cache.lookup(name("gone.example."), Type.MX, DClass.IN)).status())
        .isEqualTo(ValidationStatus.SECURE);
    assertThat(negative(cache.lookup(WWW, Type.AAAA, DClass.IN)).status()).isEqualTo(ValidationStatus.INSECURE);
  }
}
