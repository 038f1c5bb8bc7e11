package org.dnschase.resolver.internal.dnssec.denial;

import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dnschase.resolver.internal.dnssec.denial.Denial.BogusReason;
import org.dnschase.resolver.internal.dnssec.denial.Denial.InsecureReason;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.utils.base32;

/**
 * The NSEC3 records of one answer that a proof may use, with the hashing of their chain (RFC 5155
 * §8.1-8.3). Records with flags other than opt-out are ignored (§8.2), so are records whose owner
 * is not a hash label directly below the apex, records of an unknown hash algorithm (§8.1), and
 * records whose iterations or salt differ from the first usable one: an authoritative server
 * answers from one chain (§7.2), and hashing every name once per parameter set would let an answer
 * multiply the work (CVE-2023-50868). Names are hashed with dnsjava ({@link
 * NSEC3Record#hashName}) once each, so a proof costs at most one hash per label of the name asked,
 * each of at most the iteration limit's rounds.
 */
final class Nsec3Chain {
  private static final base32 BASE32HEX = new base32(base32.Alphabet.BASE32HEX, false, false);

  private final List<Hashed> usable;
  private final int unknownAlgorithm;
  private final int wrongOwner;
  private final Map<Name, byte[]> hashes = new HashMap<>();

  /** A usable record and the hash its owner name spells. */
  private record Hashed(NSEC3Record record, byte[] ownerHash) {}

  private Nsec3Chain(List<Hashed> usable, int unknownAlgorithm, int wrongOwner) {
    this.usable = usable;
    this.unknownAlgorithm = unknownAlgorithm;
    this.wrongOwner = wrongOwner;
  }

  static Nsec3Chain of(DenialRecords records) {
    List<Hashed> usable = new ArrayList<>();
    int unknownAlgorithm = 0;
    int wrongOwner = 0;
    for (NSEC3Record nsec3 : records.nsec3()) {
      byte[] ownerHash = ownerHash(nsec3, records.zone());
      if ((nsec3.getFlags() & ~NSEC3Record.Flags.OPT_OUT) != 0) {
        continue;
      } else if (ownerHash == null) {
        wrongOwner++;
      } else if (nsec3.getHashAlgorithm() != NSEC3Record.SHA1_DIGEST_ID) {
        unknownAlgorithm++;
      } else if (usable.isEmpty() || sameParameters(usable.get(0).record, nsec3)) {
        usable.add(new Hashed(nsec3, ownerHash));
      }
    }
    return new Nsec3Chain(usable, unknownAlgorithm, wrongOwner);
  }

  /**
   * Why no proof can be made with these records, or null if one may: insecure when only unknown
   * hash algorithms came (§8.1) or the chain uses more iterations than {@code maxIterations} (RFC
   * 9276 §3.2), bogus when nothing usable came.
   */
  Denial unusable(int maxIterations, String what) {
    if (usable.isEmpty()) {
      if (unknownAlgorithm > 0) {
        return new Denial.Insecure(InsecureReason.UNSUPPORTED_HASH_ALGORITHM,
            unknownAlgorithm + " NSEC3 records of unknown hash algorithms for " + what);
      }
      return new Denial.Bogus(wrongOwner > 0 ? BogusReason.WRONG_OWNER : BogusReason.MISSING_PROOF,
          wrongOwner > 0 ? wrongOwner + " NSEC3 owners are no hash label below the zone, for " + what
              : "no usable NSEC3 for " + what);
    }
    int iterations = usable.get(0).record.getIterations();
    if (iterations > maxIterations) {
      return new Denial.Insecure(InsecureReason.ITERATIONS_ABOVE_LIMIT,
          "NSEC3 with " + iterations + " iterations, above the limit of " + maxIterations + ", for " + what);
    }
    return null;
  }

  /** The record whose owner is the hash of {@code name}, or null (RFC 5155 §8.3 "matches"). */
  NSEC3Record matching(Name name) {
    byte[] hash = hash(name);
    for (Hashed hashed : usable) {
      if (Arrays.equals(hashed.ownerHash, hash)) {
        return hashed.record;
      }
    }
    return null;
  }

  /**
   * The record whose range holds the hash of {@code name}: after its owner's hash and before its
   * next hash, or, for the last record of the chain, after its owner's or before its next (RFC
   * 5155 §8.3 "covers").
   */
  NSEC3Record covering(Name name) {
    byte[] hash = hash(name);
    for (Hashed hashed : usable) {
      byte[] next = hashed.record.getNext();
      boolean afterOwner = Arrays.compareUnsigned(hashed.ownerHash, hash) < 0;
      boolean beforeNext = Arrays.compareUnsigned(hash, next) < 0;
      boolean last = Arrays.compareUnsigned(next, hashed.ownerHash) <= 0;
      if (last ? afterOwner || beforeNext : afterOwner && beforeNext) {
        return hashed.record;
      }
    }
    return null;
  }

  private byte[] hash(Name name) {
    return hashes.computeIfAbsent(name, this::computeHash);
  }

  private byte[] computeHash(Name name) {
    try {
      return usable.get(0).record.hashName(name);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1, which every JDK must have", e);
    }
  }

  /**
   * The owner the NSEC3 matching {@code name} has in {@code zone}: the hash of the name with the
   * parameters of {@code chain}'s records, in base32hex, below the apex (RFC 5155 §3.3).
   */
  static Name hashOwner(NSEC3Record chain, Name name, Name zone) {
    try {
      return Name.fromString(BASE32HEX.toString(chain.hashName(name)), zone);
    } catch (NoSuchAlgorithmException | TextParseException e) {
      throw new IllegalStateException("cannot hash " + name + " as " + chain + " does", e);
    }
  }

  /** The hash an NSEC3 owner spells (one base32hex label right below the apex), or null. */
  private static byte[] ownerHash(NSEC3Record nsec3, Name zone) {
    Name owner = nsec3.getName();
    if (owner.labels() != zone.labels() + 1 || !owner.subdomain(zone)) {
      return null;
    }
    byte[] hash = BASE32HEX.fromString(owner.getLabelString(0).toUpperCase(Locale.ROOT));
    return hash != null && hash.length == nsec3.getNext().length ? hash : null;
  }

  private static boolean sameParameters(NSEC3Record a, NSEC3Record b) {
    return a.getIterations() == b.getIterations() && Arrays.equals(a.getSalt(), b.getSalt());
  }
}
