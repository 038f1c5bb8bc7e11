package org.dnschase.resolver.internal.dnssec;

import java.time.Instant;
import java.util.List;
import org.dnschase.resolver.BogusReason;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * Checks an RRset against its RRSIGs and the DNSKEYs of the zone that signed it (RFC 4035 §5.3),
 * the cryptography being dnsjava's {@link DNSSEC#verify}. One valid signature makes it SECURE;
 * otherwise the most telling failure says why it is BOGUS. Each verification is paid for from the
 * resolution's allowance, and only so many keys sharing a signature's key tag are tried (KeyTrap,
 * CVE-2023-50387).
 */
public final class SignatureVerifier {

  private SignatureVerifier() {}

  /** DNSKEY flags (RFC 4034 §2.1.1): the Zone Key bit, without which a key signs nothing. */
  private static final int ZONE_KEY = 0x100;
  /** RFC 5011 §3: a revoked key is no longer to be trusted. */
  private static final int REVOKED = 0x80;
  /** RFC 4034 §2.1.2: the Protocol field is 3. */
  private static final int PROTOCOL = 3;

  /**
   * The verdict on {@code rrset}, signed by {@code zone} with one of {@code keys}, at {@code now}.
   */
  public static Verdict verify(RRset rrset, Name zone, List<DNSKEYRecord> keys, Instant now,
      VerificationAllowance allowance) {
    String what = rrset.getName() + " " + Type.string(rrset.getType());
    if (rrset.sigSize() == 0) {
      return Verdict.bogus(BogusReason.NO_SIGNATURE, what + " has no RRSIG, though " + zone + " is signed");
    }
    Verdict failure = null;
    for (RRSIGRecord sig : rrset.sigs()) {
      Verdict verdict = check(rrset, sig, zone, keys, now, allowance, what);
      if (verdict == Verdict.SECURE || verdict.reason() == BogusReason.VERIFICATION_LIMIT) {
        return verdict;
      }
      failure = failure == null || rank(verdict.reason()) > rank(failure.reason()) ? verdict : failure;
    }
    return failure;
  }

  /** Whether {@code key} may check signatures of its zone: a zone key, protocol 3, not revoked. */
  static boolean usable(DNSKEYRecord key) {
    return (key.getFlags() & ZONE_KEY) != 0 && (key.getFlags() & REVOKED) == 0 && key.getProtocol() == PROTOCOL;
  }

  private static Verdict check(RRset rrset, RRSIGRecord sig, Name zone, List<DNSKEYRecord> keys, Instant now,
      VerificationAllowance allowance, String what) {
    if (!sig.getSigner().equals(zone) || !rrset.getName().subdomain(zone)
        || sig.getLabels() > ownerLabels(rrset.getName())) {
      // RFC 4035 §5.3.1: the signer is the zone holding the RRset; the labels field no more than the owner's
      return Verdict.bogus(BogusReason.NO_SIGNATURE, what + " has no RRSIG by " + zone + " (one by "
          + sig.getSigner() + ", labels " + sig.getLabels() + ")");
    }
    if (now.isAfter(sig.getExpire())) {
      return Verdict.bogus(BogusReason.SIGNATURE_EXPIRED, "the RRSIG of " + what + " by key " + sig.getFootprint()
          + " expired at " + sig.getExpire());
    }
    if (now.isBefore(sig.getTimeSigned())) {
      return Verdict.bogus(BogusReason.SIGNATURE_NOT_YET_VALID, "the RRSIG of " + what + " by key "
          + sig.getFootprint() + " is valid only from " + sig.getTimeSigned());
    }
    int tried = 0;
    for (DNSKEYRecord key : keys) {
      if (key.getFootprint() != sig.getFootprint() || key.getAlgorithm() != sig.getAlgorithm() || !usable(key)) {
        continue;
      }
      if (tried == allowance.maxKeysPerSignature()) {
        break;
      }
      if (!allowance.trySpendVerification()) {
        return Verdict.bogus(BogusReason.VERIFICATION_LIMIT, "the resolution used up its signature verifications"
            + " before " + what + " was checked");
      }
      tried++;
      try {
        DNSSEC.verify(rrset, DsaSignatures.inRfc2536Form(sig, key), key, now);
        return Verdict.SECURE;
      } catch (DNSSEC.DNSSECException wrong) {
        // the next key with this tag may be the one
      }
    }
    return tried == 0
        ? Verdict.bogus(BogusReason.NO_MATCHING_KEY, "no DNSKEY of " + zone + " has the tag " + sig.getFootprint()
            + " and algorithm " + sig.getAlgorithm() + " of the RRSIG of " + what)
        : Verdict.bogus(BogusReason.BAD_SIGNATURE, "the RRSIG of " + what + " does not verify with the "
            + tried + " key(s) of " + zone + " tagged " + sig.getFootprint());
  }

  /** The labels of an owner name as an RRSIG counts them: without the root and a leading wildcard. */
  static int ownerLabels(Name owner) {
    return owner.labels() - 1 - (owner.isWild() ? 1 : 0);
  }

  /** Which failure says most when no signature verifies: a wrong signature over a missing one. */
  private static int rank(BogusReason reason) {
    return switch (reason) {
      case BAD_SIGNATURE -> 4;
      case SIGNATURE_EXPIRED, SIGNATURE_NOT_YET_VALID -> 3;
      case NO_MATCHING_KEY -> 2;
      default -> 1;
    };
  }
}
