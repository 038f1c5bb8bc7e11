package org.dnschase.resolver.testkit;

import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/** The transport rules every reply goes through, whoever built it. */
final class Replies {
  /** Our EDNS payload size: the DNS Flag Day 2020 value, as the resolver uses. */
  static final int EDNS_PAYLOAD = 1232;
  /** RFC 1035 §4.2.1: a UDP reply without EDNS is at most 512 bytes. */
  static final int CLASSIC_UDP_LIMIT = 512;
  /** RFC 1035 §4.2.2: the two-byte length prefix caps a TCP message. */
  static final int TCP_LIMIT = 65_535;

  private static final int[] COPIED_FLAGS = {Flags.QR, Flags.AA, Flags.RD, Flags.RA, Flags.AD, Flags.CD};

  private Replies() {}

  /**
   * Encodes {@code reply} for the query's transport: adds an OPT if the query had one (RFC 6891
   * §7), and truncates to header and question with TC set if it is larger than the client takes.
   */
  static byte[] toWire(Message reply, RecordedQuery query) {
    OPTRecord opt = query.message().getOPT();
    if (opt != null && reply.getOPT() == null) {
      // RFC 3225 §3: the DO bit is copied into the reply
      int flags = ZoneDispatcher.wantsDnssec(query.message()) ? ExtendedFlags.DO : 0;
      reply.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0, flags), Section.ADDITIONAL);
    }
    byte[] wire = reply.toWire();
    return wire.length > limit(query) ? truncated(reply).toWire() : wire;
  }

  /** RFC 6891 §6.2.5: a payload size below 512 is taken as 512. */
  static int limit(RecordedQuery query) {
    if (query.transport() == RecordedQuery.Transport.TCP) {
      return TCP_LIMIT;
    }
    OPTRecord opt = query.message().getOPT();
    return opt == null ? CLASSIC_UDP_LIMIT : Math.max(CLASSIC_UDP_LIMIT, opt.getPayloadSize());
  }

  /** The header (TC set) and question of {@code reply}, and its OPT: RFC 2181 §9 allows this. */
  static Message truncated(Message reply) {
    Header from = reply.getHeader();
    Message cut = new Message(from.getID());
    for (int flag : COPIED_FLAGS) {
      if (from.getFlag(flag)) {
        cut.getHeader().setFlag(flag);
      }
    }
    cut.getHeader().setFlag(Flags.TC);
    cut.getHeader().setOpcode(from.getOpcode());
    cut.getHeader().setRcode(from.getRcode());
    if (reply.getQuestion() != null) {
      cut.addRecord(reply.getQuestion(), Section.QUESTION);
    }
    if (reply.getOPT() != null) {
      cut.addRecord(reply.getOPT(), Section.ADDITIONAL);
    }
    return cut;
  }

  /**
   * A FORMERR for bytes that do not parse as a query, or null when not even the ID can be read
   * (RFC 1035 §4.1.1: the reply needs the ID to be matched).
   */
  static byte[] formatError(byte[] query) {
    if (query.length < 2) {
      return null;
    }
    Message reply = new Message(((query[0] & 0xff) << 8) | (query[1] & 0xff));
    reply.getHeader().setFlag(Flags.QR);
    reply.getHeader().setRcode(Rcode.FORMERR);
    return reply.toWire();
  }
}
