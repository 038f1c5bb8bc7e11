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

  private static final Validation OFF = new Validation(List.of(), Set.of());

  /** Empty when off. */
  private final List<Record> anchors;
  private final Set<Name> negative;

  private Validation(List<Record> anchors, Set<Name> negative) {
    this.anchors = anchors;
    this.negative = negative;
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
    return new Validation(TrustAnchors.ianaRootRecords(), Set.of());
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
    return new Validation(TrustAnchors.parse(Objects.requireNonNull(text, "text")), Set.of());
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
    return new Validation(TrustAnchors.read(Objects.requireNonNull(file, "file")), Set.of());
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
    return new Validation(anchors, Set.copyOf(zones));
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

  @Override
  public String toString() {
    return enabled() ? "Validation[" + anchors.size() + " anchor records"
        + (negative.isEmpty() ? "" : ", negative " + negative) + "]" : "Validation[off]";
  }
}
