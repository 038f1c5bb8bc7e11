package org.dnschase.resolver.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.cache.TrustRank.AUTHORITATIVE_ANSWER;
import static org.dnschase.resolver.cache.TrustRank.GLUE;
import static org.dnschase.resolver.cache.internal.Records.a;
import static org.dnschase.resolver.cache.internal.Records.aaaa;
import static org.dnschase.resolver.cache.internal.Records.hitRRset;
import static org.dnschase.resolver.cache.internal.Records.name;
import static org.dnschase.resolver.cache.internal.Records.negative;
import static org.dnschase.resolver.cache.internal.Records.rrset;
import static org.dnschase.resolver.cache.internal.Records.soa;

import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

@DisplayName("Names compare case-insensitively (RFC 1035 §2.3.3, RFC 4343 §3)")
class CaseInsensitiveNamesTest {

  private final RRsetCache cache =
      RRsetCache.builder().timeSource(new FakeTicker()).executor(Runnable::run).build();

  @Test
  @DisplayName("RFC 4343 §3: a lookup in any case finds data stored in another")
  void lookup_ignoresCase() {
    cache.put(rrset(a("WWW.Example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER);

    assertThat(cache.lookup(name("www.example."), Type.A, DClass.IN))
        .isInstanceOf(CacheLookup.Hit.class);
    assertThat(cache.lookup(name("wWw.eXaMpLe."), Type.A, DClass.IN))
        .isInstanceOf(CacheLookup.Hit.class);
  }

  @Test
  @DisplayName("RFC 4343 §4.1: the owner name comes back in the case it was stored in")
  void hit_keepsTheOwnerCaseAsStored() {
    cache.put(rrset(a("WWW.Example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER);

    Name owner = hitRRset(cache.lookup(name("www.example."), Type.A, DClass.IN)).getName();
    assertThat(owner.toString()).isEqualTo("WWW.Example.");
  }

  @Test
  @DisplayName("RFC 4343 §3: two spellings of a name share one entry and one rank rule")
  void put_inAnotherCase_hitsTheSameEntry() {
    cache.put(rrset(a("www.example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER);

    assertThat(cache.put(rrset(a("WWW.EXAMPLE.", 300, "198.51.100.66")), GLUE)).isFalse();
    assertThat(cache.put(rrset(a("Www.Example.", 300, "192.0.2.2")), AUTHORITATIVE_ANSWER))
        .isTrue();
    cache.cleanUp();
    assertThat(cache.stats().entries()).isOne();
  }

  @Test
  @DisplayName("RFC 4343 §3: an NXDOMAIN matches the name in any case")
  void nxDomain_ignoresCase() {
    cache.putNxDomain(name("Gone.EXAMPLE."), DClass.IN, soa("example.", 300, 300),
        AUTHORITATIVE_ANSWER);

    assertThat(negative(cache.lookup(name("gone.example."), Type.A, DClass.IN)).kind())
        .isEqualTo(CacheLookup.NegativeHit.Kind.NXDOMAIN);
  }

  @Test
  @DisplayName("RFC 2181 §5: type and class are part of the key")
  void typeAndClass_areSeparateKeys() {
    cache.put(rrset(a("www.example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER);
    cache.put(rrset(aaaa("www.example.", 300, "2001:db8::1")), AUTHORITATIVE_ANSWER);

    assertThat(hitRRset(cache.lookup(name("www.example."), Type.AAAA, DClass.IN)).getType())
        .isEqualTo(Type.AAAA);
    assertThat(cache.lookup(name("www.example."), Type.A, DClass.CH))
        .isSameAs(CacheLookup.Miss.INSTANCE);
  }

  /* ---- the key ---- */

  @Test
  @DisplayName("A key holds the name lower-cased and equals keys of other spellings")
  void cacheKey_isCanonical() {
    CacheKey mixed = new CacheKey(name("WWW.Example."), Type.A, DClass.IN);
    CacheKey lower = new CacheKey(name("www.example."), Type.A, DClass.IN);

    assertThat(mixed.name().toString()).isEqualTo("www.example.");
    assertThat(mixed).isEqualTo(lower).hasSameHashCodeAs(lower);
    assertThat(mixed).isNotEqualTo(new CacheKey(name("www.example."), Type.AAAA, DClass.IN));
    assertThat(mixed).isNotEqualTo(new CacheKey(name("www.example."), Type.A, DClass.CH));
  }

  @Test
  @DisplayName("A key reuses a name that is lower case already instead of copying it")
  void cacheKey_reusesLowerCaseName() {
    Name lower = name("www.example.");

    assertThat(new CacheKey(lower, Type.A, DClass.IN).name()).isSameAs(lower);
  }
}
