package org.dnschase.resolver.testkit;

import org.xbill.DNS.Name;

/**
 * A deliberate DNSSEC fault a signed zone is built with, so that a validator can be shown to
 * reject it: given to {@link Signing#withBreakage}. Each breaks exactly what its name says and
 * nothing else; a zone left unsigned under a signed parent (an insecure delegation) is {@link
 * TestHierarchy.Builder#unsigned(String)}, and a whole zone's expired signatures are {@link
 * Signing#withValidity}.
 */
public sealed interface Breakage {

  /**
   * The RRSIG of one RRset expired a day before the signing's reference time (RFC 4035 §5.3.1).
   *
   * @param owner the RRset's owner name
   * @param type its type
   */
  record ExpiredSignature(Name owner, int type) implements Breakage {}

  /**
   * The RRSIG of one RRset becomes valid only a day after the signing's reference time.
   *
   * @param owner the RRset's owner name
   * @param type its type
   */
  record NotYetValidSignature(Name owner, int type) implements Breakage {}

  /**
   * One RRset is served without its RRSIG (RFC 4035 §5.3: no signature, bogus).
   *
   * @param owner the RRset's owner name
   * @param type its type
   */
  record MissingSignature(Name owner, int type) implements Breakage {}

  /** The parent publishes a DS of a key the zone does not hold, so no DNSKEY matches it. */
  record DsMatchingNoKey() implements Breakage {}

  /**
   * The parent publishes two DS records of the zone's KSK: a SHA-1 digest that matches it and a
   * SHA-256 digest that does not, as an attacker who can forge SHA-1 but not SHA-256 would leave it
   * (the downgrade of RFC 4509 §3).
   */
  record DigestDowngrade() implements Breakage {}

  /**
   * Replies leave out every NSEC and NSEC3 proof (negative answers, wildcard answers and
   * referrals without DS), though the chain stays in the zone's data.
   */
  record StrippedProofs() implements Breakage {}

  /**
   * Negative answers (NXDOMAIN, NODATA) leave out the zone's SOA and its RRSIG, which RFC 2308 §3
   * says they carry, keeping their NSEC or NSEC3 proof unless {@link StrippedProofs} strips that too.
   */
  record StrippedSoa() implements Breakage {}

  /**
   * The DNSKEY RRset holds {@code count} extra keys with the ZSK's key tag and algorithm but
   * other key material, which verify nothing: a validator that tries every key with a matching tag
   * does that much work per signature (KeyTrap, CVE-2023-50387).
   *
   * @param count how many extra keys, 1 to 1000
   */
  record CollidingKeys(int count) implements Breakage {
    /** Checks the count. */
    public CollidingKeys {
      if (count < 1 || count > 1000) {
        throw new IllegalArgumentException("colliding keys must be 1..1000: " + count);
      }
    }
  }

  /**
   * {@link ExpiredSignature} for an absolute owner name.
   *
   * @param owner e.g. {@code www.example.test.}
   * @param type e.g. {@code Type.A}
   * @return the breakage
   */
  static Breakage expiredSignature(String owner, int type) {
    return new ExpiredSignature(ZoneSpec.name(owner, Name.root), type);
  }

  /**
   * {@link NotYetValidSignature} for an absolute owner name.
   *
   * @param owner e.g. {@code www.example.test.}
   * @param type e.g. {@code Type.A}
   * @return the breakage
   */
  static Breakage notYetValidSignature(String owner, int type) {
    return new NotYetValidSignature(ZoneSpec.name(owner, Name.root), type);
  }

  /**
   * {@link MissingSignature} for an absolute owner name.
   *
   * @param owner e.g. {@code www.example.test.}
   * @param type e.g. {@code Type.A}
   * @return the breakage
   */
  static Breakage missingSignature(String owner, int type) {
    return new MissingSignature(ZoneSpec.name(owner, Name.root), type);
  }
}
