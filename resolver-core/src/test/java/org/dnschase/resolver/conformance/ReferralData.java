package org.dnschase.resolver.conformance;

import java.util.List;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Unbound's {@code minimal-responses: no}: a positive answer (or a NODATA without SOA) also
 * carries the NS set the upstream reply that gave the final data had in its authority section,
 * and in its additional section the addresses of those name servers. Unbound's message cache
 * refers to its RRset cache, so the NS set and addresses shown are the cache's now (an NS set
 * updated since shows updated; TTLs are the remaining ones); an address RRset the answer section
 * holds already is not repeated. An NS answer gets the addresses of its own in-zone name servers only.
 */
final class ReferralData {

  private ReferralData() {}

  /**
   * Adds the referral data to {@code response} if it is NOERROR with nothing in its authority
   * section; {@code replies} are the upstream replies delivered so far, oldest first.
   */
  static void add(Message response, RRsetCache cache, List<Message> replies) {
    List<Record> answer = response.getSection(Section.ANSWER);
    if (response.getRcode() != Rcode.NOERROR || !response.getSection(Section.AUTHORITY).isEmpty()) {
      return;
    }
    Record last = answer.isEmpty() ? response.getQuestion() : answer.get(answer.size() - 1);
    if (last.getType() == Type.NS && !answer.isEmpty()) {
      // Only in-zone servers: the scrubbed reply held no other addresses.
      addAddresses(response, cache, answer.stream().filter(record -> record.getType() == Type.NS
          && ((NSRecord) record).getTarget().subdomain(record.getName())).toList());
      return;
    }
    List<Record> nameServers = nameServersBeside(last, answer.isEmpty(), replies);
    if (nameServers.isEmpty()) {
      return;
    }
    Name zone = nameServers.get(0).getName();
    if (cache.lookup(zone, Type.NS, DClass.IN) instanceof CacheLookup.Hit hit) {
      nameServers = hit.rrset().rrs(false);
    }
    nameServers.forEach(record -> response.addRecord(record, Section.AUTHORITY));
    addAddresses(response, cache, nameServers);
  }

  /** The cached addresses of {@code nameServers}' targets, into the additional section. */
  private static void addAddresses(Message response, RRsetCache cache, List<Record> nameServers) {
    List<Record> answer = response.getSection(Section.ANSWER);
    for (Record record : nameServers) {
      Name target = ((NSRecord) record).getTarget();
      for (int type : new int[] {Type.A, Type.AAAA}) {
        // An RRset the answer shows already is not repeated (Unbound writes each RRset once).
        if (cache.lookup(target, type, DClass.IN) instanceof CacheLookup.Hit hit
            && answer.stream().noneMatch(shown -> shown.getName().equals(target) && shown.getType() == type)) {
          hit.rrset().rrs(false).forEach(address -> response.addRecord(address, Section.ADDITIONAL));
        }
      }
    }
  }

  /**
   * The authority NS records of the latest reply that gave {@code last} (or a NODATA for it, which
   * may have had records the resolver dropped).
   */
  private static List<Record> nameServersBeside(Record last, boolean noData, List<Message> replies) {
    for (int i = replies.size() - 1; i >= 0; i--) {
      Message reply = replies.get(i);
      Record question = reply.getQuestion();
      boolean gave = noData
          ? question != null && question.getName().equals(last.getName()) && question.getType() == last.getType()
              && reply.getRcode() == Rcode.NOERROR
          : reply.getSection(Section.ANSWER).stream().anyMatch(record -> record.getName().equals(last.getName())
              && record.getType() == last.getType());
      if (gave) {
        return reply.getSection(Section.AUTHORITY).stream().filter(record -> record.getType() == Type.NS).toList();
      }
    }
    return List.of();
  }
}
