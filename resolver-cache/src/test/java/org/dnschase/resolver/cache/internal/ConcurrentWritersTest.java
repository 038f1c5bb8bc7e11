package org.dnschase.resolver.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.cache.TrustRank.AUTHORITATIVE_ANSWER;
import static org.dnschase.resolver.cache.TrustRank.GLUE;
import static org.dnschase.resolver.cache.internal.Records.a;
import static org.dnschase.resolver.cache.internal.Records.name;
import static org.dnschase.resolver.cache.internal.Records.rrset;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.TrustRank;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

@DisplayName("Concurrent writers keep the rank rule (RFC 2181 §5.4.1)")
class ConcurrentWritersTest {

  private static final int THREADS = 8;
  private static final int WRITES_PER_THREAD = 2_000;

  private final RRsetCache cache =
      RRsetCache.builder().timeSource(new FakeTicker()).executor(Runnable::run).build();

  @Test
  @DisplayName("RFC 2181 §5.4.1: racing glue never displaces an authoritative answer")
  void racingWriters_higherRankAlwaysWins() throws Exception {
    RRset authoritative = rrset(a("ns1.example.", 300, "192.0.2.53"));
    RRset glue = rrset(a("ns1.example.", 300, "198.51.100.66"));
    AtomicInteger authoritativeStored = new AtomicInteger();
    AtomicInteger glueStoredAfterAuthoritative = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        boolean writesGlue = t % 2 == 0;
        writers.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < WRITES_PER_THREAD; i++) {
            if (writesGlue) {
              // Read before the write: if an authoritative answer was stored by then, the
              // glue must be refused.
              boolean afterAuthoritative = authoritativeStored.get() > 0;
              if (cache.put(glue, GLUE) && afterAuthoritative) {
                glueStoredAfterAuthoritative.incrementAndGet();
              }
            } else if (cache.put(authoritative, AUTHORITATIVE_ANSWER)) {
              authoritativeStored.incrementAndGet();
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> writer : writers) {
        writer.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(authoritativeStored).hasValue(THREADS / 2 * WRITES_PER_THREAD);
    assertThat(glueStoredAfterAuthoritative).hasValue(0);
    CacheLookup found = cache.lookup(name("ns1.example."), Type.A, DClass.IN);
    assertThat(found).isInstanceOf(CacheLookup.Hit.class);
    TrustRank rank = ((CacheLookup.Hit) found).rank();
    assertThat(rank).isEqualTo(AUTHORITATIVE_ANSWER);
    assertThat(((CacheLookup.Hit) found).rrset().first().rdataToString()).isEqualTo("192.0.2.53");
  }
}
