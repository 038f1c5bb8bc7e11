package org.dnschase.resolver.internal.dnssec;

import java.util.function.Function;
import java.util.function.Predicate;
import org.dnschase.resolver.BogusReason;
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
    return keysFor(zone, name -> false);
  }

  /**
   * {@link #keysFor(Name)}, knowing which names are no zone cut.
   *
   * @param notCut whether a name was proven to be no zone cut (its parent's NSEC or NSEC3 denies
   *     its DS and lists no NS): a signer there is no zone, whose keys cannot be had
   */
  public Need keysFor(Name zone, Predicate<Name> notCut) {
    Need need = keysOn(zone, false, notCut);
    if (need instanceof Need.Fetch fetch && fetch.type() == Type.DS && notCut.test(fetch.name())) {
      return new Need.Known(new KeyEntry.Untrusted(zone, Verdict.bogus(BogusReason.KEYS_UNAVAILABLE,
          "the signer " + zone + " is no zone: no zone cut at " + fetch.name())));
    }
    return need;
  }

  /**
   * What judges an RRset at {@code name} that has no signature (RFC 4035 §5.2, §4.3): the keys of
   * the closest zone above it, found by walking the DS records down from the closest known keys
   * one label at a time (as Unbound's validator does), past the names proven to be no zone cut
   * ({@code notCut}), since the cut that makes it insecure may be one the resolver never saw. A
   * DS proven absent on the way makes it INSECURE; reaching {@code name} with the keys of a zone
   * above gives those keys, which find it BOGUS for want of a signature.
   */
  public Need keysOver(Name name, Predicate<Name> notCut) {
    return keysOn(name, true, notCut);
  }

  private Need keysOn(Name zone, boolean labelByLabel, Predicate<Name> notCut) {
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
      case KeyEntry.Keys keys when keys.zone().equals(zone) -> new Need.Known(keys);
      case KeyEntry.Keys keys when labelByLabel -> nextLabel(keys, zone, notCut);
      case KeyEntry.Keys keys -> new Need.Fetch(nextCut(keys.zone(), zone), Type.DS);
    };
  }

  /** The DS at the first name below {@code keys}' zone on the way to {@code name} not proven to be no cut; else the keys. */
  private static Need nextLabel(KeyEntry.Keys keys, Name name, Predicate<Name> notCut) {
    for (int strip = name.labels() - keys.zone().labels() - 1; strip >= 0; strip--) {
      Name below = strip == 0 ? name : new Name(name, strip);
      if (!notCut.test(below)) {
        return new Need.Fetch(below, Type.DS);
      }
    }
    return new Need.Known(keys);
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
