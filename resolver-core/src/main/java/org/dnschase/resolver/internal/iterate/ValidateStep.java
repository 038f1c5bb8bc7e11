package org.dnschase.resolver.internal.iterate;

import java.time.Duration;
import java.util.function.Consumer;
import org.dnschase.resolver.BogusReason;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.internal.dnssec.ChainOfTrust;
import org.dnschase.resolver.internal.dnssec.KeyEntry;
import org.dnschase.resolver.internal.dnssec.KeyTrust;
import org.dnschase.resolver.internal.dnssec.SignatureVerifier;
import org.dnschase.resolver.internal.dnssec.TrustAnchors;
import org.dnschase.resolver.internal.dnssec.Verdict;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * {@link QueryState#VALIDATE}: gives each RRset of the reply that will be used its verdict (RFC
 * 4035 §5), checking its signatures with the keys of the zone that signed it, and each wildcard
 * expansion the verdict of its proof. A zone whose keys
 * are not known yet has the next link of its chain of trust fetched first, as a child query; the
 * DNSKEY RRset of a zone whose DS records are trusted is itself that link, checked against them.
 */
final class ValidateStep {

  /**
   * DS and DNSKEY look-ups per query: two per zone cut of a chain of 32 zones, more than any name
   * has, so that a store that forgets what it was just told cannot keep a query fetching.
   */
  static final int MAX_KEY_FETCHES = 64;

  private final ResolverContext context;
  private final QueryResponseStep responses;

  ValidateStep(ResolverContext context, QueryResponseStep responses) {
    this.context = context;
    this.responses = responses;
  }

  Step handle(Query q) {
    ReplyValidation validation = q.validation().pending();
    Name zone = q.delegation().zone();
    boolean unvalidated = negativelyAnchored(q.name());
    for (RRset rrset = validation.nextUnchecked(); rrset != null; rrset = validation.nextUnchecked()) {
      if (unvalidated || (!denial(rrset) && negativelyAnchored(rrset.getName()))) {
        validation.record(Verdict.INSECURE); // RFC 7646 §2: not validated at or below a negative trust anchor
        continue;
      }
      Name signer = signerOf(rrset, zone, validation);
      if (signer == null && validation.forAliasTarget(rrset, q.exchanges().last().name())) {
        validation.record(Verdict.INDETERMINATE); // asked again, and judged then, for proving less than the alias
        continue;
      }
      Name judged = signer != null ? signer : unsignedOwnerZone(rrset);
      ChainOfTrust.Need need = signer != null ? context.chainOfTrust.keysFor(signer, q.validation()::notCut)
          : context.chainOfTrust.keysOver(judged, q.validation()::notCut);
      if (need instanceof ChainOfTrust.Need.Fetch fetch && fetch.type() == Type.DNSKEY
          && rrset.getType() == Type.DNSKEY && fetch.name().equals(rrset.getName())) {
        validation.record(trustKeys(q, rrset));
        continue;
      }
      if (validation.beside(rrset) && (signer == null || need instanceof ChainOfTrust.Need.Fetch)) {
        validation.record(Verdict.INDETERMINATE); // not worth a look-up or a DS walk: it answers nothing asked
        continue;
      }
      switch (need) {
        case ChainOfTrust.Need.Fetch fetch -> {
          Step first = fetchFirst(q, fetch, judged, validation::record);
          if (first != null) {
            return first;
          }
        }
        case ChainOfTrust.Need.Known(KeyEntry.Keys keys) ->
            validation.record(SignatureVerifier.verify(rrset, keys.zone(), keys.keys(), context.now(),
                validation.beside(rrset) ? q.budget().besideAnswer() : q.budget()));
        case ChainOfTrust.Need.Known(KeyEntry.Untrusted untrusted) -> validation.record(untrusted.verdict());
        case ChainOfTrust.Need.Known(KeyEntry.TrustedDs unexpected) -> throw dsForKeys(unexpected);
      }
    }
    if (validation.awaitsZoneStatus() && unvalidated) {
      validation.recordZoneStatus(Verdict.INSECURE);
    }
    if (validation.awaitsZoneStatus()) { // RFC 4035 §5.4: a signed zone's negative answer needs a proof
      switch (context.chainOfTrust.keysFor(zone)) {
        case ChainOfTrust.Need.Fetch fetch -> {
          Step first = fetchFirst(q, fetch, zone, validation::recordZoneStatus);
          if (first != null) {
            return first;
          }
        }
        case ChainOfTrust.Need.Known(KeyEntry.Keys keys) -> validation.recordZoneStatus(Verdict.SECURE);
        case ChainOfTrust.Need.Known(KeyEntry.Untrusted untrusted) -> validation.recordZoneStatus(untrusted.verdict());
        case ChainOfTrust.Need.Known(KeyEntry.TrustedDs unexpected) -> throw dsForKeys(unexpected);
      }
    }
    validation.proveWildcards(context.denials, context.denialRanges);
    return responses.afterValidation(q);
  }

