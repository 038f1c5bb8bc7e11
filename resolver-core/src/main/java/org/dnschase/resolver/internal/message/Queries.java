package org.dnschase.resolver.internal.message;

import java.security.SecureRandom;
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

  /**
   * The IDs the queries are made with, for a transport that sends a query as it is given; the
   * default transport draws its own. Not dnsjava's {@code new Header()}, whose source reads the
   * system's entropy device again after a pause ({@link SecureSource}).
   */
  private static final SecureRandom IDS = SecureSource.get();

  private Queries() {}

  /**
   * A query for (name, type, IN) with RD clear (we do the recursion ourselves) and, when
   * {@code ednsPayloadSize} is positive, an EDNS0 OPT record advertising that size (RFC 6891).
   * Its ID is drawn from a secure source (RFC 5452 §4.3); the default transport sets its own.
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
    Message query = new Message(IDS.nextInt(0x10000));
    Header header = query.getHeader();
    header.setOpcode(Opcode.QUERY);
    if (recursionDesired) {
      header.setFlag(Flags.RD);
    }
    query.addRecord(Record.newRecord(name, type, DClass.IN), Section.QUESTION);
    if (ednsPayloadSize > 0) {
      query.addRecord(new OPTRecord(ednsPayloadSize, 0, 0, dnssecOk ? ExtendedFlags.DO : 0), Section.ADDITIONAL);
    }
    return query;
  }
}
