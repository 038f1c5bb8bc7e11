package org.dnschase.resolver.internal.iterate;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.cache.TrustRank;
import org.dnschase.resolver.cache.ValidationStatus;
import org.dnschase.resolver.internal.dnssec.KeyEntry;
import org.dnschase.resolver.internal.dnssec.Verdict;
import org.dnschase.resolver.internal.message.RRsets;
import org.dnschase.resolver.internal.reply.Proofs;
import org.dnschase.resolver.internal.reply.ScrubbedReply;
import org.dnschase.resolver.internal.servers.Delegation;
import org.dnschase.resolver.internal.servers.ZoneCuts;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * The referrals {@link QueryState#QUERY_RESPONSE} follows: the child zone's NS set cached at the
 * rank of a referral and remembered as granted by the zone asked, its glue cached and kept as the
 * parent side's, and the walk sent one zone down. What the child zone's first query does not read
 * (the NS set, the grant, the glue, the parent side's glue, the start of a key prefetch) waits
 * until that query has left ({@link AfterSend}). The delegation takes the glue from the reply, and
 * beside it the cached addresses of its servers that the glue will not replace; validated glue,
 * whose TTL its signatures may cut, is cached at once and read back.
 */
final class Referrals {

  private final ResolverContext context;
  /** Starts the fetch of a zone's DNSKEY RRset, when keys are prefetched (Unbound's prefetch-key); else null. */
  private final Consumer<Name> keyPrefetch;

  Referrals(ResolverContext context, Consumer<Name> keyPrefetch) {
    this.context = context;
    this.keyPrefetch = context.config.keyPrefetch() && context.validating() ? keyPrefetch : null;
  }

  /**
   * Follows a referral; {@code validation}, when it was validated, may prove how the child zone is
   * secured, which is kept so its DS is not asked for (RFC 4035 §5.2).
   */
  Step follow(Query q, ScrubbedReply reply, ReplyValidation validation) {
    if (q.referralLimitReached()) {
      return q.fail(FailureReason.REFERRAL_LIMIT, "more than " + q.budget().limits().maxReferrals()
          + " referrals for " + q.name());
    }
    RRset ns = reply.referral(q.exchanges().last().name(), q.delegation().zone());
    ReplyValidation.DelegationKeys keys = validation == null ? null
        : validation.delegation(q.delegation().zone(), ns.getName(), context.denials);
    if (keys != null && context.keys.lookup(keys.entry().zone()) == null) { // an anchor or known keys stay
      context.keys.store(keys.entry(), keys.ttl());
    }
    if (keys != null && keys.ds() == null) {
      // RFC 8198: the parent's proof that the child has no DS answers a DS question for it later,
      // with the parent's SOA once a negative answer of the parent brought one
      context.denialRanges.remember(validation.secureDenials(q.delegation().zone()), null, Proofs.denials(reply));
    }
    if (keys != null && keys.ds() != null) { // the parent's own data, validated: it answers DS questions too
      RRset ds = RRsetAcceptance.used(context, validation, keys.ds());
      context.cache.put(ds, TrustRank.AUTHORITY_DATA, ValidationStatus.SECURE);
      if (q.qtype() == Type.DS && q.name().equals(ds.getName())) {
        // RFC 4035 §3.1.4.1: the DS asked for is the parent's, and here it is; the child cannot give it
        q.validation().note(Verdict.SECURE);
        return q.finish(new Outcome.Data(ds, new Hop.Source.Server(q.exchanges().last().server())));
      }
    }
    Name grantor = q.delegation().configuredZone() == null ? q.delegation().zone() : null;
    q.afterSend().defer(() -> {
      if (grantor != null) { // a configured zone's grant is the configuration
        context.grants.remember(ns, grantor);
      }
      context.cache.put(ns, TrustRank.REFERRAL_NS);
    });
    Delegation next = new Delegation(ns.getName(), RRsets.nameServers(ns));
    // Glue is in bailiwick here: scrubbing kept only names under the zone that delegated. Only
    // the name servers the delegation considers are looked at (Delegation.MAX_NAME_SERVERS).
    List<Name> trusted = new ArrayList<>(next.nameServers().size());
    for (Name nameServer : next.nameServers()) {
      if (glueTrusted(nameServer, next)) {
        trusted.add(nameServer);
      }
    }
    if (validation == null) {
      // cached once the child zone's first query has left: the delegation takes the glue itself
      // (addReplyAddresses), and of the addresses cached for its servers what the glue will replace
      q.afterSend().defer(() -> cacheAddressesOf(context, trusted, reply, TrustRank.GLUE, null));
      ZoneCuts.addCachedAddresses(context.cache, next, q.isBackground(),
          (nameServer, type) -> glueComing(reply, trusted, nameServer, type));
    } else { // validated glue's TTL may yet be cut by its signatures' validity: cached first, then read
      cacheAddressesOf(context, trusted, reply, TrustRank.GLUE, validation);
      ZoneCuts.addCachedAddresses(context.cache, next, q.isBackground());
    }
    for (Name nameServer : next.nameServers()) {
      addReplyAddresses(q, next, nameServer, reply, trusted.contains(nameServer));
    }
    if (keyPrefetch != null && context.keys.lookup(next.zone()) instanceof KeyEntry.TrustedDs) {
      // its DS is trusted, its keys not yet known: fetched beside the walk, by a query that reads the
      // cache, so once what is cached above has been
      q.afterSend().defer(() -> keyPrefetch.accept(next.zone()));
    }
    return q.descendTo(next);
  }

  /**
   * Whether the referral brings glue of {@code type} for {@code nameServer} that {@link
   * #cacheAddressesOf} will cache: trusted, and with a TTL (the cache keeps no TTL of 0).
   */
  private static boolean glueComing(ScrubbedReply reply, List<Name> trusted, Name nameServer, int type) {
    if (!trusted.contains(nameServer)) {
      return false;
    }
    for (RRset addresses : reply.addressSets(nameServer)) {
      if (addresses.getType() == type && addresses.getTTL() > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the referral's glue for {@code nameServer} is used as given: always for a server
   * inside the delegated zone, which cannot be reached without it; for one outside it (a sibling
   * zone's) only unless glue is verified (Unbound's harden-unverified-glue), when its address is
   * looked up first and the glue kept as the parent side's, the last resort.
   */
  private boolean glueTrusted(Name nameServer, Delegation delegation) {
    return !context.config.verifyGlue() || nameServer.subdomain(delegation.zone());
  }

  /**
   * Caches the in-bailiwick A/AAAA records the reply gives for these name servers, with the
   * status {@code validation} found them (null: not validated).
   */
  static void cacheAddressesOf(ResolverContext context, List<Name> nameServers, ScrubbedReply reply, TrustRank rank,
      ReplyValidation validation) {
    for (Name nameServer : nameServers) {
      for (RRset addresses : reply.addressSets(nameServer)) {
        context.cache.put(RRsetAcceptance.used(context, validation, addresses), rank,
            ReplyValidation.besideStatus(validation, addresses));
      }
    }
  }

  /**
   * Keeps the glue for {@code nameServer} as the parent's side, and gives it to the delegation
   * when it is {@code trusted}.
   */
  private void addReplyAddresses(Query q, Delegation delegation, Name nameServer, ScrubbedReply reply,
      boolean trusted) {
    List<InetAddress> glue = new ArrayList<>();
    long ttl = Long.MAX_VALUE;
    for (RRset addresses : reply.addressSets(nameServer)) {
      glue.addAll(RRsets.addresses(addresses));
      ttl = Math.min(ttl, addresses.getTTL());
    }
    if (trusted) {
      delegation.addAddresses(nameServer, glue);
    }
    if (!glue.isEmpty()) {
      long lasts = ttl;
      q.afterSend().defer(() -> context.parentSideGlue.remember(nameServer, glue, lasts));
    }
  }
}
