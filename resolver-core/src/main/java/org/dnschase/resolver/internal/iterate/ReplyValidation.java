package org.dnschase.resolver.internal.iterate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dnschase.resolver.BogusReason;
import org.dnschase.resolver.cache.ValidationStatus;
import org.dnschase.resolver.internal.dnssec.KeyEntry;
import org.dnschase.resolver.internal.dnssec.Verdict;
import org.dnschase.resolver.internal.dnssec.denial.Denial;
import org.dnschase.resolver.internal.dnssec.denial.DenialRanges;
import org.dnschase.resolver.internal.dnssec.denial.DenialRecords;
import org.dnschase.resolver.internal.dnssec.denial.Denials;
import org.dnschase.resolver.internal.message.RRsets;
import org.dnschase.resolver.internal.reply.Proofs;
import org.dnschase.resolver.internal.reply.ResponseType;
import org.dnschase.resolver.internal.reply.ScrubbedReply;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * One reply on its way through validation: the RRsets of it that will be used, each with its
 * verdict once checked. What is used of an answer or an alias is its answer section, but for the
 * CNAMEs a DNAME of the reply synthesises, which are never signed (RFC 6672 §5.3.1: the DNAME's
 * signature vouches for them, and the chase uses its own synthesis anyway); of a negative answer,
 * or an alias whose chain ends in one, also its SOA; of every reply, the NSEC and NSEC3 RRsets of
 * its authority section, which prove negative answers, wildcard expansions and unsigned
 * delegations. The proofs themselves are {@link Denials}'s, over the NSEC and NSEC3 RRsets whose
 * signatures were found SECURE here.
 */
final class ReplyValidation {

  private final ScrubbedReply reply;
  private final ResponseType type;
  private final List<RRset> toCheck = new ArrayList<>();
  private final Map<RRset, Verdict> verdicts = new IdentityHashMap<>();
  /**
   * Signed RRsets beside the answer, checked only to be cached with their status, as Unbound
   * validates every RRset of a message: the zone's NS set in the authority section and name-server
   * addresses in the additional one. Their verdicts are no part of the answer's.
   */
  private final Set<RRset> beside = Collections.newSetFromMap(new IdentityHashMap<>(0));
  /** Answer RRsets SECURE by their signature but synthesised from a wildcard, with its name. */
  private final Map<RRset, Name> expanded = new IdentityHashMap<>(0);
  private int next;
  private DenialRecords provenDenial;
  /** Whether the zone asked is signed, for a negative answer that proves nothing itself; null until asked. */
  private Verdict zoneStatus;

  ReplyValidation(ScrubbedReply reply, ResponseType type) {
    this.reply = reply;
    this.type = type;
    for (RRset set : reply.answer()) {
      if (set.size() > 0 && !(set.getType() == Type.CNAME && reply.dnameAbove(set.getName()) != null)) {
        toCheck.add(set);
      }
    }
    for (RRset set : reply.authority()) {
      boolean soa = set.getType() == Type.SOA && type != ResponseType.ANSWER;
      boolean ds = set.getType() == Type.DS && type == ResponseType.REFERRAL;
      if (set.size() > 0 && (soa || ds || set.getType() == Type.NSEC || set.getType() == Type.NSEC3)) {
        toCheck.add(set);
      }
    }
    if (type != ResponseType.REFERRAL) {
      for (RRset set : reply.authority()) {
        if (set.getType() == Type.NS) {
          checkBeside(set);
        }
      }
      for (RRset set : reply.additional()) {
        if (set.getType() == Type.A || set.getType() == Type.AAAA) {
          checkBeside(set);
        }
      }
    }
  }

  /** Checks {@code set} beside the answer when it is signed: an unsigned one proves nothing there. */
  private void checkBeside(RRset set) {
    if (set.size() > 0 && !set.sigs().isEmpty()) {
      toCheck.add(set);
      beside.add(set);
    }
  }

  /** Whether {@code set} is checked only to be cached with its status, beside the answer. */
  boolean beside(RRset set) {
    return beside.contains(set);
  }

  /**
   * The status to cache an RRset of the reply beside the answer with: SECURE or INSECURE as
   * found; else INDETERMINATE, as unvalidated data (one found BOGUS answers no question itself,
   * and is kept as it was before validation, as the glue it may be).
   */
  static ValidationStatus besideStatus(ReplyValidation validation, RRset set) {
    Verdict verdict = validation == null ? Verdict.INDETERMINATE : validation.of(set);
    return verdict.isBogus() ? ValidationStatus.INDETERMINATE : verdict.cached();
  }

