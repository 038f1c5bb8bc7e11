package org.dnschase.resolver;

import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import org.dnschase.resolver.cache.CacheStats;
import org.dnschase.resolver.host.AddressOrder;
import org.dnschase.resolver.host.Flattening;
import org.dnschase.resolver.host.HostAddresses;
import org.dnschase.resolver.internal.iterate.Questions;
import org.dnschase.resolver.metrics.MetricsSnapshot;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * An iterative, caching DNS resolver: it walks delegations from the root hints, follows CNAME
 * chains with a hop limit and loop detection, and keeps what it learns in its cache.
 *
 * <p>A resolver is thread-safe and meant to live long; {@link #close()} frees its sockets and
 * threads. Build one with {@link #builder()}:
 *
 * {@snippet class=org.dnschase.resolver.Snippets region=resolve}
 */
public interface Resolver extends AutoCloseable {

  /**
   * A builder with the defaults: the IANA root hints, a default cache, {@link Budgets#DEFAULTS}.
   *
   * @return a new builder
   */
  static ResolverBuilder builder() {
    return new ResolverBuilder();
  }

  /**
   * Resolves {@code name} for records of {@code type}, without blocking. The arguments are checked
   * before any work. The outcome names the question as this caller spelt it, even when it shared
   * the resolution with a caller who spelt the name in another case.
   *
   * @param name the name to resolve, absolute
   * @param type a dnsjava {@link org.xbill.DNS.Type} constant: a data type (1..127, 256..65535
   *     as RFC 6895 §3.1 numbers them) or {@link Type#ANY}
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if the name is not absolute, or the type is outside
   *     0..65535, reserved (0), OPT, or a meta or transfer type other than ANY (AXFR,
   *     IXFR, TSIG, TKEY, MAILA, MAILB, ...)
   * @return a future that always completes normally with the outcome; it completes exceptionally
   *     only when the caller cancels it
   */
  default CompletableFuture<Resolution> resolveAsync(Name name, int type) {
    return resolveAsync(name, type, QueryOptions.DEFAULTS);
  }

  /**
   * Like {@link #resolveAsync(Name, int)}, with options for this question alone: answered only
   * from the cache, checking disabled, DNSSEC records wanted, traced or not. Questions with other
   * options never share one resolution.
   *
   * @param name the name to resolve, absolute
   * @param type a dnsjava {@link Type} constant, as {@link #resolveAsync(Name, int)} takes it
   * @param options this question's options
   * @return a future that always completes normally with the outcome, unless cancelled
   * @throws NullPointerException if {@code name} or {@code options} is null
   * @throws IllegalArgumentException as {@link #resolveAsync(Name, int)}
   */
  CompletableFuture<Resolution> resolveAsync(Name name, int type, QueryOptions options);

  /**
   * Like {@link #resolveAsync(Name, int)}, with the name in presentation format. A name without
   * the trailing dot is tried with the search list given to the builder, as the C library's
   * res_search tries it whatever the type (see {@link ResolverBuilder#searchList}): the first
   * candidate with an answer wins, else the first outcome that was not NXDOMAIN, else the last.
   * Without a search list it is taken as absolute. Presentation format is printable ASCII with
   * other octets written {@code \DDD} (RFC 1035 §5.1): an internationalised name is given by its
   * A-labels ({@code xn--}, RFC 5890), and text with other characters is malformed.
   *
   * @param name the name to resolve, in presentation format
   * @param type a dnsjava {@link Type} constant, as {@link #resolveAsync(Name, int)} takes it
   * @return a future that always completes normally with the outcome, unless cancelled
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if the name is empty or malformed, with the reason, or the
   *     type is one {@link #resolveAsync(Name, int)} refuses
   */
  default CompletableFuture<Resolution> resolveAsync(String name, int type) {
    return resolveAsync(name, type, QueryOptions.DEFAULTS);
  }

  /**
   * Like {@link #resolveAsync(Name, int, QueryOptions)}, with the name in presentation format.
   *
   * @param name the name to resolve, in presentation format
   * @param type a dnsjava {@link Type} constant, as {@link #resolveAsync(Name, int)} takes it
   * @param options this question's options
   * @return a future that always completes normally with the outcome, unless cancelled
   * @throws NullPointerException if {@code name} or {@code options} is null
   * @throws IllegalArgumentException as {@link #resolveAsync(String, int)}
   */
  CompletableFuture<Resolution> resolveAsync(String name, int type, QueryOptions options);

  /**
   * Resolves and waits for the outcome; see {@link #resolveAsync(Name, int)}.
   *
   * @param name the name to resolve, absolute
   * @param type a dnsjava {@link Type} constant, as {@link #resolveAsync(Name, int)} takes it
   * @return the outcome
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException as {@link #resolveAsync(Name, int)}
   */
  default Resolution resolve(Name name, int type) {
    return resolve(name, type, QueryOptions.DEFAULTS);
  }

  /**
   * Resolves with options and waits; see {@link #resolveAsync(Name, int, QueryOptions)}.
   *
   * @param name the name to resolve, absolute
   * @param type a dnsjava {@link Type} constant, as {@link #resolveAsync(Name, int)} takes it
   * @param options this question's options
   * @return the outcome
   * @throws NullPointerException if {@code name} or {@code options} is null
   * @throws IllegalArgumentException as {@link #resolveAsync(Name, int)}
   */
  default Resolution resolve(Name name, int type, QueryOptions options) {
    return resolveAsync(name, type, options).join();
  }

  /**
   * Resolves and waits for the outcome; see {@link #resolveAsync(String, int)}.
   *
   * @param name the name to resolve, in presentation format
   * @param type a dnsjava {@link Type} constant, as {@link #resolveAsync(Name, int)} takes it
   * @return the outcome
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException as {@link #resolveAsync(String, int)}
   */
  default Resolution resolve(String name, int type) {
    return resolve(name, type, QueryOptions.DEFAULTS);
  }

  /**
   * Resolves with options and waits; see {@link #resolveAsync(String, int, QueryOptions)}.
   *
   * @param name the name to resolve, in presentation format
   * @param type a dnsjava {@link Type} constant, as {@link #resolveAsync(Name, int)} takes it
   * @param options this question's options
   * @return the outcome
   * @throws NullPointerException if {@code name} or {@code options} is null
   * @throws IllegalArgumentException as {@link #resolveAsync(String, int)}
   */
  default Resolution resolve(String name, int type, QueryOptions options) {
    return resolveAsync(name, type, options).join();
  }

  /**
   * The addresses of a host name given as text, for connecting to it: A and AAAA (as {@code order}
   * asks) resolved at once, each with its chain, in one result. A hosts file given to the builder
   * is consulted first; a search list given to the builder applies to a name without a trailing
   * dot (otherwise such a name is taken as absolute).
   *
   * @param name the host name, in presentation format
   * @param order which families to ask for, and which comes first
   * @return a future that completes normally with the addresses (possibly none, with the
   *     outcomes saying why), unless cancelled
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the name is empty or malformed, with the reason
   */
  CompletableFuture<HostAddresses> resolveAddressesAsync(String name, AddressOrder order);

  /**
   * The addresses of an absolute name, as {@link #resolveAddressesAsync(String, AddressOrder)}
   * finds them, without the search list.
   *
   * @param name the host name, absolute
   * @param order which families to ask for, and which comes first
   * @return a future that completes normally with the addresses, unless cancelled
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the name is not absolute
   */
  CompletableFuture<HostAddresses> resolveAddressesAsync(Name name, AddressOrder order);

  /**
   * Finds the addresses and waits; see {@link #resolveAddressesAsync(String, AddressOrder)}.
   *
   * @param name the host name, in presentation format
   * @param order which families to ask for, and which comes first
   * @return the addresses
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the name is empty or malformed, with the reason
   */
  default HostAddresses resolveAddresses(String name, AddressOrder order) {
    return resolveAddressesAsync(name, order).join();
  }

  /**
   * The name of an address: its PTR records under in-addr.arpa (IPv4) or ip6.arpa (IPv6), or its
   * name in the hosts file given to the builder, which is consulted first (then as a PTR answer
   * with TTL 0).
   *
   * @param address the address
   * @return a future that completes normally with the PTR outcome, unless cancelled
   * @throws NullPointerException if {@code address} is null
   */
  CompletableFuture<Resolution> resolveReverseAsync(InetAddress address);

  /**
   * Finds the name of an address and waits; see {@link #resolveReverseAsync(InetAddress)}.
   *
   * @param address the address
   * @return the PTR outcome
   * @throws NullPointerException if {@code address} is null
   */
  default Resolution resolveReverse(InetAddress address) {
    return resolveReverseAsync(address).join();
  }

  /**
   * Finds the addresses of {@code name} as {@link #resolveAddressesAsync(Name, AddressOrder)}
   * does, IPv4 first, and flattens them: the addresses the alias chain leads to, re-owned at
   * {@code name} with the minimum TTL (see {@link Flattening}).
   *
   * @param name the alias, absolute
   * @return a future that completes normally with the flattened answer, unless cancelled
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if the name is not absolute
   */
  default CompletableFuture<Flattening> flattenAsync(Name name) {
    return resolveAddressesAsync(name, AddressOrder.IPV4_FIRST).thenApply(Flattening::of);
  }

  /**
   * Flattens and waits; see {@link #flattenAsync(Name)}.
   *
   * @param name the alias, absolute
   * @return the flattened answer
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if the name is not absolute
   */
  default Flattening flatten(Name name) {
    return flattenAsync(name).join();
  }

  /**
   * What the cache is doing: hits, misses, negative hits, stale answers served, evictions and
   * expirations as the cache counts them, and the prefetches this resolver started. The default
   * cache keeps these counters; a cache given to the builder keeps them only when it was built
   * with {@code recordStats()} (the prefetches are counted either way). With a cache shared by
   * several resolvers, all but the prefetches are the whole cache's.
   *
   * @return a snapshot of the counters
   */
  CacheStats cacheStats();

  /**
   * What this resolver has counted since it was built: questions, cache hits and misses, upstream
   * queries by transport, timeouts and retries, outcomes by kind and response code, resolutions
   * in flight, a histogram of resolution times, and the sizes of its caches. {@link
   * org.dnschase.resolver.metrics.UnboundStats} names them as {@code unbound-control stats} does.
   * All zero for a resolver built with {@link ResolverBuilder#recordMetrics recordMetrics(false)},
   * the cache sizes aside.
   *
   * @return a snapshot of the counters
   */
  MetricsSnapshot metrics();

  /**
   * Forgets everything learnt, so that the next question starts as cold as on a fresh resolver:
   * empties the cache (for every resolver sharing it) and what a resolver keeps beside it, namely
   * finished resolutions, parent-side glue, server round-trip times and EDNS and lameness marks,
   * and remembered dependency cycles. The cache's own {@code invalidateAll()} does the same for
   * each resolver built on it. Resolutions under way go on and keep what they learn from then on.
   *
   * <p>Everything listed is bounded by the cache's byte budget ({@code maximumBytes}): the cache
   * holds up to the budget, finished resolutions a quarter of it, parent-side glue and server
   * state a sixteenth each and dependency cycles a sixty-fourth, so a resolver keeps at most about
   * 1.4 times the budget between resolutions (measured: 1.0 to 1.3 times with a 1 MiB budget,
   * whatever the shape of the data).
   */
  void invalidateAll();

  /**
   * Forgets what is cached at {@code name}: its data and negative answers of every type (an
   * operator's {@code flush NAME}), for every resolver sharing the cache. Finished resolutions
   * built on them go too, chains passing through the name included; names below it, delegations
   * and server state stay.
   *
   * @param name an absolute name
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if the name is relative
   */
  void invalidate(Name name);

  /**
   * Like {@link #invalidate(Name)}, with the name in presentation format as {@link
   * #resolveAsync(String, int)} takes it, under the same rules (printable ASCII, other octets
   * {@code \DDD}, an internationalised name by its A-labels), except that a name without the
   * trailing dot is taken as absolute, never searched: a flush names one name.
   *
   * @param name the name to forget, in presentation format
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if the name is empty or malformed, with the reason; nothing is
   *     forgotten then
   */
  default void invalidate(String name) {
    invalidate(Questions.name(name));
  }

  /**
   * Forgets every cached negative answer, NXDOMAIN and NODATA alike, and the finished resolutions
   * built on them (an operator's {@code flush_negative}, once a missing name has been added); the
   * data stays.
   */
  void invalidateNegative();

  /**
   * Stops the resolver: resolutions still running end as {@link FailureReason#CLOSED}, sockets are
   * closed and the resolver's own threads have ended when this returns.
   */
  @Override
  void close();

  /**
   * The options of one question, an immutable value: start from {@link #DEFAULTS} and change one
   * option at a time, each by its own name, so no two can be swapped. Options that change the
   * answer keep questions apart: two questions share one resolution only when their options are
   * equal.
   *
   * {@snippet class=org.dnschase.resolver.Snippets region=query-options}
   */
  final class QueryOptions {

    /** Every option off; tracing as the resolver was built. */
    public static final QueryOptions DEFAULTS = new QueryOptions(false, false, false, Trace.RESOLVER_DEFAULT);

    /** Whether a question records its trace. */
    public enum Trace {
      /** As the resolver was built ({@link ResolverBuilder#recordTrace(boolean)}). */
      RESOLVER_DEFAULT,
      /** This question records its trace. */
      ON,
      /** This question records no trace. */
      OFF
    }

    private final boolean cacheOnly;
    private final boolean checkingDisabled;
    private final boolean dnssecOk;
    private final Trace trace;

    private QueryOptions(boolean cacheOnly, boolean checkingDisabled, boolean dnssecOk, Trace trace) {
      this.cacheOnly = cacheOnly;
      this.checkingDisabled = checkingDisabled;
      this.dnssecOk = dnssecOk;
      this.trace = trace;
    }

    /**
     * Whether the question is answered from the cache alone, nothing sent upstream (a DNS server's
     * answer to a query with RD=0): what the cache cannot answer ends as a {@link
     * Resolution.Failure} with {@link FailureReason#NOT_CACHED} and the part of the chain the cache
     * held.
     *
     * @return true when answered from the cache alone
     */
    public boolean cacheOnly() {
      return cacheOnly;
    }

    /**
     * Whether the client does its own validation (the CD bit, RFC 4035 §3.2.2): data a validating
     * resolver finds BOGUS comes back marked {@link Security#BOGUS} instead of ending as
     * a {@link FailureReason#DNSSEC_BOGUS} failure.
     *
     * @return true when checking is disabled
     */
    public boolean checkingDisabled() {
      return checkingDisabled;
    }

    /**
     * Whether the client wants DNSSEC records in the answer (the DO bit, RFC 3225), as a server in
     * front of the resolver passes it on.
     *
     * @return true when DNSSEC records are wanted
     */
    public boolean dnssecOk() {
      return dnssecOk;
    }

    /**
     * Whether this question records its {@link Resolution#trace() trace}; {@link
     * Trace#RESOLVER_DEFAULT} follows {@link ResolverBuilder#recordTrace(boolean)}.
     *
     * @return the trace option
     */
    public Trace trace() {
      return trace;
    }

    /**
     * A copy answered from the cache alone, or not.
     *
     * @param only whether to answer from the cache alone
     * @return the copy
     */
    public QueryOptions withCacheOnly(boolean only) {
      return new QueryOptions(only, checkingDisabled, dnssecOk, trace);
    }

    /**
     * A copy with checking disabled (CD) set or not.
     *
     * @param disabled whether the client checks for itself
     * @return the copy
     */
    public QueryOptions withCheckingDisabled(boolean disabled) {
      return new QueryOptions(cacheOnly, disabled, dnssecOk, trace);
    }

    /**
     * A copy with DNSSEC records wanted (DO) or not.
     *
     * @param wanted whether the client wants DNSSEC records
     * @return the copy
     */
    public QueryOptions withDnssecOk(boolean wanted) {
      return new QueryOptions(cacheOnly, checkingDisabled, wanted, trace);
    }

    /**
     * A copy that records its trace or not, whatever the resolver was built with.
     *
     * @param record whether this question records its trace
     * @return the copy
     */
    public QueryOptions withTrace(boolean record) {
      return new QueryOptions(cacheOnly, checkingDisabled, dnssecOk, record ? Trace.ON : Trace.OFF);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof QueryOptions that && cacheOnly == that.cacheOnly
          && checkingDisabled == that.checkingDisabled && dnssecOk == that.dnssecOk && trace == that.trace;
    }

    @Override
    public int hashCode() {
      // no varargs array: questions are hashed on the path of a cached answer
      return ((cacheOnly ? 1 : 0) | (checkingDisabled ? 2 : 0) | (dnssecOk ? 4 : 0)) * 31 + trace.ordinal();
    }

    @Override
    public String toString() {
      return "QueryOptions[cacheOnly=" + cacheOnly + ", checkingDisabled=" + checkingDisabled + ", dnssecOk="
          + dnssecOk + ", trace=" + trace + "]";
    }
  }
}
