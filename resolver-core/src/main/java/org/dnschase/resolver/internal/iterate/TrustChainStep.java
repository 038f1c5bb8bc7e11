package org.dnschase.resolver.internal.iterate;

import java.time.Duration;
import java.util.List;
import org.dnschase.resolver.BogusReason;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.internal.dnssec.KeyEntry;
import org.dnschase.resolver.internal.dnssec.Verdict;
import org.dnschase.resolver.internal.dnssec.denial.Denial;
import org.dnschase.resolver.internal.dnssec.denial.DenialRecords;
import org.dnschase.resolver.internal.message.RRsets;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * {@link QueryState#TRUST_CHAIN}: the DS or DNSKEY look-up of a chain of trust ended; what it
 * proved of the zone is kept in the key store, then validation goes on. A validated DS RRset makes
 * the zone's DS records trusted; a validated DNSKEY RRset its keys (its own validation usually kept
 * them already); a DS RRset that is not there leaves the zone unsigned when that is proven, and
 * INDETERMINATE until proofs are checked, unless a NODATA's proof shows no zone cut there at all,
 * which the query notes for its walk down the chain of trust; a look-up that failed or found BOGUS data makes the zone
 * BOGUS for {@link Defaults#BOGUS_TTL}.
 */
final class TrustChainStep {

  /**
   * How long a DS answer without SOA, which gives no negative TTL (RFC 2308 §5), is kept: as long
   * as a BOGUS zone ({@link Defaults#BOGUS_TTL}), so the chain of trust takes it once rather than
   * asking for it again until the query budget runs out.
   */
  static final Duration PROOF_WITHOUT_SOA_TTL = Defaults.BOGUS_TTL;

  private final ResolverContext context;

  TrustChainStep(ResolverContext context) {
    this.context = context;
  }

  Step handle(Query q) {
    ChildOutcome lookup = q.childOutcome();
    Name zone = lookup.name();
    Verdict verdict = lookup.verdict();
    switch (lookup.outcome()) {
      case Outcome.Data data when verdict == Verdict.SECURE -> {
        KeyEntry entry = lookup.type() == Type.DS
            ? new KeyEntry.TrustedDs(zone, RRsets.records(data.rrset(), DSRecord.class), List.of())
            : new KeyEntry.Keys(zone, RRsets.records(data.rrset(), DNSKEYRecord.class));
        if (!(lookup.type() == Type.DNSKEY && context.keys.lookup(zone) instanceof KeyEntry.Keys)) {
          context.keys.store(entry, Duration.ofSeconds(data.rrset().getTTL()));
        }
      }
      case Outcome.Data data -> keep(zone, verdict, Duration.ofSeconds(data.rrset().getTTL()));
      case Outcome.Negative negative when lookup.type() == Type.DS && verdict == Verdict.SECURE
          && !negative.nxDomain() && !delegation(zone, negative) -> q.validation().noteNotCut(zone);
      case Outcome.Negative negative when lookup.type() == Type.DS && !verdict.isBogus() ->
          // RFC 4035 §5.2: a DS proven absent makes the delegation insecure
          keep(zone, verdict == Verdict.SECURE ? Verdict.INSECURE : verdict, negative.soa() == null
              ? PROOF_WITHOUT_SOA_TTL : Duration.ofSeconds(RRsets.negativeTtl(negative.soa())));
      case Outcome.Failed failed when failed.bogusReason() != null -> keep(zone,
          Verdict.bogus(failed.bogusReason(), failed.detail()), Defaults.BOGUS_TTL);
      case Outcome.Failed failed when lookup.type() == Type.DS -> keep(zone, Verdict.bogus(BogusReason.DS_UNAVAILABLE,
          "the DS RRset of " + zone + " could not be had: " + describe(failed)), Defaults.BOGUS_TTL);
      default -> keep(zone, Verdict.bogus(BogusReason.KEYS_UNAVAILABLE, "the " + Type.string(lookup.type())
          + " RRset of " + zone + " could not be had: " + describe(lookup.outcome())), Defaults.BOGUS_TTL);
    }
    return new Step.Next(QueryState.VALIDATE);
  }

  /**
   * Whether the proof of a DS look-up's NODATA answer shows a delegation at {@code name} (RFC
   * 4035 §5.2: an NSEC or NSEC3 there lists NS but neither DS nor SOA, or an opt-out NSEC3 may
   * cover one); else the name is no zone cut (it lists no NS, or is an empty non-terminal), and
   * the walk down the chain of trust goes on below it (Unbound's {@code empty_DS_name}). A name
   * proven absent stays INSECURE, as before: a forward zone the public tree does not hold (split
   * DNS under a configured anchor) is not signed from it.
   */
  private boolean delegation(Name name, Outcome.Negative negative) {
    Name signer = null;
    for (Record record : negative.proof()) {
      if (record instanceof RRSIGRecord sig && (sig.getTypeCovered() == Type.NSEC || sig.getTypeCovered() == Type.NSEC3)) {
        signer = sig.getSigner();
        break;
      }
    }
    return signer == null
        || !(context.denials.noDs(name, DenialRecords.of(signer, negative.proof())) instanceof Denial.Bogus);
  }

  private void keep(Name zone, Verdict verdict, Duration ttl) {
    context.keys.store(new KeyEntry.Untrusted(zone, verdict), verdict.isBogus() ? Defaults.BOGUS_TTL : ttl);
  }


  private static String describe(Outcome outcome) {
    return switch (outcome) {
      case Outcome.Failed failed -> failed.reason() + ": " + failed.detail();
      case Outcome.Negative negative -> negative.nxDomain() ? "NXDOMAIN" : "NODATA";
      case Outcome.CyclicDependency cycle -> cycle.detail();
      case Outcome.Data data -> "data";
    };
  }
}
