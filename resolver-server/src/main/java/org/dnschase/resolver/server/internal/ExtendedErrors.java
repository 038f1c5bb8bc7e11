package org.dnschase.resolver.server.internal;

import static org.xbill.DNS.ExtendedErrorCodeOption.DNSKEY_MISSING;
import static org.xbill.DNS.ExtendedErrorCodeOption.DNSSEC_BOGUS;
import static org.xbill.DNS.ExtendedErrorCodeOption.NOT_READY;
import static org.xbill.DNS.ExtendedErrorCodeOption.NOT_AUTHORITATIVE;
import static org.xbill.DNS.ExtendedErrorCodeOption.NO_REACHABLE_AUTHORITY;
import static org.xbill.DNS.ExtendedErrorCodeOption.NSEC_MISSING;
import static org.xbill.DNS.ExtendedErrorCodeOption.OTHER;
import static org.xbill.DNS.ExtendedErrorCodeOption.RRSIGS_MISSING;
import static org.xbill.DNS.ExtendedErrorCodeOption.SIGNATURE_EXPIRED;
import static org.xbill.DNS.ExtendedErrorCodeOption.SIGNATURE_NOT_YET_VALID;
import static org.xbill.DNS.ExtendedErrorCodeOption.STALE_ANSWER;
import static org.xbill.DNS.ExtendedErrorCodeOption.STALE_NXDOMAIN_ANSWER;

import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.xbill.DNS.Message;

/**
 * The one table from an outcome to the Extended DNS Error (RFC 8914) its answer carries: a
 * failure says why the resolver gave up (a DNSSEC failure why the data is bogus), a stale answer
 * says it is stale. The EXTRA-TEXT names
 * the reason and the failure's detail (a loop's cycle, the servers that failed), cut to {@link
 * #MAX_TEXT} characters so the option never crowds out the answer.
 */
public final class ExtendedErrors {

  /** The longest EXTRA-TEXT sent, in characters. */
  static final int MAX_TEXT = 200;

  private ExtendedErrors() {}

  /**
   * The INFO-CODE for a failure reason. Only reasons RFC 8914 §4 has a code for get one; the
   * others are "Other", and the text says which.
   *
   * @param reason why the resolution failed
   * @return the INFO-CODE
   */
  static int code(FailureReason reason) {
    return switch (reason) {
      // §4.23: "the resolver could not reach any of the authoritative name servers"
      case ALL_SERVERS_FAILED, TIMEOUT -> NO_REACHABLE_AUTHORITY;
      // §4.15: "not fully functional": stopping, the resolver answers nothing more
      case CLOSED -> NOT_READY;
      // §4.21: not authoritative, and recursion was not desired (RD=0): the cache could not answer
      case NOT_CACHED -> NOT_AUTHORITATIVE;
      // §4.7: "the resolver attempted to perform DNSSEC validation, but validation ended in the Bogus state"
      case DNSSEC_BOGUS -> DNSSEC_BOGUS;
      case HOP_LIMIT, LOOP, QUERY_BUDGET_EXCEEDED, REFERRAL_LIMIT, DEPTH_LIMIT, GLUELESS_LIMIT,
          CYCLIC_DEPENDENCY, YXDOMAIN, INTERNAL_ERROR -> OTHER;
    };
  }

  /**
   * The INFO-CODE for data found BOGUS: the most precise code RFC 8914 §4 has for why, else
   * "DNSSEC Bogus" (§4.7), as Unbound chooses them.
   *
   * @param reason why validation found the data bogus
   * @return the INFO-CODE
   */
  static int code(Resolution.BogusReason reason) {
    return switch (reason) {
      // §4.8, §4.9: the signature's validity period does not hold now
      case SIGNATURE_EXPIRED -> SIGNATURE_EXPIRED;
      case SIGNATURE_NOT_YET_VALID -> SIGNATURE_NOT_YET_VALID;
      // §4.10: no DNSKEY matches the DS (or the RRSIG's key tag), or the keys could not be had
      case DS_MATCHES_NO_KEY, NO_MATCHING_KEY, KEYS_UNAVAILABLE -> DNSKEY_MISSING;
      // §4.11: "the resolver could not find RRSIG records" for data of a signed zone
      case NO_SIGNATURE -> RRSIGS_MISSING;
      // §4.13: "the resolver attempted to validate ... but NSEC(3) records could not be found"
      case MISSING_PROOF -> NSEC_MISSING;
      case BAD_SIGNATURE, VERIFICATION_LIMIT -> DNSSEC_BOGUS;
    };
  }

  /**
   * Adds to {@code answer} the Extended DNS Error {@code resolution} calls for, if any.
   *
   * @param answer the answer built from {@code resolution}, changed in place
   * @param resolution the outcome
   * @return {@code answer}
   */
  public static Message add(Message answer, Resolution resolution) {
    if (resolution instanceof Resolution.Failure failure) {
      int code = failure.bogusReason() != null ? code(failure.bogusReason()) : code(failure.reason());
      return Answers.withExtendedError(answer, code,
          text(failure.reason() + ": " + failure.detail()));
    }
    for (Diagnostic diagnostic : resolution.diagnostics()) {
      if (diagnostic.kind() == Diagnostic.Oddity.STALE_ANSWER) {
        int code = resolution instanceof Resolution.NxDomain ? STALE_NXDOMAIN_ANSWER : STALE_ANSWER;
        return Answers.withExtendedError(answer, code, text(diagnostic.detail()));
      }
    }
    return answer;
  }

  static String text(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 3) + "...";
  }
}
