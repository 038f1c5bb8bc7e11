package org.dnschase.resolver.internal.dnssec;

import org.dnschase.resolver.BogusReason;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.cache.ValidationStatus;

/**
 * What validation made of an RRset, a zone or a whole chain: a status and, when BOGUS, why. A
 * chain is as strong as its weakest part ({@link #weakest}).
 *
 * @param status the DNSSEC status
 * @param reason why it is BOGUS; null for every other status
 * @param detail what was wrong, in words; null unless BOGUS
 */
public record Verdict(Security status, BogusReason reason, String detail) {

  public static final Verdict SECURE = new Verdict(Security.SECURE, null, null);
  public static final Verdict INSECURE = new Verdict(Security.INSECURE, null, null);
  public static final Verdict INDETERMINATE = new Verdict(Security.INDETERMINATE, null, null);

  public static Verdict bogus(BogusReason reason, String detail) {
    return new Verdict(Security.BOGUS, reason, detail);
  }

  public boolean isBogus() {
    return status == Security.BOGUS;
  }

  /**
   * Whether this BOGUS verdict may be the fault of the one server that sent the data rather than
   * of the zone: its RRSIGs missing, out of date, failing, or made by keys the zone no longer has,
   * or keys none of which its DS records name. Another server of the zone (a secondary not yet
   * updated after a re-signing or a key rollover, or one that strips signatures) may serve data
   * that validates, so it is asked before the data is found BOGUS, as Unbound does. A chain of
   * trust that could not be had, or a verification budget spent, is no single server's doing.
   */
  public boolean mayBeServersFault() {
    return isBogus() && switch (reason) {
      case NO_SIGNATURE, SIGNATURE_EXPIRED, SIGNATURE_NOT_YET_VALID, BAD_SIGNATURE, NO_MATCHING_KEY,
           DS_MATCHES_NO_KEY, MISSING_PROOF -> true;
      case KEYS_UNAVAILABLE, DS_UNAVAILABLE, VERIFICATION_LIMIT -> false;
    };
  }

  /** The weaker of the two (BOGUS, then INDETERMINATE, then INSECURE, then SECURE); this one on a tie. */
  public Verdict weakest(Verdict other) {
    return strength(other.status) < strength(status) ? other : this;
  }

  private static int strength(Security status) {
    return switch (status) {
      case BOGUS -> 0;
      case INDETERMINATE -> 1;
      case INSECURE -> 2;
      case SECURE -> 3;
    };
  }

  /**
   * The status as the cache keeps it beside an RRset.
   *
   * @throws IllegalStateException for BOGUS, which is never cached
   */
  public ValidationStatus cached() {
    return switch (status) {
      case SECURE -> ValidationStatus.SECURE;
      case INSECURE -> ValidationStatus.INSECURE;
      case INDETERMINATE -> ValidationStatus.INDETERMINATE;
      case BOGUS -> throw new IllegalStateException("BOGUS data is never cached: " + detail);
    };
  }

  /** The verdict on an RRset the cache kept with {@code status}. */
  public static Verdict ofCached(ValidationStatus status) {
    return switch (status) {
      case SECURE -> SECURE;
      case INSECURE -> INSECURE;
      case INDETERMINATE -> INDETERMINATE;
    };
  }
}
