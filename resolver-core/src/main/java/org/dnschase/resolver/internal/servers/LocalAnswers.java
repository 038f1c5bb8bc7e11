package org.dnschase.resolver.internal.servers;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.dnschase.resolver.zones.AuthZone;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

/**
 * The replies an auth zone's data gives, as the zone's authoritative server would give them (RFC
 * 1034 §4.3.2), found by dnsjava's {@link Zone#findRecords}: the data, a CNAME (whose target the
 * resolver asks next), a DNAME with the CNAME it implies (RFC 6672 §3.1), a referral with the
 * zone's glue, or NXDOMAIN or NODATA with the zone's SOA (RFC 2308 §3). The resolver reads them as
 * it reads a server's replies (Unbound's auth zones for upstream), so its answers are scrubbed,
 * classified and cached alike.
 */
public final class LocalAnswers {

  /**
   * Where a reply from local data is said to come from, in traces and hops: 0.0.0.0 port 0, "this
   * host on this network" (RFC 1122 §3.2.1.3), an address no server is ever asked at.
   */
  public static final InetSocketAddress THIS_HOST = new InetSocketAddress(thisHost(), 0);

  private final Zone zone;

  LocalAnswers(AuthZone auth) {
    this.zone = auth.toZone();
  }

  /** The reply the zone's data gives to the question ({@code name}, {@code type}, IN). */
  public Message reply(Name name, int type) {
    Message reply = new Message();
    reply.getHeader().setFlag(Flags.QR);
    reply.getHeader().setFlag(Flags.AA);
    reply.addRecord(Record.newRecord(name, type, DClass.IN), Section.QUESTION);
    SetResponse found = zone.findRecords(name, type);
    if (found.isSuccessful()) {
      found.answers().forEach(rrset -> add(reply, rrset, Section.ANSWER));
    } else if (found.isCNAME()) {
      reply.addRecord(found.getCNAME(), Section.ANSWER);
    } else if (found.isDNAME()) {
      synthesise(reply, name, found.getDNAME());
    } else if (found.isDelegation()) {
      refer(reply, found.getNS());
    } else {
      reply.getHeader().setRcode(found.isNXDOMAIN() ? Rcode.NXDOMAIN : Rcode.NOERROR);
      SOARecord soa = zone.getSOA();
      // RFC 2308 §3: the SOA lives as long as the negative answer, the lesser of its TTL and MINIMUM
      reply.addRecord(new SOARecord(soa.getName(), DClass.IN, Math.min(soa.getTTL(), soa.getMinimum()),
          soa.getHost(), soa.getAdmin(), soa.getSerial(), soa.getRefresh(), soa.getRetry(), soa.getExpire(),
          soa.getMinimum()), Section.AUTHORITY);
    }
    return reply;
  }

  /** RFC 6672 §2.2: the DNAME and the CNAME it makes of {@code name}, YXDOMAIN when that is too long. */
  private static void synthesise(Message reply, Name name, DNAMERecord dname) {
    reply.addRecord(dname, Section.ANSWER);
    try {
      reply.addRecord(new CNAMERecord(name, DClass.IN, dname.getTTL(), name.fromDNAME(dname)), Section.ANSWER);
    } catch (NameTooLongException e) {
      reply.getHeader().setRcode(Rcode.YXDOMAIN);
    }
  }

  /** A referral: the child's NS set, and the addresses the zone holds for servers inside it (glue). */
  private void refer(Message reply, RRset nameServers) {
    reply.getHeader().unsetFlag(Flags.AA);
    add(reply, nameServers, Section.AUTHORITY);
    for (Record record : nameServers.rrs(false)) {
      Name host = ((NSRecord) record).getTarget();
      if (host.subdomain(zone.getOrigin())) {
        for (int type : new int[] {Type.A, Type.AAAA}) {
          RRset glue = zone.findExactMatch(host, type);
          if (glue != null) {
            add(reply, glue, Section.ADDITIONAL);
          }
        }
      }
    }
  }

  private static void add(Message reply, RRset rrset, int section) {
    rrset.rrs(false).forEach(record -> reply.addRecord(record, section));
    rrset.sigs().forEach(signature -> reply.addRecord(signature, section));
  }

  private static InetAddress thisHost() {
    try {
      return InetAddress.getByAddress(new byte[4]);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
  }

  @Override
  public String toString() {
    return "auth zone " + zone.getOrigin();
  }
}
