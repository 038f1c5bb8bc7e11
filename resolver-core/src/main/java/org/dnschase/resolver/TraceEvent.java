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

  /**
   * The priming of {@code zone} (the root's NS set asked of the hinted servers, RFC 9609) that the
   * resolution started or joined and went on beside, still under way when the resolution ended. A
   * priming that ended before shows as its exchanges instead; this one's exchanges are not in the
   * trace, but its {@code queriesSent} queries sent so far are in the resolution's {@link
   * Resolution#upstreamQueries()}, and each resolution that joined it reports it.
   *
   * @param zone the zone being primed: the root
   * @param queriesSent how many queries the priming had sent when the resolution ended
   */
  record PrimingUnderWay(Name zone, int queriesSent) implements TraceEvent {
    @Override
    public String toString() {
      return "priming of " + zone + " still under way beside this resolution: " + queriesSent + " quer"
          + (queriesSent == 1 ? "y" : "ies") + " sent so far";
    }
  }
}
