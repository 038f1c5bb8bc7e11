package org.dnschase.resolver.conformance;

import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.ValidationStatus;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
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
 * Under {@code minimal-responses: yes} a positive answer with a wildcard proof gets the same (see
 * {@link #carriesDenial}). A secure answer carries only the addresses the resolver found secure
 * too: Unbound's validator removes the others from a secure message (val-clean-additional).
 */
final class ReferralData {

  private ReferralData() {}

  /**
   * Adds the referral data to {@code response} if it is NOERROR with nothing in its authority
   * section; {@code replies} are the upstream replies delivered so far, oldest first. A {@code
   * stale} answer shows what of it has expired as stale too (Unbound's expired message, each
   * RRset at the stale reply TTL), what was refreshed meanwhile as it is now. {@code forwardZone}
   * is the forward zone whose server gave the answer, null when the walk found the zone's servers.
   * A {@code secure} answer gets only the addresses cached SECURE.
   */
  static void add(Message response, RRsetCache cache, List<Message> replies, boolean stale, Name forwardZone,
      boolean secure) {
    List<Record> answer = dataOf(response.getSection(Section.ANSWER));
    List<Record> proof = List.copyOf(response.getSection(Section.AUTHORITY));
    if (response.getRcode() != Rcode.NOERROR || !proof.isEmpty() && !carriesDenial(response)) {
      return;
    }
    if (addToNameServerAnswer(response, cache, stale, secure)) {
      return;
    }
    Record last = answer.isEmpty() ? response.getQuestion() : answer.get(answer.size() - 1);
    Message reply = replyBeside(last, answer.isEmpty(), replies);
    List<Record> nameServers = reply == null ? List.of()
        : reply.getSection(Section.AUTHORITY).stream().filter(record -> record.getType() == Type.NS).toList();
    if (nameServers.isEmpty()) {
      return;
    }
    Name zone = nameServers.get(0).getName();
    boolean dnssecOk = dnssecOk(response);
    List<Record> shown = rrsetOf(reply.getSection(Section.AUTHORITY), zone, Type.NS, dnssecOk);
    if (lookup(cache, zone, Type.NS, stale) instanceof CacheLookup.Hit hit) {
      nameServers = hit.rrset().rrs(false);
      shown = withSignatures(hit, dnssecOk);
    }
    // the NS set goes before the wildcard proof, as it stood in the reply; one that came unsigned
    // beside a signed answer did not validate, and Unbound's validator drops it (its addresses stay)
    proof.forEach(record -> response.removeRecord(record, Section.AUTHORITY));
    if (!spuriousNameServers(reply, zone)) {
      shown.forEach(record -> response.addRecord(record, Section.AUTHORITY));
    }
    proof.forEach(record -> response.addRecord(record, Section.AUTHORITY));
    addAddresses(response, cache, nameServers, stale, secure, reply, forwardZone != null ? forwardZone : zone);
  }

  /** Whether the reply's NS set for {@code zone} came without an RRSIG beside a signed answer section. */
  private static boolean spuriousNameServers(Message reply, Name zone) {
    return reply.getSection(Section.ANSWER).stream().anyMatch(record -> record.getType() == Type.RRSIG)
        && rrsetOf(reply.getSection(Section.AUTHORITY), zone, Type.NS, true).stream()
            .noneMatch(record -> record.getType() == Type.RRSIG);
  }

  /**
   * Whether a positive answer carries the NSEC or NSEC3 records of a wildcard expansion in its
   * authority section: Unbound's {@code minimal-responses: yes} then keeps that section whole,
   * NS set and all, and the additional section (msgencode.c, positive_answer).
   */
  static boolean carriesDenial(Message response) {
    return response.getRcode() == Rcode.NOERROR && !response.getSection(Section.ANSWER).isEmpty()
        && response.getSection(Section.AUTHORITY).stream()
            .anyMatch(record -> record.getType() == Type.NSEC || record.getType() == Type.NSEC3);
  }

  /** A section's records without the RRSIGs a client that set DO gets beside them. */
  private static List<Record> dataOf(List<Record> section) {
    return section.stream().filter(record -> record.getType() != Type.RRSIG).toList();
  }

  private static boolean dnssecOk(Message response) {
    return response.getOPT() != null && (response.getOPT().getFlags() & ExtendedFlags.DO) != 0;
  }

  /** A cached RRset's records, with its RRSIGs for a client that set DO (RFC 4035 §3.2.1). */
  private static List<Record> withSignatures(CacheLookup.Hit hit, boolean dnssecOk) {
    List<Record> records = new ArrayList<>(hit.rrset().rrs(false));
    if (dnssecOk) {
      records.addAll(hit.rrset().sigs());
    }
    return records;
  }

  /** The records of a section at (owner, type), with the RRSIGs over them for a client that set DO. */
  private static List<Record> rrsetOf(List<Record> section, Name owner, int type, boolean dnssecOk) {
    return section.stream().filter(record -> record.getName().equals(owner) && (record.getType() == type
        || dnssecOk && record instanceof RRSIGRecord sig && sig.getTypeCovered() == type)).toList();
  }

  /**
   * Adds to a NOERROR answer that ends in an NS RRset the cached addresses of its in-zone name
   * servers (the scrubbed reply held no others), which Unbound gives even with {@code
   * minimal-responses: yes}; returns whether {@code response} is such an answer. A {@code secure}
   * answer gets only the addresses cached SECURE.
   */
  static boolean addToNameServerAnswer(Message response, RRsetCache cache, boolean stale, boolean secure) {
    List<Record> answer = dataOf(response.getSection(Section.ANSWER));
    if (response.getRcode() != Rcode.NOERROR || answer.isEmpty() || answer.get(answer.size() - 1).getType() != Type.NS) {
      return false;
    }
    addAddresses(response, cache, answer.stream().filter(record -> record.getType() == Type.NS
        && ((NSRecord) record).getTarget().subdomain(record.getName())).toList(), stale, secure, null, null);
    return true;
  }

  /** The live entry, else for a stale answer the stale one. */
  private static CacheLookup lookup(RRsetCache cache, Name name, int type, boolean stale) {
    CacheLookup live = cache.lookup(name, type, DClass.IN);
    return stale && live instanceof CacheLookup.Miss ? cache.lookupStale(name, type, DClass.IN) : live;
  }

  /**
   * The cached addresses of {@code nameServers}' targets, into the additional section. With the
   * {@code reply} that gave the answer (not null), only the address RRsets that reply carried
   * inside {@code zone}, whose server gave it (Unbound's message refers to those RRsets as its
   * scrubber left them: a server added to the NS set since shows without its addresses, one
   * outside the zone without them), and as the reply had them when they were not cached (TTL 0).
   * For a {@code secure} answer, only those cached SECURE.
   */
  private static void addAddresses(Message response, RRsetCache cache, List<Record> nameServers, boolean stale,
      boolean secure, Message reply, Name zone) {
    List<Record> answer = response.getSection(Section.ANSWER);
    boolean dnssecOk = dnssecOk(response);
    for (Record record : nameServers) {
      Name target = ((NSRecord) record).getTarget();
      for (int type : new int[] {Type.A, Type.AAAA}) {
        // An RRset the answer shows already is not repeated (Unbound writes each RRset once).
        if (answer.stream().anyMatch(shown -> shown.getName().equals(target) && shown.getType() == type)
            || reply != null && !(target.subdomain(zone) && carries(reply, target, type))) {
          continue;
        }
        CacheLookup cached = lookup(cache, target, type, stale);
        if (cached instanceof CacheLookup.Hit hit) {
          if (secure && hit.status() != ValidationStatus.SECURE) {
            continue;
          }
          List<Record> signatures = reply == null || !dnssecOk ? List.of() : signaturesOver(reply, target, type);
          List<Record> shown = signatures.isEmpty() ? withSignatures(hit, dnssecOk) : new ArrayList<>(hit.rrset().rrs(false));
          shown.addAll(signatures);
          shown.forEach(address -> response.addRecord(address, Section.ADDITIONAL));
        } else if (reply != null && (!secure || !signaturesOver(reply, target, type).isEmpty())) {
          // not cached (an NS set beside an answer from another zone's servers is not kept), so
          // shown as the reply had it; in a secure answer only if signed: the resolver checked it
          // with the answer, but keeps no status for what it does not cache
          rrsetOf(reply.getSection(Section.ADDITIONAL), target, type, dnssecOk)
              .forEach(address -> response.addRecord(address, Section.ADDITIONAL));
        }
      }
    }
  }

  /**
   * The RRSIGs over (owner, type) anywhere in {@code reply}: Unbound's parser joins an RRSIG to the
   * RRset it covers whatever section either stands in, and its cache takes an RRset of the same
   * trust whose signatures differ (rrset_cache_update), so the reply's signatures are the ones shown.
   */
  private static List<Record> signaturesOver(Message reply, Name owner, int type) {
    List<Record> signatures = new ArrayList<>();
    for (int section : new int[] {Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL}) {
      reply.getSection(section).stream().filter(record -> record.getName().equals(owner)
          && record instanceof RRSIGRecord sig && sig.getTypeCovered() == type).forEach(signatures::add);
    }
    return signatures;
  }

  private static boolean carries(Message reply, Name owner, int type) {
    return reply.getSection(Section.ADDITIONAL).stream()
        .anyMatch(address -> address.getName().equals(owner) && address.getType() == type);
  }

  /**
   * The latest reply that gave {@code last} (or a NODATA for it, which may have had records the
   * resolver dropped), or null.
   */
  private static Message replyBeside(Record last, boolean noData, List<Message> replies) {
    for (int i = replies.size() - 1; i >= 0; i--) {
      Message reply = replies.get(i);
      Record question = reply.getQuestion();
      boolean gave = noData
          ? question != null && question.getName().equals(last.getName()) && question.getType() == last.getType()
              && reply.getRcode() == Rcode.NOERROR
          : reply.getSection(Section.ANSWER).stream().anyMatch(record -> record.getName().equals(last.getName())
              && record.getType() == last.getType());
      if (gave) {
        return reply;
      }
    }
    return null;
  }
}
