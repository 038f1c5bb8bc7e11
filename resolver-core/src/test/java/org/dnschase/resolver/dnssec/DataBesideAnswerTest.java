package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.ValidationStatus;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The signed RRsets a reply carries beside its answer (the zone's NS set, its servers' addresses)
 * are validated too, as Unbound validates every RRset of a message, and cached with their status:
 * what is later built from them, a referral from the cache, can say whether it is secure.
 */
class DataBesideAnswerTest {

  @Test
  @DisplayName("RFC 4035 §4.3, §5.3: signed name-server addresses beside a validated answer are cached SECURE")
  void signedAddressesBesideAnswer_areCachedSecure() {
    RRsetCache cache = RRsetCache.builder().build();
    try (TestHierarchy lab = SignedLab.start();
        Resolver resolver = SignedLab.validatingResolver(lab).cache(cache).build()) {
      Resolution nameServers = resolver.resolve("alpha.lab.", Type.NS);
      assertThat(nameServers.security()).isEqualTo(Security.SECURE);

      CacheLookup address = cache.lookup(Name.fromConstantString("ns.alpha.lab."), Type.A, DClass.IN);

      assertThat(address).isInstanceOfSatisfying(CacheLookup.Hit.class,
          hit -> assertThat(hit.status()).isEqualTo(ValidationStatus.SECURE));
    }
  }

  @Test
  @DisplayName("RFC 4035 §4.3: the unsigned glue of a referral stays unvalidated in the cache")
  void unsignedGlue_staysIndeterminate() {
    RRsetCache cache = RRsetCache.builder().build();
    try (TestHierarchy lab = SignedLab.start();
        Resolver resolver = SignedLab.validatingResolver(lab).cache(cache).build()) {
      assertThat(resolver.resolve("www.alpha.lab.", Type.A).security()).isEqualTo(Security.SECURE);

      CacheLookup glue = cache.lookup(Name.fromConstantString("ns.alpha.lab."), Type.A, DClass.IN);

      assertThat(glue).isInstanceOfSatisfying(CacheLookup.Hit.class,
          hit -> assertThat(hit.status()).isEqualTo(ValidationStatus.INDETERMINATE));
    }
  }
}
