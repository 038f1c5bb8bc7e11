package org.dnschase.resolver.internal.dnssec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dnschase.resolver.BogusReason;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;

/**
 * One link of a chain of trust (RFC 4035 §5.2): a zone's DNSKEY RRset is trusted when one of its
 * keys matches a trusted DS record (or is an anchor's key) and that key signed the RRset. A DS set
 * whose every record uses an algorithm or digest not implemented here makes the zone INSECURE, not
 * BOGUS (RFC 4035 §5.2, RFC 8624). A SHA-1 DS counts only when the set holds no usable DS with a
 * stronger digest, so that a forged SHA-1 digest cannot stand in for a SHA-256 one (RFC 4509 §3).
 */
public final class KeyTrust {

  private KeyTrust() {}

  /**
   * What {@code dnskeys}, the DNSKEY RRset of {@code trusted.zone()}, makes of the zone, where DS
   * records and anchor keys count only with one of {@code algorithms}.
   */
  public static KeyEntry check(KeyEntry.TrustedDs trusted, RRset dnskeys, Algorithms algorithms, Instant now,
      VerificationAllowance allowance) {
    Name zone = trusted.zone();
    List<DSRecord> usable = strongestDigests(trusted.ds().stream()
        .filter(ds -> algorithms.supported(ds.getAlgorithm()) && Algorithms.digestSupported(ds.getDigestID()))
        .toList());
    List<DNSKEYRecord> anchorKeys = trusted.anchorKeys().stream()
        .filter(key -> algorithms.supported(key.getAlgorithm())).toList();
    if (usable.isEmpty() && anchorKeys.isEmpty()) {
      return new KeyEntry.Untrusted(zone, Verdict.INSECURE);
    }
    List<DNSKEYRecord> all = new ArrayList<>();
    List<DNSKEYRecord> matching = new ArrayList<>();
    int digests = 0;
    for (Record record : dnskeys.rrs(false)) {
      if (!(record instanceof DNSKEYRecord key) || !SignatureVerifier.usable(key)) {
        continue;
      }
      all.add(key);
      if (anchorKeys.contains(key)) {
        matching.add(key);
        continue;
      }
      for (DSRecord ds : usable) {
        // a digest costs little, but a zone of colliding tags must not make it cost per key
        if (ds.getFootprint() == key.getFootprint() && ds.getAlgorithm() == key.getAlgorithm()
            && digests++ < allowance.maxKeysPerSignature() * usable.size() && digestMatches(zone, ds, key)) {
          matching.add(key);
          break;
        }
      }
    }
    if (matching.isEmpty()) {
      return new KeyEntry.Untrusted(zone, Verdict.bogus(BogusReason.DS_MATCHES_NO_KEY, "no DNSKEY of " + zone
          + " matches its DS records " + tags(trusted)));
    }
    Verdict signed = SignatureVerifier.verify(dnskeys, zone, matching, now, allowance);
    return signed == Verdict.SECURE ? new KeyEntry.Keys(zone, all) : new KeyEntry.Untrusted(zone, signed);
  }

  /** The DS records without their SHA-1 digests when others are there (RFC 4509 §3). */
  private static List<DSRecord> strongestDigests(List<DSRecord> usable) {
    boolean stronger = usable.stream().anyMatch(ds -> ds.getDigestID() != DSRecord.SHA1_DIGEST_ID);
    return stronger ? usable.stream().filter(ds -> ds.getDigestID() != DSRecord.SHA1_DIGEST_ID).toList() : usable;
  }

  private static boolean digestMatches(Name zone, DSRecord ds, DNSKEYRecord key) {
    return Arrays.equals(new DSRecord(zone, DClass.IN, 0, ds.getDigestID(), key).getDigest(), ds.getDigest());
  }

  private static String tags(KeyEntry.TrustedDs trusted) {
    return trusted.ds().stream().map(ds -> ds.getFootprint() + "/" + ds.getAlgorithm()).toList().toString();
  }
}
