package org.dnschase.resolver.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.dnschase.resolver.cache.TrustRank.AUTHORITATIVE_ANSWER;
import static org.dnschase.resolver.cache.internal.Records.a;
import static org.dnschase.resolver.cache.internal.Records.hitRRset;
import static org.dnschase.resolver.cache.internal.Records.name;
import static org.dnschase.resolver.cache.internal.Records.rrset;

import org.dnschase.resolver.cache.RRsetCache;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

@DisplayName("Lookups return copies; the cache keeps its own (RFC 2181 §5.2 RRsets)")
class ReturnedCopiesTest {

  private final FakeTicker ticker = new FakeTicker();
  private final RRsetCache cache =
      RRsetCache.builder().timeSource(ticker).executor(Runnable::run).build();

  private final ARecord first = a("www.example.", 300, "192.0.2.1");
  private final ARecord second = a("www.example.", 300, "192.0.2.2");

  private RRset lookupWww() {
    return hitRRset(cache.lookup(name("www.example."), Type.A, DClass.IN));
  }

  @Test
  @DisplayName("Changing a returned RRset does not change what the cache returns next")
  void changingTheReturnedRRset_leavesTheCacheAlone() {
    cache.put(rrset(first, second), AUTHORITATIVE_ANSWER);

    RRset returned = lookupWww();
    returned.deleteRR(first);
    returned.addRR(a("www.example.", 10, "203.0.113.9"));
    lookupWww().clear();

    assertThat(lookupWww().rrs(false)).containsExactlyInAnyOrder(first, second);
    assertThat(lookupWww().getTTL()).isEqualTo(300);
  }

  @Test
  @DisplayName("Each lookup returns an RRset of its own")
  void eachLookup_returnsItsOwnRRset() {
    cache.put(rrset(first), AUTHORITATIVE_ANSWER);

    assertThat(lookupWww()).isNotSameAs(lookupWww());
    ticker.advanceSeconds(5);
    assertThat(lookupWww()).isNotSameAs(lookupWww());
  }

  @Test
  @DisplayName("Changing the RRset after put does not change the cache")
  void changingThePutRRset_leavesTheCacheAlone() {
    RRset put = rrset(first, second);
    cache.put(put, AUTHORITATIVE_ANSWER);

    put.deleteRR(second);
    put.addRR(a("www.example.", 10, "203.0.113.9"));

    assertThat(lookupWww().rrs(false)).containsExactlyInAnyOrder(first, second);
  }

  @Test
  @DisplayName("Aging the TTL of returned records leaves the records that were put unchanged")
  void aging_leavesThePutRecordsUnchanged() {
    cache.put(rrset(first, second), AUTHORITATIVE_ANSWER);
    ticker.advanceSeconds(100);

    RRset aged = lookupWww();

    assertThat(aged.rrs(false)).extracting(Record::getTTL).containsOnly(200L);
    assertThat(first.getTTL()).isEqualTo(300);
    assertThat(second.getTTL()).isEqualTo(300);
  }

  @Test
  @DisplayName("Aged records keep everything but the TTL: owner, class, type and RDATA")
  void agedRecords_keepOwnerAndRdata() {
    cache.put(rrset(first, second), AUTHORITATIVE_ANSWER);
    ticker.advanceSeconds(100);

    RRset aged = lookupWww();

    assertThat(aged.rrs(false))
        .extracting(Record::getName, Record::getDClass, Record::getType, Record::rdataToString)
        .containsExactlyInAnyOrder(
            tuple(first.getName(), DClass.IN, Type.A, "192.0.2.1"),
            tuple(first.getName(), DClass.IN, Type.A, "192.0.2.2"));
  }
}
