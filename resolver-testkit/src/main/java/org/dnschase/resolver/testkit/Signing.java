package org.dnschase.resolver.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.DNSSEC;

/**
 * How {@link TestHierarchy} signs a zone (RFC 4033-4035): the algorithm, one combined signing key
 * or a KSK and a ZSK, an NSEC or NSEC3 chain (RFC 5155), and the signatures' validity window,
 * relative to a clock. Keys are generated for each hierarchy with the JDK's crypto; signatures are
 * made with dnsjava's {@link DNSSEC#sign}. An immutable value: each {@code with} method returns a
 * changed copy.
 *
 * {@snippet class=org.dnschase.resolver.testkit.Snippets region=signed}
 */
public final class Signing {
  /** RFC 5155 §5: the iteration count is at most 2,500 for the largest keys. */
  static final int MAX_ITERATIONS = 2_500;

  private final int algorithm;
  private final boolean combinedKey;
  private final Nsec3 nsec3;
  private final Instant now;
  private final Duration validBefore;
  private final Duration validAfter;
  private final List<Breakage> breakages;

  /**
   * The parameters of an NSEC3 chain (RFC 5155 §3).
   *
   * @param iterations extra hash iterations, 0 to 2500 (RFC 9276 recommends 0)
   * @param salt the salt, empty for none (RFC 9276 recommends none)
   * @param optOut whether unsigned delegations are left out of the chain (RFC 5155 §6)
   */
  public record Nsec3(int iterations, byte[] salt, boolean optOut) {
    /** Checks the iteration count and copies the salt. */
    public Nsec3 {
      if (iterations < 0 || iterations > MAX_ITERATIONS) {
        throw new IllegalArgumentException("NSEC3 iterations must be 0.." + MAX_ITERATIONS + ": " + iterations);
      }
      if (salt.length > 255) {
        throw new IllegalArgumentException("an NSEC3 salt is at most 255 octets: " + salt.length);
      }
      salt = salt.clone();
    }

    /** {@return a copy of the salt} */
    @Override
    public byte[] salt() {
      return salt.clone();
    }
  }

  private Signing(int algorithm, boolean combinedKey, Nsec3 nsec3, Instant now,
      Duration validBefore, Duration validAfter, List<Breakage> breakages) {
    this.algorithm = algorithm;
    this.combinedKey = combinedKey;
    this.nsec3 = nsec3;
    this.now = now;
    this.validBefore = validBefore;
    this.validAfter = validAfter;
    this.breakages = List.copyOf(breakages);
  }

  /**
   * Signing with {@code algorithm}, a KSK and a ZSK, an NSEC chain, and signatures valid from an
   * hour before the hierarchy is built until 30 days after.
   *
   * @param algorithm {@link DNSSEC.Algorithm#RSASHA256} (8), {@link DNSSEC.Algorithm#ECDSAP256SHA256}
   *     (13), {@link DNSSEC.Algorithm#ED25519} (15), or {@link DNSSEC.Algorithm#DSA} (3), retired by
   *     RFC 8624, to show what a validator makes of it
   * @return the signing
   * @throws IllegalArgumentException for another algorithm
   */
  public static Signing with(int algorithm) {
    KeyPairs.check(algorithm);
    return new Signing(algorithm, false, null, null, Duration.ofHours(1), Duration.ofDays(30), List.of());
  }

  /**
   * One combined signing key (CSK, flags 257) that signs every RRset, instead of a KSK and a ZSK.
   *
   * @return a changed copy
   */
  public Signing withCombinedKey() {
    return new Signing(algorithm, true, nsec3, now, validBefore, validAfter, breakages);
  }

  /**
   * An NSEC3 chain with SHA-1 hashing instead of NSEC.
   *
   * @param iterations extra iterations, 0 to 2500
   * @param saltHex the salt in hex, or {@code "-"} or empty for none
   * @param optOut whether unsigned delegations are left out of the chain (flag 1 set)
   * @return a changed copy
   */
  public Signing withNsec3(int iterations, String saltHex, boolean optOut) {
    String hex = Objects.requireNonNull(saltHex, "saltHex");
    byte[] salt = hex.equals("-") ? new byte[0] : HexFormat.of().parseHex(hex);
    return new Signing(algorithm, combinedKey, new Nsec3(iterations, salt, optOut), now, validBefore,
        validAfter, breakages);
  }

  /**
   * Signatures valid from {@code before} ahead of {@code now} until {@code after} past it
   * (inception and expiration, RFC 4034 §3.1.5); {@code now} stands for the clock of the test,
   * e.g. the time a resolver under test is set to.
   *
   * @param now the reference time; the time the hierarchy is built unless set
   * @param before how long before {@code now} the signatures become valid (negative: after it)
   * @param after how long after {@code now} they expire (negative: before it)
   * @return a changed copy
   * @throws IllegalArgumentException if the window would end before it starts
   */
  public Signing withValidity(Instant now, Duration before, Duration after) {
    if (before.negated().compareTo(after) >= 0) {
      throw new IllegalArgumentException("the validity window ends before it starts: from now-"
          + before + " to now+" + after);
    }
    return new Signing(algorithm, combinedKey, nsec3, Objects.requireNonNull(now, "now"), before, after,
        breakages);
  }

  /**
   * Builds the zone with deliberate faults, added to those set before.
   *
   * @param faults what to break
   * @return a changed copy
   */
  public Signing withBreakage(Breakage... faults) {
    List<Breakage> all = new ArrayList<>(breakages);
    for (Breakage fault : faults) {
      all.add(Objects.requireNonNull(fault, "breakage"));
    }
    return new Signing(algorithm, combinedKey, nsec3, now, validBefore, validAfter, all);
  }

  /** {@return the deliberate faults, in the order given; empty for a sound zone} */
  public List<Breakage> breakages() {
    return breakages;
  }

  /** Whether a fault of {@code kind} is among the breakages. */
  boolean breaks(Class<? extends Breakage> kind) {
    return breakages.stream().anyMatch(kind::isInstance);
  }

  /** {@return the DNSSEC algorithm number} */
  public int algorithm() {
    return algorithm;
  }

  /** {@return whether one key signs everything} */
  public boolean combinedKey() {
    return combinedKey;
  }

  /** {@return the NSEC3 parameters, or null for an NSEC chain} */
  public Nsec3 nsec3() {
    return nsec3;
  }

  /** The time the validity window is relative to, for a hierarchy built at {@code buildTime}. */
  Instant reference(Instant buildTime) {
    return now == null ? buildTime : now;
  }

  /** The signature inception for a hierarchy built at {@code buildTime}. */
  Instant inception(Instant buildTime) {
    return (now == null ? buildTime : now).minus(validBefore);
  }

  /** The signature expiration for a hierarchy built at {@code buildTime}. */
  Instant expiration(Instant buildTime) {
    return (now == null ? buildTime : now).plus(validAfter);
  }

  @Override
  public String toString() {
    return "Signing[algorithm=" + algorithm + (combinedKey ? ", CSK" : ", KSK+ZSK")
        + (nsec3 == null ? ", NSEC" : ", NSEC3 iterations=" + nsec3.iterations
            + " salt=" + (nsec3.salt.length == 0 ? "-" : HexFormat.of().formatHex(nsec3.salt))
            + (nsec3.optOut ? " opt-out" : ""))
        + ", valid now-" + validBefore + "..now+" + validAfter
        + (breakages.isEmpty() ? "" : ", broken " + breakages) + "]";
  }
}
