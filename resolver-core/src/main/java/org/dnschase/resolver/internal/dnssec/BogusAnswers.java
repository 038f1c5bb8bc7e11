package org.dnschase.resolver.internal.dnssec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.internal.message.NameAndType;
import org.xbill.DNS.Name;

/**
 * Questions whose answer was found BOGUS a moment ago, each with its failure, answered with that
 * failure again, from here, until it expires: Unbound's cache of bogus messages ({@code
 * val-bogus-ttl}). A client asking again at once, or without recursion (RD=0), gets the same
 * SERVFAIL and reason without another walk; a forged or broken zone cannot make every client's
 * retry cost a round of queries and signature checks (a cheap way to load a validator). Only
 * questions that wanted checking are kept: one that disabled it gets the data, marked BOGUS.
 * Thread-safe.
 */
public final class BogusAnswers {

  /**
   * The store may hold 1/64 of the RRset cache's byte budget, as the recent failures beside it:
   * its entries live a minute, and the default budget keeps some 1,500 with their descriptions.
   */
  public static final int BUDGET_SHARE = 64;

  /** Caffeine's node, the key with its name, and the failure without its text. */
  private static final int ENTRY_BYTES = 256;

  private final Cache<NameAndType, Resolution.Failure> failures;
  private final Duration ttl;

  /**
   * @param ticker the resolver's monotonic clock
   * @param maximumBytes this store's share of the byte budget
   * @param ttl how long a BOGUS answer is given again
   */
  public BogusAnswers(Ticker ticker, long maximumBytes, Duration ttl) {
    this.ttl = ttl;
    this.failures = Caffeine.newBuilder().maximumWeight(maximumBytes)
        .weigher((NameAndType key, Resolution.Failure failure) -> ENTRY_BYTES + 2 * key.name().length()
            + 2 * failure.detail().length())
        .executor(Runnable::run).ticker(ticker).expireAfterWrite(ttl).build();
  }

  /** Remembers {@code outcome} when it is a BOGUS failure; other outcomes are not this store's. */
  public void remember(Resolution outcome) {
    if (outcome instanceof Resolution.Failure failure && failure.reason() == FailureReason.DNSSEC_BOGUS) {
      failures.put(new NameAndType(failure.qname(), failure.qtype()), failure);
    }
  }

  /**
   * The failure the question ended with, while it is live, as answered now: no query sent, and
   * its detail saying where it comes from; null when there is none.
   */
  public Resolution.Failure recent(Name name, int type) {
    Resolution.Failure failure = failures.getIfPresent(new NameAndType(name, type));
    return failure == null ? null : new Resolution.Failure(failure.qname(), failure.qtype(), failure.reason(),
        "BOGUS less than " + ttl.toSeconds() + " s ago, not asked again meanwhile: " + failure.detail(),
        failure.chain(), failure.stoppedAt(), failure.diagnostics(), List.of(), 0, failure.security(),
        failure.bogusReason(), failure.stoppedAtSignatures());
  }

  /** Forgets every BOGUS answer, as when the cache is emptied. */
  public void invalidateAll() {
    failures.invalidateAll();
  }
}
