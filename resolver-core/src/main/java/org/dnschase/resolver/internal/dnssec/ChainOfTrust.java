package org.dnschase.resolver.internal.dnssec;

import java.util.function.Function;
import java.util.function.Predicate;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Plans the walk down a chain of trust (RFC 4035 §5): from the closest trust anchor above a zone,
 * through each zone cut on the way, DS then DNSKEY, to the zone's own keys. Each call says what is
 * known of the zone, or the one RRset to fetch next; the caller fetches it, records what it
 * proved in the {@link KeyStore}, and asks again. Zones below a negative trust anchor, or under a
 * forward or stub zone only the IANA root's anchor is above, are INSECURE.
 */
public final class ChainOfTrust {

  /** What the chain needs for a zone. */
  public sealed interface Need {
    /** The zone's keys are known, or known not to be trusted. */
    record Known(KeyEntry entry) implements Need {}

    /** The RRset ({@code name}, {@code type}) is to be fetched first: a DS at a cut, or a zone's DNSKEYs. */
    record Fetch(Name name, int type) implements Need {}
  }

  private final KeyStore store;
  /** Whether a name is a zone cut the resolver knows of (it holds the name's NS set). */
  private final Predicate<Name> knownCut;
  /** The forward or stub zone a name lies under, or null. */
  private final Function<Name, Name> configuredZone;

  /**
   * @param knownCut whether a name is a zone cut the resolver knows of
   * @param configuredZone the forward or stub zone a name lies under, or null for none
   */
  public ChainOfTrust(KeyStore store, Predicate<Name> knownCut, Function<Name, Name> configuredZone) {
    this.store = store;
    this.knownCut = knownCut;
    this.configuredZone = configuredZone;
  }

  /** What is known of the keys of {@code zone}, or what to fetch on the way to them. */
  public Need keysFor(Name zone) {
    TrustAnchors anchors = store.anchors();
    TrustAnchors.Anchor anchor = anchors.closest(zone);
    if (anchor == null) {
      return new Need.Known(new KeyEntry.Untrusted(zone, Verdict.INDETERMINATE));
    }
    if (anchors.negativelyAnchored(zone, anchor) || privateZone(zone, anchor)) {
      return new Need.Known(new KeyEntry.Untrusted(zone, Verdict.INSECURE));
    }
    Name at = zone;
    KeyEntry known = store.lookup(at);
    while (known == null) {
      at = new Name(at, 1); // the anchor's entry is always there, so this stops at it
      known = store.lookup(at);
    }
    return switch (known) {
      case KeyEntry.Untrusted untrusted -> new Need.Known(untrusted);
      case KeyEntry.TrustedDs trusted -> new Need.Fetch(trusted.zone(), Type.DNSKEY);
      case KeyEntry.Keys keys -> keys.zone().equals(zone) ? new Need.Known(keys)
          : new Need.Fetch(nextCut(keys.zone(), zone), Type.DS);
    };
  }

  /**
   * Whether {@code zone} lies under a forward or stub zone whose closest trust anchor is the IANA
   * root's, outside it (Unbound's {@code domain-insecure}): split DNS, such as {@code
   * cluster.local} sent to the system's name servers, is private data the public chain of trust
   * cannot vouch for. An anchor the caller configured covers the forward or stub zones below it,
   * whose chain of trust runs down from it by the DS records of their parents (as Unbound
   * validates them): the caller said those zones are signed from there.
   */
  private boolean privateZone(Name zone, TrustAnchors.Anchor anchor) {
    Name configured = configuredZone.apply(zone);
    return configured != null && !anchor.zone().subdomain(configured) && anchor.ianaRoot();
  }

  /** The highest known zone cut strictly below {@code above} on the way to {@code zone}, else {@code zone}. */
  private Name nextCut(Name above, Name zone) {
    for (int strip = zone.labels() - above.labels() - 1; strip > 0; strip--) {
      Name candidate = new Name(zone, strip);
      if (knownCut.test(candidate)) {
        return candidate;
      }
    }
    return zone;
  }
}
