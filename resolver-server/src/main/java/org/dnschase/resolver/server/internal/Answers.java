package org.dnschase.resolver.server.internal;

import org.dnschase.resolver.Defaults;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * The answers the server builds itself, without a resolution (FORMERR, NOTIMP, REFUSED, BADVERS,
 * an overload's SERVFAIL); {@code ExtendedErrors} adds the Extended DNS Error to any answer. The header follows
 * {@code Responses}: the query's ID and opcode, QR and RA set, RD and CD echoed.
 */
public final class Answers {

  private Answers() {}

  /**
   * An answer of {@code rcode} to {@code query}, echoing its question when it has one, with an
   * OPT record when the query had one (RFC 6891 §7).
   *
   * @param query the query as far as it was read
   * @param rcode a dnsjava {@link org.xbill.DNS.Rcode} constant, extended ones (BADVERS) included
   * @return the answer
   */
  public static Message error(Message query, int rcode) {
    Header queryHeader = query.getHeader();
    Message answer = new Message(queryHeader.getID());
    Header header = answer.getHeader();
    header.setOpcode(queryHeader.getOpcode());
    header.setFlag(Flags.QR);
    header.setFlag(Flags.RA);
    for (int flag : new int[] {Flags.RD, Flags.CD}) {
      if (queryHeader.getFlag(flag)) {
        header.setFlag(flag);
      }
    }
    header.setRcode(rcode & 0xF);
    Record question = query.getQuestion();
    if (question != null) {
      answer.addRecord(question, Section.QUESTION);
    }
    OPTRecord queryOpt = query.getOPT();
    if (queryOpt != null) {
      // RFC 6891 §6.1.3: the upper 8 bits of a 12-bit rcode travel in the OPT record.
      answer.addRecord(new OPTRecord(Defaults.EDNS_PAYLOAD_SIZE, rcode >>> 4, 0,
          queryOpt.getFlags() & ExtendedFlags.DO), Section.ADDITIONAL);
    }
    return answer;
  }
}
