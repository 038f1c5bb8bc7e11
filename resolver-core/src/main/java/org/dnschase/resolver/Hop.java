package org.dnschase.resolver;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;

/**
 * One redirection of a chain: a CNAME at {@code owner}, or a DNAME above it, that sent the
 * resolution on to {@code target}.
 *
 * @param owner the name that was redirected (for a DNAME hop, the name the CNAME was synthesised for)
 * @param kind whether a CNAME record or a DNAME record caused the redirection
 * @param target the name the resolution continued at
 * @param ttl the TTL of the record that caused the hop, as it was when used
 * @param zone the zone the record belongs to, as far as the resolver knows its zone cuts
 * @param source where the record came from: the cache or an upstream server
 * @param record the record that caused the hop, with the TTL it had when used: the CNAME, the
 *     DNAME (whose owner is an ancestor of {@code owner}), or the HTTPS/SVCB AliasMode record
 * @param signatures the RRSIGs that came with {@code record}'s RRset, with the TTL it had when
 *     used, which a server passes on to a client that set DO (RFC 4035 §3.2.1); empty when it was
 *     unsigned. For a DNAME hop they are the DNAME's: the CNAME synthesised from it is never
 *     signed (RFC 6672 §5.3.1, RFC 4035 §3.2.1)
 */
public record Hop(Name owner, Kind kind, Name target, Duration ttl, Name zone, Source source, Record record,
    List<RRSIGRecord> signatures) {

  /** The record type that caused a hop. */
  public enum Kind {
    /** A CNAME at the owner (RFC 1034 §3.6.2). */
    CNAME,
    /** A DNAME above the owner, rewriting it (RFC 6672). */
    DNAME,
    /** An HTTPS or SVCB record in AliasMode, priority 0 (RFC 9460 §2.4.2). */
    SERVICE_ALIAS
  }

  /** Where the record behind a hop came from. */
  public sealed interface Source {
    /** The record was already in the cache. */
    record Cache() implements Source {
      @Override
      public String toString() {
        return "cache";
      }
    }

    /**
     * The record arrived in a reply from this server.
     *
     * @param address the server's address and port
     */
    record Server(InetSocketAddress address) implements Source {
      /** Checks that the address is given. */
      public Server {
        Objects.requireNonNull(address, "address");
      }

      @Override
      public String toString() {
        return address.getAddress().getHostAddress() + "#" + address.getPort();
      }
    }

    /** The cache as a source; one instance suffices. */
    Source CACHE = new Cache();
  }

  /** Checks that every component is given; copies the signatures, so the hop cannot change. */
  public Hop {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(ttl, "ttl");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(record, "record");
    signatures = List.copyOf(signatures);
  }

  /**
   * A hop whose record came without signatures.
   *
   * @param owner the name that was redirected
   * @param kind whether a CNAME record or a DNAME record caused the redirection
   * @param target the name the resolution continued at
   * @param ttl the TTL of the record that caused the hop, as it was when used
   * @param zone the zone the record belongs to
   * @param source where the record came from
   * @param record the record that caused the hop
   */
  public Hop(Name owner, Kind kind, Name target, Duration ttl, Name zone, Source source, Record record) {
    this(owner, kind, target, ttl, zone, source, record, List.of());
  }

  /**
   * Whether the record behind this hop was served from the cache.
   *
   * @return true when the hop's record came from the cache
   */
  public boolean fromCache() {
    return source instanceof Source.Cache;
  }
}
