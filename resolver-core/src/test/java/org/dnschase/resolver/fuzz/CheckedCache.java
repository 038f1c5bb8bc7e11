package org.dnschase.resolver.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.CacheStats;
import org.dnschase.resolver.cache.EntryRef;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.TimeSource;
import org.dnschase.resolver.cache.TrustRank;
import org.dnschase.resolver.cache.TtlCaps;
import org.dnschase.resolver.cache.ValidationStatus;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * The cache given to the fuzzed resolver: a real {@link RRsetCache} that checks every write
 * against the {@link BailiwickLedger} and its class, and remembers what was written so that the
 * entries can be read back and checked once the resolution is over.
 */
final class CheckedCache implements RRsetCache {

  /** One (name, type) written; type {@link Type#ANY} for an NXDOMAIN. */
  record Key(Name name, int type) {}

  private final RRsetCache cache;
  private final BailiwickLedger ledger;
  private final Set<Key> written = new LinkedHashSet<>();
  private final List<String> outOfBailiwick = new ArrayList<>();
  private final List<String> otherClass = new ArrayList<>();

  CheckedCache(RRsetCache cache, BailiwickLedger ledger) {
    this.cache = cache;
    this.ledger = ledger;
  }

  /** Writes of data that no server speaking for it had sent. */
  List<String> outOfBailiwick() {
    return outOfBailiwick;
  }

  /** Writes of data of a class other than IN. */
  List<String> otherClass() {
    return otherClass;
  }

  Set<Key> written() {
    return written;
  }

  @Override
  public boolean put(RRset rrset, TrustRank rank, ValidationStatus status, List<Record> proof) {
    List<Record> records = new ArrayList<>(rrset.rrs(false));
    records.addAll(rrset.sigs());
    for (Record record : records) {
      if (!ledger.vouchesFor(record)) {
        outOfBailiwick.add("cached at " + rank + ", sent by no server speaking for its owner: " + record);
      }
    }
    checkClass(rrset.getDClass(), rrset.toString());
    written.add(new Key(rrset.getName(), rrset.getType()));
    return cache.put(rrset, rank, status, proof);
  }

  @Override
  public boolean putNxDomain(Name name, int dclass, SOARecord soa, List<Record> proof, TrustRank rank,
      ValidationStatus status) {
    checkNegative("NXDOMAIN", name, dclass, soa);
    written.add(new Key(name, Type.ANY));
    return cache.putNxDomain(name, dclass, soa, proof, rank, status);
  }

  @Override
  public boolean putNoData(Name name, int type, int dclass, SOARecord soa, List<Record> proof, TrustRank rank,
      ValidationStatus status) {
    checkNegative("NODATA " + Type.string(type), name, dclass, soa);
    written.add(new Key(name, type));
    return cache.putNoData(name, type, dclass, soa, proof, rank, status);
  }

  private void checkNegative(String what, Name name, int dclass, SOARecord soa) {
    if (!ledger.vouchesForName(name)) {
      outOfBailiwick.add("cached " + what + " for " + name + ", which no server speaking for it could prove");
    }
    if (soa != null && !ledger.vouchesFor(soa)) {
      outOfBailiwick.add("cached " + what + " for " + name + " with an SOA sent by no server speaking for it: " + soa);
    }
    checkClass(dclass, what + " " + name);
    if (soa != null) {
      checkClass(soa.getDClass(), what + " " + name + " SOA " + soa);
    }
  }

  private void checkClass(int dclass, String what) {
    if (dclass != DClass.IN) {
      otherClass.add("cached " + DClass.string(dclass) + ": " + what);
    }
  }

  @Override
  public CacheLookup lookup(Name name, int type, int dclass) {
    return cache.lookup(name, type, dclass);
  }

  @Override
  public void renewStale(Name name, int type, int dclass) {
    cache.renewStale(name, type, dclass);
  }

  @Override
  public CacheLookup lookupStale(Name name, int type, int dclass) {
    return cache.lookupStale(name, type, dclass);
  }

  @Override
  public EntryRef entryRef(Name name, int type, int dclass) {
    return cache.entryRef(name, type, dclass);
  }

  @Override
  public TtlCaps ttlCaps() {
    return cache.ttlCaps();
  }

  @Override
  public long nowNanos() {
    return cache.nowNanos();
  }

  @Override
  public TimeSource timeSource() {
    return cache.timeSource();
  }

  @Override
  public void invalidate(Name name, int type, int dclass) {
    cache.invalidate(name, type, dclass);
  }

  @Override
  public void invalidate(Name name) {
    cache.invalidate(name);
  }

  @Override
  public void invalidateNegative() {
    cache.invalidateNegative();
  }

  @Override
  public void invalidateAll() {
    cache.invalidateAll();
  }

  @Override
  public void addInvalidationListener(Runnable listener) {
    cache.addInvalidationListener(listener);
  }

  @Override
  public void removeInvalidationListener(Runnable listener) {
    cache.removeInvalidationListener(listener);
  }

  @Override
  public long maximumBytes() {
    return cache.maximumBytes();
  }

  @Override
  public void cleanUp() {
    cache.cleanUp();
  }

  @Override
  public CacheStats stats() {
    return cache.stats();
  }
}
