package org.dnschase.resolver.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.cache.TrustRank.AUTHORITATIVE_ANSWER;
import static org.dnschase.resolver.cache.TrustRank.GLUE;
import static org.dnschase.resolver.cache.internal.Records.a;
import static org.dnschase.resolver.cache.internal.Records.aaaa;
import static org.dnschase.resolver.cache.internal.Records.name;
import static org.dnschase.resolver.cache.internal.Records.rrset;
import static org.dnschase.resolver.cache.internal.Records.soa;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.EntryRef;
import org.dnschase.resolver.cache.RRsetCache;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

@DisplayName("Invalidation drops entries whatever their rank")
class InvalidationTest {

  private final RRsetCache cache =
      RRsetCache.builder().timeSource(new FakeTicker()).executor(Runnable::run).build();

  private CacheLookup lookup(String name, int type) {
    return cache.lookup(name(name), type, DClass.IN);
  }

  @Test
  @DisplayName("invalidate drops one (name, type, class) and leaves the other types")
  void invalidate_dropsOneKey() {
    cache.put(rrset(a("www.example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER);
    cache.put(rrset(aaaa("www.example.", 300, "2001:db8::1")), AUTHORITATIVE_ANSWER);

    cache.invalidate(name("WWW.example."), Type.A, DClass.IN);

    assertThat(lookup("www.example.", Type.A)).isSameAs(CacheLookup.Miss.INSTANCE);
    assertThat(lookup("www.example.", Type.AAAA)).isInstanceOf(CacheLookup.Hit.class);
  }

  @Test
  @DisplayName("After invalidate, lower-ranked data can be stored again")
  void invalidate_liftsTheRankRule() {
    cache.put(rrset(a("www.example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER);
    cache.invalidate(name("www.example."), Type.A, DClass.IN);

    assertThat(cache.put(rrset(a("www.example.", 300, "198.51.100.66")), GLUE)).isTrue();
  }

  @Test
  @DisplayName("invalidate at the type of a NODATA drops it")
  void invalidate_dropsNoData() {
    cache.putNoData(name("www.example."), Type.MX, DClass.IN, soa("example.", 300, 300),
        AUTHORITATIVE_ANSWER);

    cache.invalidate(name("www.example."), Type.MX, DClass.IN);

    assertThat(lookup("www.example.", Type.MX)).isSameAs(CacheLookup.Miss.INSTANCE);
  }

  @Test
  @DisplayName("invalidate with type ANY drops the name's NXDOMAIN")
  void invalidateAny_dropsNxDomain() {
    cache.putNxDomain(name("gone.example."), DClass.IN, soa("example.", 300, 300),
        AUTHORITATIVE_ANSWER);

    cache.invalidate(name("gone.example."), Type.A, DClass.IN);
    assertThat(lookup("gone.example.", Type.A)).isInstanceOf(CacheLookup.NegativeHit.class);

    cache.invalidate(name("gone.example."), Type.ANY, DClass.IN);
    assertThat(lookup("gone.example.", Type.A)).isSameAs(CacheLookup.Miss.INSTANCE);
  }

  @Test
  @DisplayName("invalidate(name) drops every type at the name, its NODATA and its NXDOMAIN, and nothing below it")
  void invalidateName_dropsEverythingAtTheNameOnly() {
    cache.put(rrset(a("www.example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER);
    cache.put(rrset(aaaa("www.example.", 300, "2001:db8::1")), AUTHORITATIVE_ANSWER);
    cache.putNoData(name("www.example."), Type.MX, DClass.IN, soa("example.", 300, 300), AUTHORITATIVE_ANSWER);
    cache.putNxDomain(name("gone.example."), DClass.IN, soa("example.", 300, 300), AUTHORITATIVE_ANSWER);
    cache.put(rrset(a("a.www.example.", 300, "192.0.2.2")), AUTHORITATIVE_ANSWER);

    cache.invalidate(name("WWW.Example."));
    cache.invalidate(name("gone.example."));

    assertThat(lookup("www.example.", Type.A)).isSameAs(CacheLookup.Miss.INSTANCE);
    assertThat(lookup("www.example.", Type.AAAA)).isSameAs(CacheLookup.Miss.INSTANCE);
    assertThat(lookup("www.example.", Type.MX)).isSameAs(CacheLookup.Miss.INSTANCE);
    assertThat(lookup("gone.example.", Type.A)).isSameAs(CacheLookup.Miss.INSTANCE);
    assertThat(lookup("a.www.example.", Type.A)).isInstanceOf(CacheLookup.Hit.class);
  }

  @Test
  @DisplayName("invalidateNegative drops every NXDOMAIN and NODATA and keeps the data")
  void invalidateNegative_keepsTheData() {
    cache.put(rrset(a("www.example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER);
    cache.putNoData(name("www.example."), Type.MX, DClass.IN, soa("example.", 300, 300), AUTHORITATIVE_ANSWER);
    cache.putNxDomain(name("gone.example."), DClass.IN, soa("example.", 300, 300), AUTHORITATIVE_ANSWER);
    EntryRef data = cache.entryRef(name("www.example."), Type.A, DClass.IN);
    EntryRef noData = cache.entryRef(name("www.example."), Type.MX, DClass.IN);

    cache.invalidateNegative();

    assertThat(lookup("www.example.", Type.A)).isInstanceOf(CacheLookup.Hit.class);
    assertThat(lookup("www.example.", Type.MX)).isSameAs(CacheLookup.Miss.INSTANCE);
    assertThat(lookup("gone.example.", Type.A)).isSameAs(CacheLookup.Miss.INSTANCE);
    assertThat(noData.stored()).as("a layer holding the NODATA sees it gone").isFalse();
    assertThat(data.stored()).isTrue();
  }

  @Test
  @DisplayName("invalidateAll drops every entry")
  void invalidateAll_dropsEverything() {
    cache.put(rrset(a("www.example.", 300, "192.0.2.1")), AUTHORITATIVE_ANSWER);
    cache.putNxDomain(name("gone.example."), DClass.IN, soa("example.", 300, 300),
        AUTHORITATIVE_ANSWER);

    cache.invalidateAll();
    cache.cleanUp();

    assertThat(lookup("www.example.", Type.A)).isSameAs(CacheLookup.Miss.INSTANCE);
    assertThat(lookup("gone.example.", Type.A)).isSameAs(CacheLookup.Miss.INSTANCE);
    assertThat(cache.stats().entries()).isZero();
  }

  /* ---- what invalidateAll lets go of ---- */

  @Test
  @DisplayName("invalidateAll lets go of the records it dropped before it returns, even with the cache's maintenance held up elsewhere")
  void invalidateAll_releasesWhatItDropped() {
    // an executor that never runs the maintenance handed to it: as when another thread holds the
    // cache's maintenance while a writer's own is due, and nothing later sets it going again
    List<Runnable> heldUp = new ArrayList<>();
    RRsetCache held = RRsetCache.builder().timeSource(new FakeTicker()).executor(heldUp::add).build();
    List<WeakReference<Record>> dropped = fill(held, 100);

    held.invalidateAll();

    assertThat(collected(dropped)).as("records let go of by invalidateAll").isEqualTo(dropped.size());
  }

  /** Stores {@code count} one-record RRsets, each record referenced from here weakly only. */
  private static List<WeakReference<Record>> fill(RRsetCache cache, int count) {
    List<WeakReference<Record>> stored = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Record record = a("h" + i + ".example.", 300, "192.0.2.1");
      cache.put(rrset(record), AUTHORITATIVE_ANSWER);
      stored.add(new WeakReference<>(record));
    }
    return stored;
  }

  /** How many of {@code references} the collector has cleared, after a few full collections. */
  private static long collected(List<WeakReference<Record>> references) {
    long cleared = 0;
    for (int i = 0; i < 5 && cleared < references.size(); i++) {
      System.gc();
      cleared = references.stream().filter(reference -> reference.get() == null).count();
    }
    return cleared;
  }
}
