package org.dnschase.resolver.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.cache.TrustRank.GLUE;
import static org.dnschase.resolver.cache.TrustRank.AUTHORITATIVE_ANSWER;
import static org.dnschase.resolver.cache.internal.Records.a;
import static org.dnschase.resolver.cache.internal.Records.cname;
import static org.dnschase.resolver.cache.internal.Records.name;
import static org.dnschase.resolver.cache.internal.Records.rrset;
import static org.dnschase.resolver.cache.internal.Records.soa;

import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.EntryRef;
import org.dnschase.resolver.cache.RRsetCache;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Type;

/** Entry references, which a layer above the cache holds: every way an entry goes marks it. */
@DisplayName("EntryRef: live until replaced, invalidated, evicted or expired")
class EntryRefTest {

  private final FakeTicker ticker = new FakeTicker();
  private final RRsetCache cache = RRsetCache.builder().timeSource(ticker).executor(Runnable::run).build();

  private EntryRef storedAlias() {
    cache.put(rrset(cname("www.example.", 300, "one.example.")), AUTHORITATIVE_ANSWER);
    return cache.entryRef(name("www.example."), Type.CNAME, DClass.IN);
  }

  @Test
  @DisplayName("A live entry's ref counts down with the remaining TTL and answers like a look-up")
  void liveEntry_countsDown() {
    EntryRef ref = storedAlias();
    ticker.advanceSeconds(100);

    assertThat(ref.remainingSeconds(cache.nowNanos())).isEqualTo(200);
    assertThat(ref.storedTtl()).isEqualTo(300);
    assertThat(ref.answerAt(cache.nowNanos())).isInstanceOfSatisfying(CacheLookup.Hit.class,
        hit -> assertThat(hit.rrset().getTTL()).isEqualTo(200));
  }

  @Test
  @DisplayName("Replaced by new data at the same key: -1, and the new entry has a ref of its own")
  void replaced_isMarked() {
    EntryRef ref = storedAlias();
    cache.put(rrset(cname("www.example.", 300, "two.example.")), AUTHORITATIVE_ANSWER);

    assertThat(ref.remainingSeconds(cache.nowNanos())).isEqualTo(-1);
    assertThat(ref.stored()).isFalse();
    assertThat(ref.answerAt(cache.nowNanos())).isNull();
    assertThat(cache.entryRef(name("www.example."), Type.CNAME, DClass.IN).remainingSeconds(cache.nowNanos()))
        .isEqualTo(300);
  }

  @Test
  @DisplayName("A refused lower-ranked write leaves the entry, and its ref, alone")
  void refusedWrite_keepsRef() {
    EntryRef ref = storedAlias();
    assertThat(cache.put(rrset(cname("www.example.", 300, "two.example.")), GLUE)).isFalse();

    assertThat(ref.remainingSeconds(cache.nowNanos())).isEqualTo(300);
  }

  @Test
  @DisplayName("Invalidated, one key or all: -1")
  void invalidated_isMarked() {
    EntryRef one = storedAlias();
    cache.invalidate(name("WWW.example."), Type.CNAME, DClass.IN);
    assertThat(one.remainingSeconds(cache.nowNanos())).isEqualTo(-1);

    EntryRef all = storedAlias();
    cache.invalidateAll();
    assertThat(all.remainingSeconds(cache.nowNanos())).isEqualTo(-1);
  }

  @Test
  @DisplayName("Expired: -1 from the instant the TTL runs out")
  void expired_isMarked() {
    EntryRef ref = storedAlias();
    ticker.advanceNanos(300_000_000_000L - 1);
    assertThat(ref.remainingSeconds(cache.nowNanos())).isEqualTo(1);

    ticker.advanceNanos(1);
    assertThat(ref.remainingSeconds(cache.nowNanos())).isEqualTo(-1);
    assertThat(ref.expiresAtNanos()).isEqualTo(cache.nowNanos());
    assertThat(ref.stored()).as("expired, but nothing replaced it").isTrue();
  }

  @Test
  @DisplayName("An NXDOMAIN dropped by data at its name: -1")
  void nxDomainClearedByData_isMarked() {
    cache.putNxDomain(name("gone.example."), DClass.IN, soa("example.", 300, 300), AUTHORITATIVE_ANSWER);
    EntryRef nx = cache.entryRef(name("gone.example."), Type.A, DClass.IN);
    assertThat(nx.answerAt(cache.nowNanos())).isInstanceOf(CacheLookup.NegativeHit.class);

    cache.put(rrset(a("gone.example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER);

    assertThat(nx.remainingSeconds(cache.nowNanos())).isEqualTo(-1);
  }

  @Test
  @DisplayName("Evicted by the byte budget: -1 for exactly the entries no longer stored")
  void evicted_isMarked() {
    RRsetCache small = RRsetCache.builder().maximumBytes(4096).timeSource(ticker).executor(Runnable::run).build();
    List<EntryRef> refs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      small.put(rrset(a("host" + i + ".example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER);
      refs.add(small.entryRef(name("host" + i + ".example."), Type.A, DClass.IN));
    }
    small.cleanUp();

    int marked = 0;
    for (int i = 0; i < 100; i++) {
      boolean stored = small.lookup(name("host" + i + ".example."), Type.A, DClass.IN) instanceof CacheLookup.Hit;
      long left = refs.get(i) == null ? -1 : refs.get(i).remainingSeconds(small.nowNanos());
      assertThat(left).as("host%d, stored: %s", i, stored).isEqualTo(stored ? 300 : -1);
      marked += stored ? 0 : 1;
    }
    assertThat(marked).isPositive();
  }

  @Test
  @DisplayName("No live entry: no ref")
  void miss_hasNoRef() {
    assertThat(cache.entryRef(name("nothing.example."), Type.A, DClass.IN)).isNull();
  }
}
