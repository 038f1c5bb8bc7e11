package org.dnschase.resolver.internal.message;

import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** Builds the queries an iterative resolver sends. */
public final class Queries {

  private Queries() {}

  /**
   * A query for (name, type, IN) with RD clear (we do the recursion ourselves) and, when
   * {@code ednsPayloadSize} is positive, an EDNS0 OPT record advertising that size (RFC 6891).
   * The transport sets the ID.
   */
  public static Message iterative(Name name, int type, int ednsPayloadSize) {
    return query(name, type, ednsPayloadSize, false, false);
  }

  /**
   * The query {@link #iterative} makes, with RD set when {@code recursionDesired} (for a recursive
   * server, a forward zone's, which is to resolve the name itself), and the DO bit when {@code
   * dnssecOk} and EDNS is on (RFC 3225): a validating resolver asks for the RRSIGs and NSEC records
   * that prove the data.
   */
  public static Message query(Name name, int type, int ednsPayloadSize, boolean recursionDesired, boolean dnssecOk) {
    Message query = new Message();
    Header header = new Header();
    header.setOpcode(Opcode.QUERY);
    if (recursionDesired) {
      header.setFlag(Flags.RD);
    }
    query.setHeader(header);
    query.addRecord(Record.newRecord(name, type, DClass.IN), Section.QUESTION);
    if (ednsPayloadSize > 0) {
      query.addRecord(new OPTRecord(ednsPayloadSize, 0, 0, dnssecOk ? ExtendedFlags.DO : 0), Section.ADDITIONAL);
    }
    return query;
  }
}
