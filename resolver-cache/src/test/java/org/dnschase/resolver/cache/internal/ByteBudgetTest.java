package org.dnschase.resolver.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.cache.TrustRank.AUTHORITATIVE_ANSWER;
import static org.dnschase.resolver.cache.internal.Records.a;
import static org.dnschase.resolver.cache.internal.Records.name;
import static org.dnschase.resolver.cache.internal.Records.rrset;

import java.util.List;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.CacheStats;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.ValidationStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

@DisplayName("The byte budget (Caffeine maximumWeight over estimated heap bytes)")
class ByteBudgetTest {

  private static final long BUDGET = 4096;

  private final RRsetCache cache =
      RRsetCache.builder()
          .maximumBytes(BUDGET)
          .timeSource(new FakeTicker())
          .executor(Runnable::run)
          .recordStats()
          .build();

  private static RRset hostRRset(int i, int records) {
    RRset rrset = new RRset();
    for (int r = 0; r < records; r++) {
      rrset.addRR(a("host" + i + ".example.", 300, "10.0." + (r / 250) + "." + (r % 250 + 1)));
    }
    return rrset;
  }

  private static int weight(RRset rrset) {
    CacheKey key = new CacheKey(rrset.getName(), rrset.getType(), rrset.getDClass());
    CacheEntry entry =
        new CacheEntry.Positive(rrset, List.of(), 300, Long.MAX_VALUE, AUTHORITATIVE_ANSWER, ValidationStatus.INDETERMINATE, false);
    return new EntryWeigher().weigh(key, entry);
  }

  @Test
  @DisplayName("Past the budget, entries are evicted until the estimate fits again")
  void budget_evictsWhenExceeded() {
    for (int i = 0; i < 100; i++) {
      cache.put(hostRRset(i, 1), AUTHORITATIVE_ANSWER);
    }
    cache.cleanUp();

    CacheStats stats = cache.stats();
    assertThat(stats.estimatedBytes()).isPositive().isLessThanOrEqualTo(BUDGET);
    assertThat(stats.entries()).isBetween(1L, BUDGET / weight(hostRRset(0, 1)));
    assertThat(stats.evictions()).isEqualTo(100 - stats.entries());
    assertThat(stats.expirations()).isZero();
  }

  @Test
  @DisplayName("Evicted entries miss; the ones kept still hit")
  void evictedEntries_miss() {
    for (int i = 0; i < 100; i++) {
      cache.put(hostRRset(i, 1), AUTHORITATIVE_ANSWER);
    }
    cache.cleanUp();
    long kept = cache.stats().entries();

    int hits = 0;
    for (int i = 0; i < 100; i++) {
      if (cache.lookup(name("host" + i + ".example."), Type.A, DClass.IN)
          instanceof CacheLookup.Hit) {
        hits++;
      }
    }
    assertThat(hits).isEqualTo(kept).isLessThan(100);
  }

  @Test
  @DisplayName("An RRset larger than the whole budget is not kept")
  void rrsetLargerThanTheBudget_isNotKept() {
    RRset huge = hostRRset(1, 100);
    assertThat(weight(huge)).isGreaterThan((int) BUDGET);

    cache.put(huge, AUTHORITATIVE_ANSWER);
    cache.cleanUp();

    assertThat(cache.lookup(name("host1.example."), Type.A, DClass.IN))
        .isSameAs(CacheLookup.Miss.INSTANCE);
  }

  @Test
  @DisplayName("The weight grows with the records held, by at least their RDATA each")
  void weight_growsWithRecords() {
    int one = weight(hostRRset(1, 1));
    int twenty = weight(hostRRset(1, 20));

    assertThat(one).isGreaterThan(EntryWeigher.NODE_BYTES + EntryWeigher.RRSET_BYTES);
    assertThat(twenty - one).isGreaterThanOrEqualTo(19 * (EntryWeigher.RECORD_BYTES + 4));
  }

  @Test
  @DisplayName("The estimated bytes reported are the weights of the entries held")
  void estimatedBytes_isTheSumOfWeights() {
    cache.put(hostRRset(1, 1), AUTHORITATIVE_ANSWER);
    cache.put(hostRRset(2, 3), AUTHORITATIVE_ANSWER);
    cache.cleanUp();

    assertThat(cache.stats().estimatedBytes())
        .isEqualTo(weight(hostRRset(1, 1)) + weight(hostRRset(2, 3)));
  }
}
