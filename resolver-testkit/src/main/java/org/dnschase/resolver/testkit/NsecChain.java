package org.dnschase.resolver.testkit;

import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The NSEC chain of a zone (RFC 4035 §2.3): one NSEC per authoritative name and delegation point,
 * in canonical order, the last pointing back at the apex; each lists the types at its owner, NSEC
 * and RRSIG among them.
 */
final class NsecChain {
  private NsecChain() {}

  static List<Record> records(ZoneNames names) {
    List<Name> owners = names.owners();
    long ttl = ZoneSigner.negativeTtl(names);
    List<Record> chain = new ArrayList<>();
    for (int i = 0; i < owners.size(); i++) {
      Name owner = owners.get(i);
      Name next = owners.get((i + 1) % owners.size());
      chain.add(new NSECRecord(owner, DClass.IN, ttl, next,
          ZoneSigner.types(names.at(owner), Type.NSEC, Type.RRSIG)));
    }
    return chain;
  }
}
