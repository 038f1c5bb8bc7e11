package org.dnschase.resolver.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;

/** The javadoc's samples do what their text says. */
class SnippetsTest {

  private static final Name WWW = Name.fromConstantString("www.example.");

  @Test
  void cacheSample_usesWhatWasCachedAndGoesUpstreamForTheRest() throws Exception {
    RRset rrset = new RRset(new ARecord(WWW, DClass.IN, 300, InetAddress.getByName("192.0.2.1")));

    assertThat(Snippets.cacheAndLookUp(rrset, WWW)).startsWith("use ").contains("192.0.2.1");
    assertThat(Snippets.cacheAndLookUp(rrset, Name.fromConstantString("other.example."))).isEqualTo("go upstream");
  }

  @Test
  void timeSourceSample_movesTheCachesTime() throws Exception {
    RRset rrset = new RRset(new ARecord(WWW, DClass.IN, 300, InetAddress.getByName("192.0.2.1")));

    assertThat(Snippets.movedTime(rrset)).isEqualTo(200);
  }

  /* ---- TimeSource ---- */

  @Test
  void timeSourceOfNanos_movesWallClockAndMonotonicTimeTogether() {
    AtomicLong nanos = new AtomicLong(5);
    Instant origin = Instant.parse("2007-09-16T13:42:26Z");
    TimeSource time = TimeSource.ofNanos(origin, nanos::get);

    nanos.addAndGet(Duration.ofSeconds(3).toNanos());

    assertThat(time.nanoTime()).isEqualTo(3_000_000_005L);
    assertThat(time.instant()).isEqualTo(origin.plusSeconds(3).plusNanos(5));
    assertThat(time.millis()).isEqualTo(origin.plusSeconds(3).toEpochMilli());
  }

  @Test
  void cache_reportsTheTimeSourceItWasBuiltWith() {
    TimeSource time = TimeSource.ofNanos(Instant.EPOCH, () -> 0);

    assertThat(RRsetCache.builder().timeSource(time).build().timeSource()).isSameAs(time);
    assertThat(RRsetCache.builder().build().timeSource()).isSameAs(TimeSource.system());
  }
}
