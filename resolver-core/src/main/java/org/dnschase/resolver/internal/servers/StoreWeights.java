package org.dnschase.resolver.internal.servers;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Weigher;
import org.xbill.DNS.Name;

/**
 * How the stores a resolver keeps beside its caches (parent-side glue, server state, cyclic
 * failures) are bounded: each is a Caffeine cache weighed in estimated heap bytes against its
 * share of the RRset cache's byte budget, so that the budget bounds everything the resolver keeps,
 * whatever a hostile or merely large hierarchy feeds it. The sizes are those of a 64-bit JVM with
 * compressed pointers, as in the RRset cache's weigher.
 */
public final class StoreWeights {

  /** Caffeine's node, its hash-map node and slot, and its share of the frequency sketch. */
  static final int NODE_BYTES = 112;
  /** A {@code Name} object and its array's header; plus its wire length. */
  static final int NAME_BYTES = 48;
  /** An IPv6 address: the object, its two holders and its array (an IPv4 one is half of it). */
  static final int ADDRESS_BYTES = 96;
  /** A small record or boxed value held as a map value. */
  static final int VALUE_BYTES = 24;

  private StoreWeights() {}

  static long nameBytes(Name name) {
    return NAME_BYTES + name.length();
  }

  /**
   * A Caffeine builder bounded at {@code maximumBytes} by {@code weigher}, with maintenance on the
   * writing thread, as the RRset cache's: no pool thread is woken for a few steps of work.
   */
  static <K, V> Caffeine<K, V> bounded(long maximumBytes, Weigher<K, V> weigher) {
    return Caffeine.newBuilder().maximumWeight(maximumBytes).weigher(weigher).executor(Runnable::run);
  }

  /** A weight in Caffeine's int range. */
  static int weight(long bytes) {
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }
}
