package org.dnschase.resolver.testkit;

import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DNSKEYRecord;

/**
 * Keys that share one key's tag (RFC 4034 Appendix B) but not its material. The tag is a
 * ones'-complement-like sum of the RDATA's 16-bit words, so raising the high octet of one word by
 * {@code d} and lowering that of another by {@code d} keeps it; the public key is then another (or
 * no valid) key, which verifies no signature.
 */
final class CollidingKeys {
  private CollidingKeys() {}

  static List<DNSKEYRecord> of(DNSKEYRecord key, int count) {
    byte[] material = key.getKey();
    List<DNSKEYRecord> keys = new ArrayList<>();
    // the key starts at RDATA offset 4, so its even offsets are the high octets of words
    for (int delta = 1; delta < 256 && keys.size() < count; delta++) {
      for (int a = 0; a + 2 < material.length && keys.size() < count; a += 2) {
        byte[] changed = material.clone();
        int high = (changed[a] & 0xff) + delta;
        int low = (changed[a + 2] & 0xff) - delta;
        if (high <= 0xff && low >= 0) {
          changed[a] = (byte) high;
          changed[a + 2] = (byte) low;
          DNSKEYRecord twin = new DNSKEYRecord(key.getName(), key.getDClass(), key.getTTL(),
              key.getFlags(), key.getProtocol(), key.getAlgorithm(), changed);
          if (twin.getFootprint() == key.getFootprint() && !keys.contains(twin)) {
            keys.add(twin);
          }
        }
      }
    }
    if (keys.size() < count) {
      throw new IllegalStateException("only " + keys.size() + " keys collide with tag "
          + key.getFootprint() + ", not " + count);
    }
    return keys;
  }
}
