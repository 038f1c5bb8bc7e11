package org.dnschase.resolver.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * Signs one zone as RFC 4035 §2 says: the DNSKEY RRset at the apex, an NSEC or NSEC3 chain over the
 * authoritative names, and an RRSIG for every authoritative RRset (the DNSKEY RRset by the KSK,
 * the others by the ZSK); NS at a cut and glue below it stay unsigned (§2.2).
 */
final class ZoneSigner {
  /** How long an expired or not yet valid signature's window is. */
  private static final Duration BROKEN_WINDOW = Duration.ofDays(30);

  private final Name origin;
  private final ZoneKeys keys;
  private final Signing signing;
  private final Instant buildTime;

  ZoneSigner(Name origin, ZoneKeys keys, Signing signing, Instant buildTime) {
    this.origin = origin;
    this.keys = keys;
    this.signing = signing;
    this.buildTime = buildTime;
  }

  /** The zone's records (unsigned, DS of its children included) with keys, chain and RRSIGs. */
  List<Record> sign(List<Record> records) {
    ZoneNames names = ZoneNames.of(origin, withKeys(records));
    List<Record> chain = signing.nsec3() == null
        ? NsecChain.records(names)
        : Nsec3Chain.records(names, signing.nsec3());
    ZoneNames all = ZoneNames.of(origin, concat(names.all(), chain));
    List<Record> signed = new ArrayList<>();
    for (RRset set : all.rrsets()) {
      signed.addAll(set.rrs(false));
      if (all.signs(set) && !broken(set, Breakage.MissingSignature.class)) {
        signed.add(signature(set));
      }
    }
    return signed;
  }

  /** The records and the DNSKEYs, which carry the SOA's TTL since they were made. */
  private List<Record> withKeys(List<Record> records) {
    List<Record> all = new ArrayList<>(records);
    all.addAll(keys.dnskeys());
    signing.breakages().stream().filter(Breakage.CollidingKeys.class::isInstance)
        .forEach(b -> all.addAll(CollidingKeys.of(keys.zsk(), ((Breakage.CollidingKeys) b).count())));
    return all;
  }

  /** Whether a breakage of {@code kind} names this RRset. */
  private boolean broken(RRset set, Class<? extends Breakage> kind) {
    return signing.breakages().stream().filter(kind::isInstance).anyMatch(b -> switch (b) {
      case Breakage.ExpiredSignature e -> e.owner().equals(set.getName()) && e.type() == set.getType();
      case Breakage.NotYetValidSignature n -> n.owner().equals(set.getName()) && n.type() == set.getType();
      case Breakage.MissingSignature m -> m.owner().equals(set.getName()) && m.type() == set.getType();
      default -> false;
    });
  }

  private RRSIGRecord signature(RRset set) {
    boolean keySet = set.getType() == Type.DNSKEY;
    Instant reference = signing.reference(buildTime);
    Instant inception = signing.inception(buildTime);
    Instant expiration = signing.expiration(buildTime);
    if (broken(set, Breakage.ExpiredSignature.class)) {
      inception = reference.minus(BROKEN_WINDOW);
      expiration = reference.minus(Duration.ofDays(1));
    } else if (broken(set, Breakage.NotYetValidSignature.class)) {
      inception = reference.plus(Duration.ofDays(1));
      expiration = reference.plus(BROKEN_WINDOW);
    }
    try {
      return DNSSEC.sign(set, keySet ? keys.ksk() : keys.zsk(),
          keySet ? keys.kskPrivate() : keys.zskPrivate(), inception, expiration);
    } catch (DNSSEC.DNSSECException e) {
      throw new IllegalStateException("dnsjava could not sign " + set.getName() + " "
          + Type.string(set.getType()) + ": " + e.getMessage(), e);
    }
  }

  private static List<Record> concat(List<Record> a, List<Record> b) {
    List<Record> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** The negative TTL of NSEC and NSEC3 records: the smaller of the SOA's TTL and MINIMUM (RFC 9077). */
  static long negativeTtl(ZoneNames names) {
    SOARecord soa = (SOARecord) names.rrset(names.origin(), Type.SOA).first();
    return Math.min(soa.getTTL(), soa.getMinimum());
  }

  /** The types present at one name, in a sorted array for an NSEC or NSEC3 bitmap. */
  static int[] types(Map<Integer, RRset> sets, int... extra) {
    Set<Integer> types = sets.keySet().stream().collect(Collectors.toCollection(TreeSet::new));
    for (int type : extra) {
      types.add(type);
    }
    return types.stream().mapToInt(Integer::intValue).toArray();
  }
}
