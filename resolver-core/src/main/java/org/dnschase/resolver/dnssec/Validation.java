package org.dnschase.resolver.dnssec;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.dnschase.resolver.internal.dnssec.TrustAnchors;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * How a resolver validates DNSSEC (RFC 4035 §5): off, or from trust anchors, with negative trust
 * anchors (RFC 7646) where validation is skipped. An immutable value given to {@code
 * ResolverBuilder.validation}; without one, a resolver validates exactly when it starts at the IANA
 * root (no root hints given), from {@link #ianaRoot()}. A validating resolver gives every outcome
 * its security status and ends BOGUS data as a failure of reason {@code DNSSEC_BOGUS}, unless the
 * question disabled checking. New validation settings belong here, as {@code with} methods.
 *
 * {@snippet class=org.dnschase.resolver.dnssec.Snippets region=validation}
 */
public final class Validation {

  /**
   * An algorithm RFC 8624 retired, which a validator checks only when asked: by default data signed
   * with it alone is INSECURE, as RFC 8624 §3.1 says (never BOGUS).
   */
  public enum LegacyAlgorithm {
    /**
     * DSA/SHA-1 (3) and DSA-NSEC3-SHA1 (6), which a validator MUST NOT validate (RFC 8624 §3.1):
     * 1,024-bit keys and SHA-1. For zones still signed with it, and to answer as validators that
     * check it do (Unbound built with DSA); a signature in the DER form old signers wrote is
     * accepted, as Unbound accepts it.
     */
    DSA
  }

  private static final Validation OFF = new Validation(List.of(), Set.of(), Set.of(), true, false);

  /** Empty when off. */
  private final List<Record> anchors;
  private final Set<Name> negative;
  private final Set<LegacyAlgorithm> legacy;
  private final boolean aggressiveNsec;
  private final boolean keyPrefetch;

  private Validation(List<Record> anchors, Set<Name> negative, Set<LegacyAlgorithm> legacy, boolean aggressiveNsec,
      boolean keyPrefetch) {
    this.anchors = anchors;
    this.negative = negative;
    this.legacy = legacy;
    this.aggressiveNsec = aggressiveNsec;
    this.keyPrefetch = keyPrefetch;
  }

  /**
   * No validation: outcomes are INDETERMINATE and nothing is BOGUS.
   *
   * @return validation switched off
   */
  public static Validation off() {
    return OFF;
  }

  /**
   * Validation from the root's built-in key-signing keys (tags 20326 and 38696, as DS records).
   *
   * @return validation anchored at the IANA root
   */
  public static Validation ianaRoot() {
    return new Validation(TrustAnchors.ianaRootRecords(), Set.of(), Set.of(), true, false);
  }

  /**
   * Validation from the given trust anchors: DS or DNSKEY records as master-file text, TTL and
   * class optional, for one zone or several.
   *
   * @param text e.g. {@code ". IN DS 20326 8 2 E06D44B8..."}
   * @return validation from these anchors
   * @throws IllegalArgumentException if the text does not parse or holds other records
   */
  public static Validation trustAnchors(String text) {
    return new Validation(TrustAnchors.parse(Objects.requireNonNull(text, "text")), Set.of(), Set.of(), true, false);
  }

  /**
   * {@link #trustAnchors(String)} read from a file (Unbound's {@code trust-anchor-file}).
   *
   * @param file the file of DS or DNSKEY records
   * @return validation from the file's anchors
   * @throws java.io.UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if it does not parse, naming the file and the line
   */
  public static Validation trustAnchorFile(Path file) {
    return new Validation(TrustAnchors.read(Objects.requireNonNull(file, "file")), Set.of(), Set.of(), true, false);
  }

  /**
   * These anchors with negative trust anchors (RFC 7646): names at and below these zones are not
   * validated and are INSECURE, unless a trust anchor below one of them covers them; for a zone
   * whose signatures are known to be broken while it is repaired.
   *
   * @param zones the zones, absolute
   * @return this validation with these negative trust anchors in place of any before
   * @throws IllegalArgumentException if a name is relative
   * @throws IllegalStateException if validation is off
   */
  public Validation withNegativeTrustAnchors(Collection<Name> zones) {
    if (!enabled()) {
      throw new IllegalStateException("negative trust anchors need validation, which is off");
    }
    for (Name zone : Objects.requireNonNull(zones, "zones")) {
      if (!Objects.requireNonNull(zone, "a negative trust anchor").isAbsolute()) {
        throw new IllegalArgumentException("a negative trust anchor is an absolute name: " + zone);
      }
    }
    return new Validation(anchors, Set.copyOf(zones), legacy, aggressiveNsec, keyPrefetch);
  }

  /**
   * These anchors, validating also data signed with {@code algorithms}, which RFC 8624 retired;
   * without this, the algorithms of RFC 8624 §3.1 alone.
   *
   * @param algorithms the legacy algorithms to validate, in place of any before; none for RFC
   *     8624's set
   * @return this validation with these algorithms
   * @throws IllegalStateException if validation is off
   */
  public Validation withLegacyAlgorithms(Set<LegacyAlgorithm> algorithms) {
    if (!enabled()) {
      throw new IllegalStateException("legacy algorithms need validation, which is off");
    }
    return new Validation(anchors, negative, Set.copyOf(Objects.requireNonNull(algorithms, "algorithms")),
        aggressiveNsec, keyPrefetch);
  }

  /**
   * These anchors without aggressive use of the validated cache (RFC 8198): a name inside a
   * remembered NSEC or NSEC3 range is asked of its servers, as Unbound does with {@code
   * aggressive-nsec: no}. By default the ranges of proven negative answers answer NXDOMAIN and
   * NODATA for other names without a query, which spares the servers random-name floods.
   *
   * @return this validation, every negative answer asked of the servers
   * @throws IllegalStateException if validation is off
   */
  public Validation withoutAggressiveNsec() {
    if (!enabled()) {
      throw new IllegalStateException("aggressive use of NSEC needs validation, which is off");
    }
    return new Validation(anchors, negative, legacy, false, keyPrefetch);
  }

  /**
   * These anchors, fetching a zone's DNSKEY RRset as soon as a referral shows its DS records, in
   * a query of its own beside the walk into the zone (Unbound's {@code prefetch-key}): the keys
   * are at hand, or on their way, when the zone's first answer needs checking, which saves a
   * round trip per signed zone of a cold walk for one query more when the keys are never needed.
   *
   * @return this validation, prefetching keys
   * @throws IllegalStateException if validation is off
   */
  public Validation withKeyPrefetch() {
    if (!enabled()) {
      throw new IllegalStateException("key prefetch needs validation, which is off");
    }
    return new Validation(anchors, negative, legacy, aggressiveNsec, true);
  }

  /**
   * Whether a zone's keys are fetched as soon as a referral shows its DS records.
   *
   * @return false unless {@link #withKeyPrefetch()} turned it on
   */
  public boolean keyPrefetch() {
    return keyPrefetch;
  }

  /**
   * Whether validated NSEC and NSEC3 ranges answer other names without a query (RFC 8198).
   *
   * @return true unless {@link #withoutAggressiveNsec()} turned it off
   */
  public boolean aggressiveNsec() {
    return aggressiveNsec;
  }

  /**
   * Whether a resolver given this validates.
   *
   * @return false for {@link #off()}
   */
  public boolean enabled() {
    return !anchors.isEmpty();
  }

  /**
   * The trust anchors validation starts from.
   *
   * @return their DS and DNSKEY records; empty when off
   */
  public List<Record> anchorRecords() {
    return anchors;
  }

  /**
   * The negative trust anchors.
   *
   * @return the zones below which nothing is validated
   */
  public Set<Name> negativeTrustAnchors() {
    return negative;
  }

  /**
   * The retired algorithms validated beside RFC 8624's.
   *
   * @return none by default
   */
  public Set<LegacyAlgorithm> legacyAlgorithms() {
    return legacy;
  }

  @Override
  public String toString() {
    return enabled() ? "Validation[" + anchors.size() + " anchor records"
        + (negative.isEmpty() ? "" : ", negative " + negative)
        + (legacy.isEmpty() ? "" : ", legacy " + legacy)
        + (aggressiveNsec ? "" : ", without aggressive NSEC") + (keyPrefetch ? ", key prefetch" : "") + "]"
        : "Validation[off]";
  }
}