  /**
   * Whether a referral carries what says how its child zone is secured: its DS RRset, or NSEC or
   * NSEC3 records that may prove it has none (RFC 4035 §5.2).
   */
  static boolean provesDelegation(ScrubbedReply referral) {
    return referral.authority(Type.DS) != null || referral.authority(Type.NSEC) != null
        || referral.authority(Type.NSEC3) != null;
  }

  /**
   * What this validated referral from {@code parent} proves of the keys of the zone {@code cut}
   * it delegates to (RFC 4035 §5.2), for as long as the records that prove it live: its DS RRset,
   * SECURE, makes the child's DS records trusted, so they are not asked for again; the parent's
   * NSEC or NSEC3 records, SECURE, proving that it has none (or an opt-out NSEC3 covering it) make
   * the child INSECURE. Null when the referral proves neither, or its proof did not validate: the
   * child's DS is then asked for.
   */
  DelegationKeys delegation(Name parent, Name cut, Denials denials) {
    RRset ds = reply.authority(Type.DS);
    if (ds != null && ds.getName().equals(cut)) {
      return of(ds) != Verdict.SECURE ? null : new DelegationKeys(
          new KeyEntry.TrustedDs(cut, RRsets.records(ds, DSRecord.class), List.of()), Duration.ofSeconds(ds.getTTL()), ds);
    }
    DenialRecords records = secureDenials(parent);
    if (records.nsec().isEmpty() && records.nsec3().isEmpty()) {
      return null;
    }
    Denial denial = denials.noDs(cut, records);
    if (denial instanceof Denial.Bogus) {
      return null;
    }
    long ttl = Long.MAX_VALUE;
    for (RRset set : reply.authority()) {
      if ((set.getType() == Type.NSEC || set.getType() == Type.NSEC3) && of(set) == Verdict.SECURE) {
        ttl = Math.min(ttl, set.getTTL());
      }
    }
    return new DelegationKeys(new KeyEntry.Untrusted(cut, Verdict.INSECURE), Duration.ofSeconds(ttl), null);
  }

  /**
   * The keys a referral proved for its child zone, and how long that holds.
   *
   * @param ds the SECURE DS RRset that proved them, or null when the parent proved there is none
   */
  record DelegationKeys(KeyEntry entry, Duration ttl, RRset ds) {}

  ScrubbedReply reply() {
    return reply;
  }

  /**
   * Whether the reply says it comes from {@code zone} itself: its answer or authority section
   * holds the zone's own SOA or NS RRset, or its answer the zone's DNSKEY RRset (Unbound's {@code
   * iter_msg_from_zone}). Data below the zone in a reply that says nothing of where it comes from
   * may be a child zone's the same server serves, answered with no referral.
   */
  boolean fromZone(Name zone) {
    for (RRset set : reply.answer()) {
      if (set.getName().equals(zone)
          && (set.getType() == Type.SOA || set.getType() == Type.NS || set.getType() == Type.DNSKEY)) {
        return true;
      }
    }
    for (RRset set : reply.authority()) {
      if (set.getName().equals(zone) && (set.getType() == Type.SOA || set.getType() == Type.NS)) {
        return true;
      }
    }
    return false;
  }

  ResponseType type() {
    return type;
  }

