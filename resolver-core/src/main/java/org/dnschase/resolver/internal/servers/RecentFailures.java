package org.dnschase.resolver.internal.servers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.List;
import java.util.Optional;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.internal.message.NameAndType;
import org.xbill.DNS.Name;

/**
 * Questions whose resolution failed a moment ago, remembered for {@link Defaults#FAILURE_TTL} and
 * shared by every query of one resolver (RFC 9520 §3.2: resolution failures are cached), so that a
 * storm of clients asking for a name whose servers fail, or whose name servers depend on
 * themselves (tsuNAME), does not become a storm of upstream queries. Within that time a question
 * is answered stale, if it can be, without a refresh (RFC 8767 §4's failure recheck), and fails
 * again otherwise.
 */
public final class RecentFailures {

  /**
   * The store may hold 1/64 of the RRset cache's byte budget: failures live only 5 s; the default
   * budget keeps some 1,500 of them with their descriptions.
   */
  public static final int BUDGET_SHARE = 64;

  /** Why a question failed, and the failure's detail. */
  public record Failure(FailureReason reason, String detail) {}

  private final Cache<NameAndType, Failure> failures;

  public RecentFailures(Ticker ticker, long maximumBytes) {
    this.failures = StoreWeights.<NameAndType, Failure>bounded(maximumBytes, (key, failure) -> StoreWeights.weight(
            StoreWeights.NODE_BYTES + StoreWeights.VALUE_BYTES + StoreWeights.nameBytes(key.name())
                + 2 * StoreWeights.VALUE_BYTES + 2L * failure.detail().length()))
        .ticker(ticker)
        .expireAfterWrite(Defaults.FAILURE_TTL)
        .build();
  }

  /** Remembers that each of {@code names} (type {@code type}) failed for {@code reason}. */
  public void remember(List<Name> names, int type, FailureReason reason, String detail) {
    Failure failure = new Failure(reason, detail);
    for (Name name : names) {
      failures.put(new NameAndType(name, type), failure);
    }
  }

  /** How (name, type) failed, while that failure is still live. */
  public Optional<Failure> recent(Name name, int type) {
    return Optional.ofNullable(failures.getIfPresent(new NameAndType(name, type)));
  }

  /** The cycle a look-up of (name, type) ran into, while that failure is still live. */
  public Optional<String> cycleFor(Name name, int type) {
    return recent(name, type).filter(failure -> failure.reason() == FailureReason.CYCLIC_DEPENDENCY)
        .map(Failure::detail);
  }

  /** Forgets every failure. */
  public void invalidateAll() {
    failures.invalidateAll();
  }
}
