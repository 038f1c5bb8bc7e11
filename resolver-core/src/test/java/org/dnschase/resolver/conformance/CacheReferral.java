package org.dnschase.resolver.conformance;

import java.util.List;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.ValidationStatus;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Unbound's answer to an RD=0 question its cache cannot answer (its {@code answer_norec_from_cache}):
 * a referral to the closest zone whose NS set the cache holds, the NS set in the authority
 * section and the cached addresses of its servers in the additional one; when not even the root's
 * NS set is cached, the iterator primes the root and answers with the priming reply, the root's NS
 * set in the answer section. Our resolver ends such a question {@code NOT_CACHED}, which our
 * server answers REFUSED with the Extended DNS Error "Not Authoritative" (RFC 8914 §4.21), as
 * Unbound answers a client not allowed to snoop; the
 * runner, playing Unbound's front end, builds Unbound's referral from the same cache. A referral
 * whose NS set the resolver validated is secure (AD for a client that set DO or AD, RFC 6840
 * §5.8), and then carries only the addresses found secure too (Unbound's check_delegation_secure
 * and val-clean-additional).
 */
final class CacheReferral {

  private CacheReferral() {}

  /** Whether {@code resolution} answers an RD=0 {@code query} the cache could not answer. */
  static boolean applies(Message query, Resolution resolution) {
    return !query.getHeader().getFlag(Flags.RD) && resolution instanceof Resolution.Failure failure
        && failure.reason() == org.dnschase.resolver.FailureReason.NOT_CACHED;
  }

  /** The referral to the closest zone the cache holds an NS set for; null when it holds none. */
  static Message fromCache(Message query, RRsetCache cache) {
    for (Name zone = query.getQuestion().getName(); ; zone = new Name(zone, 1)) {
      if (cache.lookup(zone, Type.NS, DClass.IN) instanceof CacheLookup.Hit hit) {
        boolean secure = hit.status() == ValidationStatus.SECURE;
        Message response = header(query);
        if (secure && (query.getHeader().getFlag(Flags.AD) || dnssecOk(query))) {
          response.getHeader().setFlag(Flags.AD);
        }
        add(response, query, hit.rrset(), Section.AUTHORITY);
        addAddresses(response, query, cache, hit.rrset().rrs(false), secure);
        return response;
      }
      if (zone.equals(Name.root)) {
        return null;
      }
    }
  }

  /** The answer after priming: the root's NS set in the answer section, with its servers' addresses. */
  static Message primed(Message query, RRsetCache cache, RRset rootNameServers) {
    Message response = header(query);
    add(response, query, rootNameServers, Section.ANSWER);
    addAddresses(response, query, cache, rootNameServers.rrs(false), false);
    return response;
  }

  /** A NOERROR response to {@code query} with nothing in it yet, its EDNS echoed as Responses does. */
  private static Message header(Message query) {
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.RA);
    response.getHeader().setOpcode(query.getHeader().getOpcode());
    response.getHeader().setRcode(Rcode.NOERROR);
    response.addRecord(query.getQuestion(), Section.QUESTION);
    OPTRecord opt = query.getOPT();
    if (opt != null) {
      response.addRecord(new OPTRecord(Defaults.EDNS_PAYLOAD_SIZE, 0, 0, opt.getFlags() & ExtendedFlags.DO),
          Section.ADDITIONAL);
    }
    return response;
  }

  /** {@code rrset}'s records, with their cached signatures for a DO client (RFC 4035 §3.2.1). */
  private static void add(Message response, Message query, RRset rrset, int section) {
    rrset.rrs(false).forEach(record -> response.addRecord(record, section));
    if (dnssecOk(query)) {
      rrset.sigs().forEach(signature -> response.addRecord(signature, section));
    }
  }

  private static boolean dnssecOk(Message query) {
    OPTRecord opt = query.getOPT();
    return opt != null && (opt.getFlags() & ExtendedFlags.DO) != 0;
  }

  /** The cached addresses of the name servers; of a {@code secure} referral, only the secure ones. */
  private static void addAddresses(Message response, Message query, RRsetCache cache, List<Record> nameServers,
      boolean secure) {
    for (Record record : nameServers) {
      Name target = ((NSRecord) record).getTarget();
      for (int type : new int[] {Type.A, Type.AAAA}) {
        if (cache.lookup(target, type, DClass.IN) instanceof CacheLookup.Hit hit
            && (!secure || hit.status() == ValidationStatus.SECURE)) {
          add(response, query, hit.rrset(), Section.ADDITIONAL);
        }
      }
    }
  }
}
