package org.dnschase.resolver;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * One step of a resolution's trace, recorded when the resolver was built with
 * {@link ResolverBuilder#recordTrace(boolean)}.
 */
public sealed interface TraceEvent {

  /**
   * An answer taken from the cache.
   *
   * @param name the name looked up
   * @param type the type looked up (a dnsjava {@link Type} constant)
   * @param what what the cache answered, in words
   */
  record CacheHit(Name name, int type, String what) implements TraceEvent {
    @Override
    public String toString() {
      return "cache " + name + " " + Type.string(type) + ": " + what;
    }
  }

  /**
   * One upstream query and what became of it.
   *
   * @param server the server asked
   * @param zone the zone the server was asked as an authority for
   * @param name the query name
   * @param type the query type
   * @param outcome how the reply was classified (answer, referral, NXDOMAIN, timeout, ...)
   * @param rtt the time from sending to the reply, or to giving up
   */
  record Exchange(InetSocketAddress server, Name zone, Name name, int type, String outcome, Duration rtt)
      implements TraceEvent {
    @Override
    public String toString() {
      return String.format("%s %s @%s (zone %s): %s in %.1f ms", name, Type.string(type),
          server.getAddress().getHostAddress(), zone, outcome, rtt.toNanos() / 1e6);
    }
  }
}
