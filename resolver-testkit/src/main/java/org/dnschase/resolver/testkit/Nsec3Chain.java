package org.dnschase.resolver.testkit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSEC3PARAMRecord;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The NSEC3 chain of a zone (RFC 5155 §7.1): one NSEC3 per authoritative name, delegation point
 * and empty non-terminal, owned by the name's hash below the apex and ordered by hash; with opt-out
 * the delegations without DS (and the empty non-terminals only they make) are left out and every
 * NSEC3 has the opt-out flag. The NSEC3PARAM goes at the apex.
 */
final class Nsec3Chain {
  /** RFC 5155 §3.1.2: the opt-out flag. */
  static final int OPT_OUT = 1;

  private Nsec3Chain() {}

  static List<Record> records(ZoneNames names, Signing.Nsec3 nsec3) {
    Name origin = names.origin();
    Nsec3Hashing hashing = new Nsec3Hashing(origin, nsec3.iterations(), nsec3.salt());
    long ttl = ZoneSigner.negativeTtl(names);
    List<Record> chain = new ArrayList<>();
    chain.add(new NSEC3PARAMRecord(origin, DClass.IN, ttl, NSEC3Record.SHA1_DIGEST_ID, 0,
        nsec3.iterations(), nsec3.salt()));
    TreeMap<String, Name> byHash = new TreeMap<>();
    for (Name name : included(names, nsec3.optOut())) {
      byHash.put(hashing.label(name), name);
    }
    List<String> hashes = new ArrayList<>(byHash.keySet());
    for (int i = 0; i < hashes.size(); i++) {
      Name name = byHash.get(hashes.get(i));
      byte[] next = hashing.hash(byHash.get(hashes.get((i + 1) % hashes.size())));
      chain.add(new NSEC3Record(owner(hashes.get(i), origin), DClass.IN, ttl,
          NSEC3Record.SHA1_DIGEST_ID, nsec3.optOut() ? OPT_OUT : 0, nsec3.iterations(),
          nsec3.salt(), next, types(names, name)));
    }
    return chain;
  }

  /** The names with an NSEC3: owners (unsigned delegations not with opt-out) and their ancestors. */
  private static Set<Name> included(ZoneNames names, boolean optOut) {
    Set<Name> included = new LinkedHashSet<>();
    for (Name owner : names.owners()) {
      if (optOut && names.isCut(owner) && names.rrset(owner, Type.DS) == null) {
        continue;
      }
      for (Name name = owner; included.add(name) && name.labels() > names.origin().labels(); ) {
        name = new Name(name, 1);
      }
    }
    return included;
  }

  /**
   * The types at the original name (§3.1.8): RRSIG where something is signed there, none at an
   * empty non-terminal, and NS alone at a delegation without DS.
   */
  private static int[] types(ZoneNames names, Name name) {
    Map<Integer, RRset> sets = names.at(name);
    if (sets.isEmpty()) {
      return new int[0];
    }
    boolean signed = !names.isCut(name) || sets.containsKey(Type.DS);
    int[] extra = name.equals(names.origin()) ? new int[] {Type.RRSIG, Type.NSEC3PARAM} : new int[] {Type.RRSIG};
    return signed ? ZoneSigner.types(sets, extra) : ZoneSigner.types(sets);
  }

  static Name owner(String hashLabel, Name origin) {
    try {
      return Name.fromString(hashLabel, origin);
    } catch (TextParseException e) {
      throw new IllegalStateException("not a label: " + hashLabel, e);
    }
  }
}