  /**
   * Whether an RRset the server gave for the name {@code asked} is BOGUS in a way another server of
   * the zone may not be ({@link Verdict#mayBeServersFault}): without signatures where its zone is
   * signed (a DNSSEC-lame server), or with signatures expired, failing or by keys the zone no longer
   * has (a stale secondary). What it added for an alias's target does not count: that may come from
   * elsewhere (RFC 2181 §5.4.1), and is asked again when it proves less than the alias (ReplyChase).
   */
  boolean bogusFromServer(Name asked) {
    RRset dname = reply.dnameAbove(asked);
    for (Map.Entry<RRset, Verdict> entry : verdicts.entrySet()) {
      if (entry.getValue().mayBeServersFault()
          && !forAliasTarget(entry.getKey(), asked, dname) && !beside(entry.getKey())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code set} is answer data the reply gives for another name than {@code asked} and its
   * DNAME: an alias's target, asked again when it proves less than the alias (ReplyChase).
   */
  boolean forAliasTarget(RRset set, Name asked) {
    return forAliasTarget(set, asked, reply.dnameAbove(asked));
  }

  private boolean forAliasTarget(RRset set, Name asked, RRset dname) {
    for (RRset answer : reply.answer()) {
      if (answer == set) {
        return set != dname && !set.getName().equals(asked);
      }
    }
    return false;
  }

  /** The next RRset still to check, or null when every one has its verdict. */
  RRset nextUnchecked() {
    return next < toCheck.size() ? toCheck.get(next) : null;
  }

  /**
   * Records the verdict on the RRset {@link #nextUnchecked()} returned; a SECURE one synthesised
   * from a wildcard (RFC 4035 §5.3.4: its RRSIG counts fewer labels than its owner has) waits for
   * the proof that no closer name exists ({@link #proveWildcards}). A DNAME synthesised from a
   * wildcard is BOGUS: RFC 6672 §3.3 leaves a wildcard DNAME undefined, so no signed zone vouches
   * for one, and taking it would let one record redirect a whole subtree (Unbound finds it BOGUS).
   */
  void record(Verdict verdict) {
    RRset set = toCheck.get(next++);
    verdicts.put(set, verdict);
    if (verdict == Verdict.SECURE) {
      for (RRSIGRecord sig : set.sigs()) {
        Name wildcard = Denials.wildcardSource(set.getName(), sig);
        if (wildcard != null && set.getType() == Type.DNAME) {
          verdicts.put(set, Verdict.bogus(BogusReason.BAD_SIGNATURE, "the DNAME " + set.getName()
              + " is signed as synthesised from the wildcard " + wildcard + " (RFC 6672 §3.3)"));
          break;
        }
        if (wildcard != null) {
          expanded.put(set, wildcard);
          break;
        }
      }
    }
  }

  /**
   * Gives each wildcard expansion the verdict of its proof (RFC 4035 §5.3.4, RFC 5155 §8.8); a
   * SECURE one, with its proof, is kept in {@code ranges} (when aggressive use is on) to expand the
   * wildcard for other names the proof covers (RFC 8198 §5.3).
   */
  void proveWildcards(Denials denials, DenialRanges ranges) {
    expanded.forEach((set, wildcard) -> {
      DenialRecords proof = secureDenials(set.sigs().get(0).getSigner());
      Verdict verdict = verdictOf(denials.wildcardAnswer(set.getName(), wildcard, proof));
      verdicts.put(set, verdict);
      if (verdict == Verdict.SECURE && ranges != null) {
        ranges.rememberWildcard(proof, wildcard, set, Proofs.denials(reply));
      }
    });
  }

  /**
   * {@code rrset} as it may be used and kept: a SECURE one lives no longer than its signatures
   * vouch for it (RFC 4035 §5.3.3), its TTL at most each RRSIG's original TTL and the time left
   * until the RRSIG expires at {@code now}; the copy has the verdict of the original.
   */
  RRset used(RRset rrset, Instant now) {
    if (of(rrset) != Verdict.SECURE) {
      return rrset;
    }
    long cap = rrset.getTTL();
    for (RRSIGRecord sig : rrset.sigs()) {
      cap = Math.min(cap, Math.min(sig.getOrigTTL(), Math.max(0, Duration.between(now, sig.getExpire()).getSeconds())));
    }
    if (cap >= rrset.getTTL()) {
      return rrset;
    }
    RRset capped = RRsets.withTtl(rrset, cap);
    verdicts.put(capped, Verdict.SECURE);
    return capped;
  }

  /** Gives {@code copy}, the same records as {@code rrset} with another TTL, the verdict on {@code rrset}. */
  void carryVerdict(RRset rrset, RRset copy) {
    verdicts.put(copy, of(rrset));
  }

  /**
   * The verdict on {@code rrset} of this reply: INDETERMINATE for one that was not checked (none
   * is, where the resolver does not validate).
   */
  Verdict of(RRset rrset) {
    return rrset == null ? Verdict.INDETERMINATE : verdicts.getOrDefault(rrset, Verdict.INDETERMINATE);
  }

  /**
   * Whether this is a negative answer with neither SOA nor NSEC or NSEC3 records, whose verdict
   * depends on whether its zone is signed ({@link #recordZoneStatus}), not yet known.
   */
  boolean awaitsZoneStatus() {
    return zoneStatus == null && (type == ResponseType.NXDOMAIN || type == ResponseType.NODATA)
        && reply.authority(Type.SOA) == null && reply.authority(Type.NSEC) == null
        && reply.authority(Type.NSEC3) == null;
  }

  /** What the keys of the zone asked make of it: SECURE when it is signed. */
  void recordZoneStatus(Verdict status) {
    zoneStatus = status;
  }

  /**
   * The verdict on the reply's negative answer for ({@code name}, {@code qtype}) (RFC 4035 §5.4):
   * its SOA's when that is not SECURE (an unsigned zone, no anchor, or a broken signature); in a
   * signed zone, that of the NSEC or NSEC3 proof of the NXDOMAIN or NODATA, found by the zone
   * that signed the SOA or, without an SOA, the proof's records. A signed zone's negative answer
   * with neither is BOGUS: nothing proves it.
   */
  Verdict negative(Name name, int qtype, boolean nxDomain, Denials denials) {
    RRset soa = reply.authority(Type.SOA);
    Name zone;
    if (soa != null) {
      Verdict signed = of(soa);
      if (signed != Verdict.SECURE) {
        return signed;
      }
      zone = soa.getName();
    } else {
      zone = secureDenialSigner();
      if (zone == null) {
        return withoutProof(name, nxDomain);
      }
    }
    DenialRecords records = secureDenials(zone);
    Denial denial = nxDomain ? denials.nxDomain(name, records) : denials.noData(name, qtype, records);
    provenDenial = denial instanceof Denial.Proven ? records : null;
    return verdictOf(denial);
  }

  /** The zone that signed the first SECURE NSEC or NSEC3 RRset of the authority section, or null. */
  private Name secureDenialSigner() {
    for (RRset set : reply.authority()) {
      if ((set.getType() == Type.NSEC || set.getType() == Type.NSEC3) && of(set) == Verdict.SECURE) {
        return set.sigs().get(0).getSigner();
      }
    }
    return null;
  }

  /**
   * The verdict on a negative answer without SOA and without a SECURE NSEC or NSEC3 RRset: the
   * weakest of its NSEC and NSEC3 RRsets' when it has some; else BOGUS when its zone is signed,
   * and the zone's own status otherwise.
   */
  private Verdict withoutProof(Name name, boolean nxDomain) {
    Verdict weakest = null;
    for (RRset set : reply.authority()) {
      if (set.getType() == Type.NSEC || set.getType() == Type.NSEC3) {
        weakest = weakest == null ? of(set) : weakest.weakest(of(set));
      }
    }
    if (weakest != null) {
      return weakest;
    }
    if (zoneStatus != Verdict.SECURE) {
      return zoneStatus == null ? Verdict.INDETERMINATE : zoneStatus;
    }
    return Verdict.bogus(BogusReason.MISSING_PROOF, "the " + (nxDomain ? "NXDOMAIN" : "NODATA") + " for " + name
        + " comes from a signed zone with neither SOA nor NSEC or NSEC3 records");
  }

  /**
   * The records that proved the reply's negative answer SECURE, which may answer other names
   * (RFC 8198); null unless {@link #negative} found a proof.
   */
  DenialRecords provenDenial() {
    return provenDenial;
  }

  /** The NSEC and NSEC3 records of the authority section {@code zone} signed and that were found SECURE. */
  DenialRecords secureDenials(Name zone) {
    List<RRset> secure = new ArrayList<>();
    for (RRset set : reply.authority()) {
      if ((set.getType() == Type.NSEC || set.getType() == Type.NSEC3) && of(set) == Verdict.SECURE
          && set.sigs().get(0).getSigner().equals(zone)) {
        secure.add(set);
      }
    }
    return DenialRecords.ofRRsets(zone, secure);
  }

  private static Verdict verdictOf(Denial denial) {
    return switch (denial) {
      case Denial.Proven proven -> Verdict.SECURE;
      case Denial.Insecure insecure -> Verdict.INSECURE;
      case Denial.Bogus bogus -> Verdict.bogus(BogusReason.MISSING_PROOF,
          bogus.reason() + ": " + bogus.detail());
    };
  }
}
