package org.dnschase.resolver.cache;

import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/**
 * What {@link RRsetCache#lookup} found: an RRset, a cached negative answer, or nothing.
 *
 * <p>Every TTL handed out is the <em>remaining</em> time to live at the moment of the lookup, in
 * whole seconds rounded down, so it may be 0 during an entry's last second.
 */
public sealed interface CacheLookup {

  /**
   * An entry is due for prefetch in the last 1/10 of its stored TTL, the share Unbound's {@code
   * prefetch} uses: remaining × 10 ≤ stored.
   */
  int PREFETCH_DUE_DIVISOR = 10;

  /**
   * A live RRset, or from {@link RRsetCache#lookupStale} an expired one.
   *
   * @param rrset a fresh copy owned by the caller; its records (and signatures) carry the
   *     remaining TTL, or {@link RRsetCache#STALE_TTL} when stale. Changing it does not change the
   *     cache.
   * @param rank the rank the RRset was stored at
   * @param storedTtl the TTL in seconds the RRset was stored with, after the cache's caps: with
   *     the remaining TTL it tells how far the entry has aged
   * @param status the DNSSEC status it was stored with
   * @param proof for an RRset synthesised from a wildcard, the NSEC or NSEC3 records (and their
   *     RRSIGs) stored with it, carrying its remaining TTL; empty otherwise
   */
  record Hit(RRset rrset, TrustRank rank, long storedTtl, ValidationStatus status, List<Record> proof)
      implements CacheLookup {
    /** Checks the components: none null, the stored TTL not negative. */
    public Hit {
      Objects.requireNonNull(rrset, "rrset");
      Objects.requireNonNull(rank, "rank");
      Objects.requireNonNull(status, "status");
      if (storedTtl < 0) {
        throw new IllegalArgumentException("storedTtl must not be negative but was " + storedTtl);
      }
      proof = List.copyOf(proof);
    }

    /**
     * An RRset stored without a proof.
     *
     * @param rrset a fresh copy owned by the caller
     * @param rank the rank the RRset was stored at
     * @param storedTtl the TTL in seconds the RRset was stored with
     * @param status the DNSSEC status it was stored with
     */
    public Hit(RRset rrset, TrustRank rank, long storedTtl, ValidationStatus status) {
      this(rrset, rank, storedTtl, status, List.of());
    }

    /**
     * Whether the entry is in the last tenth ({@link #PREFETCH_DUE_DIVISOR}) of its stored TTL, when a resolver that prefetches
     * refreshes it in the background so popular names do not go cold (Unbound's {@code
     * prefetch}, which uses the same share).
     *
     * @return true when the remaining TTL is at most a tenth of the stored TTL
     */
    public boolean prefetchDue() {
      return rrset.getTTL() * PREFETCH_DUE_DIVISOR <= storedTtl;
    }
  }

  /**
   * A live negative answer (RFC 2308).
   *
   * @param kind {@link Kind#NXDOMAIN} (the name does not exist: it answers every type) or {@link
   *     Kind#NODATA} (the name exists, but has no data of the type asked for)
   * @param name the name the negative answer was stored for
   * @param soa the SOA record that came with the negative answer; its TTL is the remaining
   *     negative TTL, its MINIMUM field is as received. Null for a NODATA that came without one
   *     (see {@link RRsetCache#putNoData})
   * @param ttl the remaining negative TTL, in seconds
   * @param rank the rank the negative answer was stored at
   * @param status the DNSSEC status it was stored with
   * @param proof the DNSSEC records stored with it (the SOA's RRSIGs, the NSEC or NSEC3 records
   *     and theirs), carrying the remaining negative TTL; empty when none were
   */
  record NegativeHit(Kind kind, Name name, SOARecord soa, long ttl, TrustRank rank, ValidationStatus status,
      List<Record> proof) implements CacheLookup {
    /** Checks that kind, name, rank and status are given; the SOA may be null. */
    public NegativeHit {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(rank, "rank");
      Objects.requireNonNull(status, "status");
      proof = List.copyOf(proof);
    }

    /**
     * A negative answer stored without DNSSEC records.
     *
     * @param kind NXDOMAIN or NODATA
     * @param name the name the negative answer was stored for
     * @param soa the SOA record that came with it, or null
     * @param ttl the remaining negative TTL, in seconds
     * @param rank the rank the negative answer was stored at
     * @param status the DNSSEC status it was stored with
     */
    public NegativeHit(Kind kind, Name name, SOARecord soa, long ttl, TrustRank rank, ValidationStatus status) {
      this(kind, name, soa, ttl, rank, status, List.of());
    }

    /** The two kinds of negative answer of RFC 2308 §1 and §2. */
    public enum Kind {
      /** Name Error (RCODE 3): the name does not exist, for any type. */
      NXDOMAIN,
      /** NOERROR with no data of the type asked for at an existing name. */
      NODATA
    }
  }

  /** Nothing live is cached for the question. */
  enum Miss implements CacheLookup {
    /** The one miss. */
    INSTANCE
  }
}