  /**
   * The child query that fetches the next link of the chain of trust to {@code signer}; null,
   * after giving {@code giveUp} its verdict, when the query is that look-up itself (it cannot wait
   * for itself: INDETERMINATE, which its parent's chain of trust judges), or a look-up it serves,
   * or has used up its look-ups (BOGUS).
   */
  private static Step fetchFirst(Query q, ChainOfTrust.Need.Fetch fetch, Name signer, Consumer<Verdict> giveUp) {
    if (waitsFor(q, fetch)) {
      giveUp.accept(Verdict.INDETERMINATE);
      return null;
    }
    if (q.validation().countKeyFetch() > MAX_KEY_FETCHES) {
      giveUp.accept(Verdict.bogus(BogusReason.KEYS_UNAVAILABLE, "the chain of trust to " + signer
          + " needed more than " + MAX_KEY_FETCHES + " DS and DNSKEY look-ups"));
      return null;
    }
    return new Step.Spawn(fetch.name(), fetch.type(), null, QueryState.TRUST_CHAIN);
  }

  /**
   * Whether {@code q}, or a query it serves, is the look-up {@code fetch} asks for: by the name it
   * was asked or the one it has reached (a DNSKEY look-up led by an alias to data whose keys are
   * those it looks up would otherwise nest without end, asking nothing).
   */
  private static boolean waitsFor(Query q, ChainOfTrust.Need.Fetch fetch) {
    for (Query asker = q; asker != null; asker = asker.parent()) {
      if (asker.qtype() == fetch.type() && (fetch.name().equals(asker.name()) || fetch.name().equals(asker.qname()))) {
        return true;
      }
    }
    return false;
  }

  private static IllegalStateException dsForKeys(KeyEntry.TrustedDs unexpected) {
    return new IllegalStateException("keys asked for, DS found for " + unexpected.zone());
  }

  /**
   * The zone whose keys check {@code rrset}: its signatures' signer when that zone holds it and
   * lies within the zone asked, else the zone asked, whose keys then find it unsigned. Null for an
   * RRset with no such signature under a trust anchor below the zone asked (a forwarder, or a
   * parent's server answering for a zone anchored below it), or below the zone asked in a reply
   * that does not say it comes from that zone: a server may serve a child zone with its parent
   * and answer for the child with no referral, so the cut that makes the RRset INSECURE may be one
   * the resolver never saw (RFC 4035 §4.3). The zone asked cannot judge such an RRset, and the DS
   * records between the closest keys and it are walked instead ({@link ChainOfTrust#keysOver}), as
   * Unbound's validator walks them to the name of an answer with no signer. A reply that says it
   * comes from the zone asked is judged by the zone's keys: unsigned there, it marks a DNSSEC-lame
   * server, whose zone's other servers are asked next.
   */
  private Name signerOf(RRset rrset, Name zone, ReplyValidation validation) {
    for (RRSIGRecord sig : rrset.sigs()) {
      Name signer = sig.getSigner();
      if (rrset.getName().subdomain(signer) && signer.subdomain(zone)) {
        return signer;
      }
    }
    Name owner = unsignedOwnerZone(rrset);
    if (!denial(rrset) && owner.subdomain(zone) && !owner.equals(zone) && !validation.fromZone(zone)) {
      return null;
    }
    TrustAnchors.Anchor anchor = context.keys.anchors().closest(owner);
    return anchor == null || anchor.zone().equals(zone) || !anchor.zone().subdomain(zone) ? zone : null;
  }

  /**
   * The name whose zone would have signed {@code rrset}: its owner's, but a DS's parent's (RFC 4035
   * §5.2), and a CNAME's parent's too, as no zone's apex can hold an alias (RFC 2181 §10.1: a
   * CNAME has no other data beside it, an apex its SOA and NS): a DS asked at its owner would
   * bring back the alias itself.
   */
  private static Name unsignedOwnerZone(RRset rrset) {
    Name owner = rrset.getName();
    boolean parentsZone = rrset.getType() == Type.DS || rrset.getType() == Type.CNAME;
    return parentsZone && owner.labels() > 1 ? new Name(owner, 1) : owner;
  }

  /** Whether validation is off for {@code name}: a negative trust anchor at or above it (RFC 7646). */
  private boolean negativelyAnchored(Name name) {
    TrustAnchors anchors = context.keys.anchors();
    return anchors.negativelyAnchored(name, anchors.closest(name));
  }

  /** Whether {@code rrset} is an NSEC or NSEC3 RRset, whose owner says nothing of the name it proves. */
  private static boolean denial(RRset rrset) {
    return rrset.getType() == Type.NSEC || rrset.getType() == Type.NSEC3;
  }

  /** The zone's DNSKEY RRset, checked against its trusted DS records; what it proved is kept. */
  private Verdict trustKeys(Query q, RRset dnskeys) {
    KeyEntry.TrustedDs trusted = (KeyEntry.TrustedDs) context.keys.lookup(dnskeys.getName());
    KeyEntry entry = KeyTrust.check(trusted, dnskeys, context.config.algorithms(), context.now(), q.budget());
    Verdict verdict = entry instanceof KeyEntry.Untrusted untrusted ? untrusted.verdict() : Verdict.SECURE;
    // keys unsigned, stale or badly signed may come from one bad server, whose zone's other servers
    // are asked next: the chain of trust keeps the zone BOGUS only once they all failed (TrustChainStep)
    if (!verdict.mayBeServersFault()) {
      context.keys.store(entry, verdict.isBogus() ? Defaults.BOGUS_TTL : Duration.ofSeconds(dnskeys.getTTL()));
    }
    return verdict;
  }
}
