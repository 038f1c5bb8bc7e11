package org.dnschase.resolver.cache;

import java.time.Duration;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * A cache of RRsets and negative answers keyed by (name, type, class), with TTLs, trust ranks
 * (RFC 2181 §5.4.1) and a byte budget.
 *
 * <p>Names compare case-insensitively. Every TTL read back is the remaining TTL. Data of a lower
 * {@link TrustRank} never replaces live data of a higher rank at the same (name, type, class);
 * data of an equal or higher rank replaces it, whether the old and the new entry are positive or
 * negative. An NXDOMAIN is stored once for its name and answers every type of that name for which
 * nothing else is cached. Storing data or a NODATA at a name proves that the name exists, so it
 * drops an NXDOMAIN for the name of no higher rank, and is refused while one of a higher rank is
 * live.
 *
 * <p>Implementations are thread-safe. Build one with {@link #builder()}:
 *
 * {@snippet class=org.dnschase.resolver.cache.Snippets region=cache-and-look-up}
 */
public interface RRsetCache {

  /** The TTL of stale answers by default: 30 seconds, as RFC 8767 §4 recommends. */
  Duration STALE_TTL = Duration.ofSeconds(30);

  /**
   * A builder with the defaults described on {@link RRsetCacheBuilder}.
   *
   * @return a new builder
   */
  static RRsetCacheBuilder builder() {
    return new RRsetCacheBuilder();
  }

  /**
   * The live entry for (name, type, class): the RRset, else a NODATA for the type, else an
   * NXDOMAIN for the name, else {@link CacheLookup.Miss#INSTANCE}. {@code type} {@link Type#ANY}
   * looks for an NXDOMAIN only.
   *
   * @param name an absolute name
   * @param type a dnsjava {@link Type} constant
   * @param dclass a dnsjava {@link org.xbill.DNS.DClass} constant, usually {@code DClass.IN}
   * @return a {@link CacheLookup.Hit}, a {@link CacheLookup.NegativeHit} or {@link
   *     CacheLookup.Miss#INSTANCE}
   * @throws IllegalArgumentException if the name is relative or type or class is out of range
   */
  CacheLookup lookup(Name name, int type, int dclass);

  /**
   * The entry for (name, type, class), then the NXDOMAIN for the name, that expired less than the
   * stale window ago (RFC 8767), answered with the stale answer TTL the cache was built with
   * ({@link #STALE_TTL} by default), or the TTL the data was stored with where that is shorter; {@link
   * CacheLookup.Miss#INSTANCE} when the entry is live (a {@link #lookup} answers it), gone, or
   * when the cache was built without {@link RRsetCacheBuilder#serveStale(Duration)}. Meant for a
   * resolver that could not refresh the data; counted as {@link CacheStats#staleHits()}, not as a
   * hit or miss.
   *
   * @param name an absolute name
   * @param type a dnsjava {@link Type} constant
   * @param dclass a dnsjava {@link org.xbill.DNS.DClass} constant, usually {@code DClass.IN}
   * @return a stale {@link CacheLookup.Hit} or {@link CacheLookup.NegativeHit}, or {@link
   *     CacheLookup.Miss#INSTANCE}
   * @throws IllegalArgumentException if the name is relative or type or class is out of range
   */
  CacheLookup lookupStale(Name name, int type, int dclass);

  /**
   * Tells the cache that upstream failed to refresh (name, type, class): when it was built with
   * {@link RRsetCacheBuilder#renewStaleOnFailure()}, expired data it still holds for them (the
   * entry, then the NXDOMAIN for the name) may be served stale for another stale window from now,
   * even past its first one (Unbound's {@code serve-expired-ttl-reset}), so data goes on being
   * served as long as it is asked for and upstream fails. Live data is left alone; otherwise this
   * does nothing.
   *
   * @param name an absolute name
   * @param type a dnsjava {@link Type} constant
   * @param dclass a dnsjava {@link org.xbill.DNS.DClass} constant, usually {@code DClass.IN}
   */
  void renewStale(Name name, int type, int dclass);

  /**
   * A reference to the live entry {@link #lookup} would answer from (the RRset or NODATA at
   * (name, type, class), else the NXDOMAIN for the name), or null when it would miss. For a cache
   * layered on this one, which keeps the reference and checks it later; not counted in the
   * statistics.
   *
   * @param name an absolute name
   * @param type a dnsjava {@link Type} constant
   * @param dclass a dnsjava {@link org.xbill.DNS.DClass} constant, usually {@code DClass.IN}
   * @return the reference, or null
   * @throws IllegalArgumentException if the name is relative or type or class is out of range
   */
  EntryRef entryRef(Name name, int type, int dclass);

  /**
   * The TTL limits this cache applies to what it stores: its floor, its cap and its negative cap.
   * A resolver applies the same to every TTL it hands out or keeps elsewhere, so no result
   * promises more than the cache keeps. Under {@link RRsetCacheBuilder#serveOriginalTtl()} the
   * positive floor and cap bound only how long data is kept, not the TTLs handed out: they are
   * absent here.
   *
   * @return the cache's TTL caps
   */
  TtlCaps ttlCaps();

  /**
   * The time source the cache was built with ({@link RRsetCacheBuilder#timeSource}): its expiry and
   * remaining TTLs follow its monotonic time, and a resolver built on the cache takes its time from
   * it, so the two cannot disagree.
   *
   * @return the cache's time source
   */
  TimeSource timeSource();

  /**
   * Now on the cache's time source ({@link TimeSource#nanoTime()}): the time {@link EntryRef}
   * methods take.
   *
   * @return the ticker's reading, in nanoseconds
   */
  long nowNanos();

  /**
   * Stores an RRset (with its signatures) at the given rank. Its TTL is the minimum TTL of its
   * records, raised to the minimum TTL and capped at the maximum TTL configured. A TTL of 0 as
   * received means "do not cache" (RFC 1035 §3.2.1), and a TTL with its top bit set counts as 0
   * (RFC 2181 §8); such an RRset is not stored, but it is newer than what is kept at its (name,
   * type, class) only to be served stale, and than an expired NXDOMAIN for its name: those go.
   *
   * @param rrset the RRset, with its RRSIGs if it has any
   * @param rank how far the data is trusted (RFC 2181 §5.4.1)
   * @return false when it was not stored: its TTL is 0, or live data of a higher rank is cached at
   *     its (name, type, class), or a live NXDOMAIN of a higher rank is cached for its name
   * @throws IllegalArgumentException if the RRset has no records or is of a meta type (ANY, OPT,
   *     AXFR, ...)
   */
  default boolean put(RRset rrset, TrustRank rank) {
    return put(rrset, rank, ValidationStatus.INDETERMINATE);
  }

  /**
   * Stores an RRset as {@link #put(RRset, TrustRank)} does, with the DNSSEC status it was
   * validated to, which every {@link CacheLookup.Hit} of it carries.
   *
   * @param rrset the RRset, with its RRSIGs if it has any
   * @param rank how far the data is trusted (RFC 2181 §5.4.1)
   * @param status what validation made of it
   * @return false when it was not stored, as {@link #put(RRset, TrustRank)}
   * @throws IllegalArgumentException as {@link #put(RRset, TrustRank)}
   */
  default boolean put(RRset rrset, TrustRank rank, ValidationStatus status) {
    return put(rrset, rank, status, List.of());
  }

  /**
   * Stores an RRset synthesised from a wildcard as {@link #put(RRset, TrustRank,
   * ValidationStatus)} does, with the NSEC or NSEC3 records (and their RRSIGs) that prove no
   * closer name exists, which every {@link CacheLookup.Hit} of it hands back for a client that set
   * DO (RFC 4035 §3.1.3.3). They age with the RRset.
   *
   * @param rrset the RRset, with its RRSIGs if it has any
   * @param rank how far the data is trusted (RFC 2181 §5.4.1)
   * @param status what validation made of it
   * @param proof the records that prove the expansion; empty for none
   * @return false when it was not stored, as {@link #put(RRset, TrustRank)}
   * @throws IllegalArgumentException as {@link #put(RRset, TrustRank)}
   */
  boolean put(RRset rrset, TrustRank rank, ValidationStatus status, List<Record> proof);

  /**
   * Stores that {@code name} does not exist (RFC 2308 §5). The negative TTL is {@code min(SOA
   * TTL, SOA MINIMUM)}, capped at the maximum negative TTL configured.
   *
   * @param name the name that does not exist
   * @param dclass a dnsjava {@link org.xbill.DNS.DClass} constant, usually {@code DClass.IN}
   * @param soa the SOA record of the negative answer, which sets its TTL
   * @param rank how far the answer is trusted
   * @return false when it was not stored: the negative TTL is 0, or a live NXDOMAIN of a higher
   *     rank is cached for the name
   */
  default boolean putNxDomain(Name name, int dclass, SOARecord soa, TrustRank rank) {
    return putNxDomain(name, dclass, soa, rank, ValidationStatus.INDETERMINATE);
  }

  /**
   * Stores an NXDOMAIN as {@link #putNxDomain(Name, int, SOARecord, TrustRank)} does, with the
   * DNSSEC status its proof was validated to, which every {@link CacheLookup.NegativeHit} of it
   * carries.
   *
   * @param name the name that does not exist
   * @param dclass a dnsjava {@link org.xbill.DNS.DClass} constant, usually {@code DClass.IN}
   * @param soa the SOA record of the negative answer, which sets its TTL
   * @param rank how far the answer is trusted
   * @param status what validation made of it
   * @return false when it was not stored, as {@link #putNxDomain(Name, int, SOARecord, TrustRank)}
   */
  default boolean putNxDomain(Name name, int dclass, SOARecord soa, TrustRank rank, ValidationStatus status) {
    return putNxDomain(name, dclass, soa, List.of(), rank, status);
  }

  /**
   * Stores an NXDOMAIN as {@link #putNxDomain(Name, int, SOARecord, TrustRank, ValidationStatus)}
   * does, with the DNSSEC records that prove it (the SOA's RRSIGs, the NSEC or NSEC3 records and
   * theirs), which every {@link CacheLookup.NegativeHit} of it hands back for a client that set DO
   * (RFC 4035 §3.1.3.2). They age with the negative answer.
   *
   * @param name the name that does not exist
   * @param dclass a dnsjava {@link org.xbill.DNS.DClass} constant, usually {@code DClass.IN}
   * @param soa the SOA record of the negative answer, which sets its TTL
   * @param proof the records that prove it; empty for none
   * @param rank how far the answer is trusted
   * @param status what validation made of it
   * @return false when it was not stored, as {@link #putNxDomain(Name, int, SOARecord, TrustRank)}
   */
  boolean putNxDomain(Name name, int dclass, SOARecord soa, List<Record> proof, TrustRank rank,
      ValidationStatus status);

  /**
   * Stores that {@code name} has no data of {@code type} (RFC 2308 §5), with the negative TTL of
   * {@link #putNxDomain}. A NODATA without SOA ({@code soa} null) has no TTL of its own: it is
   * kept for the configured minimum TTL, and not at all when that is 0, the default (RFC 2308 §5:
   * such answers SHOULD NOT be cached, the floor being the operator's explicit choice otherwise).
   *
   * @param name the name that has no data of the type
   * @param type a dnsjava {@link Type} constant
   * @param dclass a dnsjava {@link org.xbill.DNS.DClass} constant, usually {@code DClass.IN}
   * @param soa the SOA record of the negative answer, or null when it came without one
   * @param rank how far the answer is trusted
   * @return false when it was not stored: the negative TTL is 0, or live data of a higher rank is
   *     cached at (name, type, class), or a live NXDOMAIN of a higher rank is cached for the name
   * @throws IllegalArgumentException if {@code type} is a meta type
   */
  default boolean putNoData(Name name, int type, int dclass, SOARecord soa, TrustRank rank) {
    return putNoData(name, type, dclass, soa, rank, ValidationStatus.INDETERMINATE);
  }

  /**
   * Stores a NODATA as {@link #putNoData(Name, int, int, SOARecord, TrustRank)} does, with the
   * DNSSEC status its proof was validated to, which every {@link CacheLookup.NegativeHit} of it
   * carries.
   *
   * @param name the name that has no data of the type
   * @param type a dnsjava {@link Type} constant
   * @param dclass a dnsjava {@link org.xbill.DNS.DClass} constant, usually {@code DClass.IN}
   * @param soa the SOA record of the negative answer, or null when it came without one
   * @param rank how far the answer is trusted
   * @param status what validation made of it
   * @return false when it was not stored, as {@link #putNoData(Name, int, int, SOARecord, TrustRank)}
   * @throws IllegalArgumentException if {@code type} is a meta type
   */
  default boolean putNoData(Name name, int type, int dclass, SOARecord soa, TrustRank rank,
      ValidationStatus status) {
    return putNoData(name, type, dclass, soa, List.of(), rank, status);
  }

  /**
   * Stores a NODATA as {@link #putNoData(Name, int, int, SOARecord, TrustRank, ValidationStatus)}
   * does, with the DNSSEC records that prove it (RFC 4035 §3.1.3.1), kept as {@link
   * #putNxDomain(Name, int, SOARecord, List, TrustRank, ValidationStatus)} keeps them; a NODATA
   * without SOA keeps none.
   *
   * @param name the name that has no data of the type
   * @param type a dnsjava {@link Type} constant
   * @param dclass a dnsjava {@link org.xbill.DNS.DClass} constant, usually {@code DClass.IN}
   * @param soa the SOA record of the negative answer, or null when it came without one
   * @param proof the records that prove it; empty for none
   * @param rank how far the answer is trusted
   * @param status what validation made of it
   * @return false when it was not stored, as {@link #putNoData(Name, int, int, SOARecord, TrustRank)}
   * @throws IllegalArgumentException if {@code type} is a meta type
   */
  boolean putNoData(Name name, int type, int dclass, SOARecord soa, List<Record> proof, TrustRank rank,
      ValidationStatus status);

  /**
   * Drops the entry at (name, type, class), positive or NODATA. {@code type} {@link Type#ANY}
   * drops the NXDOMAIN for the name.
   *
   * @param name an absolute name
   * @param type a dnsjava {@link Type} constant
   * @param dclass a dnsjava {@link org.xbill.DNS.DClass} constant, usually {@code DClass.IN}
   */
  void invalidate(Name name, int type, int dclass);

  /**
   * Drops every entry at {@code name}: its RRsets and NODATA entries of every type and class, and
   * its NXDOMAIN; names below it keep theirs (an operator's {@code flush NAME}). It visits every
   * entry, so it is for rare use, not for every resolution.
   *
   * @param name an absolute name
   * @throws IllegalArgumentException if the name is relative
   */
  void invalidate(Name name);

  /**
   * Drops every negative entry, NXDOMAIN and NODATA alike, and keeps the data (an operator's
   * {@code flush_negative}, after fixing a name that was missing). It visits every entry.
   */
  void invalidateNegative();

  /**
   * Drops every entry, then runs each {@linkplain #addInvalidationListener invalidation listener}
   * on the calling thread, so that what was built on the entries goes with them.
   */
  void invalidateAll();

  /**
   * Runs {@code listener} at the end of every {@link #invalidateAll()} until it is removed: a
   * store layered on this cache (a resolver's resolution cache and what it keeps beside it)
   * empties itself there, so nothing learnt from the dropped entries outlives them. Adding the
   * same listener twice keeps one.
   *
   * @param listener what to run after every {@link #invalidateAll()}
   */
  void addInvalidationListener(Runnable listener);

  /**
   * Stops running {@code listener} on {@link #invalidateAll()}; nothing happens if it was not added.
   *
   * @param listener a listener given to {@link #addInvalidationListener}
   */
  void removeInvalidationListener(Runnable listener);

  /**
   * The byte budget the cache was built with ({@link RRsetCacheBuilder#maximumBytes}): layers built
   * on this cache size their own bounds as shares of it.
   *
   * @return the budget in bytes
   */
  long maximumBytes();

  /**
   * Performs pending maintenance now: drops expired entries and evicts down to the byte budget.
   * Maintenance also runs by itself on the configured executor; this is mostly for tests.
   */
  void cleanUp();

  /**
   * A snapshot of the counters and sizes; see {@link CacheStats}.
   *
   * @return the statistics now; all counters are 0 unless the cache was built with {@link
   *     RRsetCacheBuilder#recordStats()}
   */
  CacheStats stats();
}
