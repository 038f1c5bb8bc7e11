package org.dnschase.resolver.testkit;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;

/**
 * The keys one signed zone of a {@link TestHierarchy} was signed with, generated for that
 * hierarchy: the key-signing key, whose DS the parent publishes (or which a test takes as its
 * trust anchor), and the zone-signing key, the same key when the zone has a combined one.
 */
public final class ZoneKeys {
  /** RFC 4034 §2.1.1: bit 7 (256) marks a zone key, bit 15 (1) a secure entry point. */
  static final int ZONE_KEY = 256;
  static final int SEP = 1;

  private final DNSKEYRecord ksk;
  private final PrivateKey kskPrivate;
  private final DNSKEYRecord zsk;
  private final PrivateKey zskPrivate;

  private ZoneKeys(DNSKEYRecord ksk, PrivateKey kskPrivate, DNSKEYRecord zsk, PrivateKey zskPrivate) {
    this.ksk = ksk;
    this.kskPrivate = kskPrivate;
    this.zsk = zsk;
    this.zskPrivate = zskPrivate;
  }

  /** New keys for the zone {@code origin}, with the zone's TTL. */
  static ZoneKeys generate(Name origin, long ttl, Signing signing) {
    KeyPair ksk = KeyPairs.generate(signing.algorithm());
    DNSKEYRecord kskRecord = dnskey(origin, ttl, ZONE_KEY | SEP, signing.algorithm(), ksk);
    if (signing.combinedKey()) {
      return new ZoneKeys(kskRecord, ksk.getPrivate(), kskRecord, ksk.getPrivate());
    }
    KeyPair zsk = KeyPairs.generate(signing.algorithm());
    return new ZoneKeys(kskRecord, ksk.getPrivate(),
        dnskey(origin, ttl, ZONE_KEY, signing.algorithm(), zsk), zsk.getPrivate());
  }

  static DNSKEYRecord dnskey(Name origin, long ttl, int flags, int algorithm, KeyPair pair) {
    try {
      return new DNSKEYRecord(origin, DClass.IN, ttl, flags, DNSKEYRecord.Protocol.DNSSEC, algorithm,
          pair.getPublic());
    } catch (DNSSEC.DNSSECException e) {
      throw new IllegalStateException("dnsjava cannot encode a key of algorithm " + algorithm, e);
    }
  }

  /** {@return the key-signing key (flags 257); with a combined key, the one key} */
  public DNSKEYRecord ksk() {
    return ksk;
  }

  /** {@return the zone-signing key (flags 256); with a combined key, the same as {@link #ksk()}} */
  public DNSKEYRecord zsk() {
    return zsk;
  }

  /** {@return the zone's DNSKEY records: the KSK, then the ZSK unless it is the same key} */
  public List<DNSKEYRecord> dnskeys() {
    return ksk == zsk ? List.of(ksk) : List.of(ksk, zsk);
  }

  /**
   * The DS of the KSK with a SHA-256 digest (RFC 4509), as the parent publishes it.
   *
   * @param ttl the DS record's TTL
   * @return the DS record
   */
  public DSRecord ds(long ttl) {
    return new DSRecord(ksk.getName(), DClass.IN, ttl, DSRecord.SHA256_DIGEST_ID, ksk);
  }

  PrivateKey kskPrivate() {
    return kskPrivate;
  }

  PrivateKey zskPrivate() {
    return zskPrivate;
  }

  @Override
  public String toString() {
    return "ZoneKeys[" + ksk.getName() + " ksk=" + ksk.getFootprint()
        + (ksk == zsk ? " (combined)" : " zsk=" + zsk.getFootprint()) + "]";
  }
}
