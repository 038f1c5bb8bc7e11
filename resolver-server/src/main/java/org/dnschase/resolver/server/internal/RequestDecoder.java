package org.dnschase.resolver.server.internal;

import java.io.IOException;
import java.util.Arrays;
import org.dnschase.resolver.Defaults;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Reads a request from the wire and decides what it gets before any resolution, in the order a
 * server must check (Unbound's {@code worker_check_request}, then RFC 6891 §6.1.3):
 *
 * <ol>
 *   <li>shorter than a header, or a response (QR=1): ignored;
 *   <li>longer than {@link Listeners#MAX_REQUEST} octets, which arrives cut there (its reads take
 *       one octet more, to tell): FORMERR, with the Extended DNS Error that says so (RFC 8914, 0:
 *       Other), its OPT record kept for it when one starts after the question;
 *   <li>an opcode other than QUERY: NOTIMP (RFC 1035 §4.1.1);
 *   <li>a question count other than 1; a compression pointer in the question's name (RFC 1035
 *       §4.1.4: no name comes before it); records in the answer or authority section, which a
 *       query does not carry (an OPT record there included: RFC 6891 §6.1.1 puts it in the
 *       additional section); more than one additional record, so two OPT records (RFC 6891
 *       §6.1.1); TC set, a query cut short (RFC 1035 §4.1.1); or a message that does not parse:
 *       FORMERR, as Unbound's {@code worker_check_request} answers each of them. The answer
 *       echoes the question when it could be read, with an OPT record when the query's one
 *       additional record is one (RFC 6891 §7: a malformed option, such as a COOKIE of the wrong
 *       length, RFC 7873 §5.2.2, is FORMERR with an OPT record), found after a question that
 *       cannot be read as the OPT record that ends the message (Unbound's FORMERR echoes the
 *       whole query, its OPT record with it);
 *   <li>an OPT record owned by a name other than the root: FORMERR (RFC 6891 §6.1.2), as Unbound
 *       answers it;
 *   <li>an EDNS version other than 0: BADVERS (RFC 6891 §6.1.3);
 *   <li>a class other than IN: REFUSED, as is a zone transfer (AXFR, IXFR), which a resolver does
 *       not serve.
 * </ol>
 *
 * <p>Octets after the last record the header counts are ignored, as Unbound, BIND (which logs them
 * at debug level) and Knot Resolver ignore them: the message they count is whole.
 *
 * <p>Pure and total: every input gives a {@link Request}, nothing is thrown.
 */
public final class RequestDecoder {

  /** Without EDNS a UDP answer may take 512 octets (RFC 1035 §4.2.1). */
  public static final int PLAIN_UDP_PAYLOAD = 512;
  /**
   * The largest UDP answer sent, whatever the client offers: the EDNS payload size the resolver
   * advertises (1232, DNS Flag Day 2020), which avoids IP fragmentation.
   */
  public static final int MAX_UDP_PAYLOAD = Defaults.EDNS_PAYLOAD_SIZE;

  /**
   * The Extended DNS Error's text for a request longer than the server reads ({@link
   * Listeners#MAX_REQUEST}): RFC 8914 has no code for it, so 0 (Other) carries it.
   */
  static final String TOO_LONG = "request longer than " + Listeners.MAX_REQUEST + " octets, the most this server reads";

  /** How an OPT record starts: the root name, then type 41 (RFC 6891 §6.1.2). */
  private static final byte[] OPT_START = {0, 0, (byte) Type.OPT};
  /** An OPT record's octets before its RDATA: the root's name, type, class, TTL and RDLENGTH. */
  private static final int OPT_FIXED = 11;

  private RequestDecoder() {}

  /**
   * Decodes one request.
   *
   * @param wire the octets of one datagram or TCP frame
   * @return what the request gets
   */
  public static Request decode(byte[] wire) {
    if (wire.length < Header.LENGTH) {
      return new Request.Ignored("shorter than a DNS header (" + wire.length + " octets)");
    }
    Header header;
    try {
      header = new Header(wire);
    } catch (IOException e) {
      return new Request.Ignored("no header: " + e.getMessage());
    }
    if (header.getFlag(Flags.QR)) {
      return new Request.Ignored("a response (QR=1), not a query");
    }
    if (wire.length > Listeners.MAX_REQUEST) {
      // its client cannot tell what is wrong with it, which the Extended DNS Error says
      return new Request.Rejected(readable(header, wire), Rcode.FORMERR, "longer than " + Listeners.MAX_REQUEST
          + " octets", TOO_LONG);
    }
    Message query = parse(wire, header);
    Message known = query != null ? query : headerOnly(header);
    if (header.getOpcode() != Opcode.QUERY) {
      return new Request.Rejected(known, Rcode.NOTIMP, "opcode " + Opcode.string(header.getOpcode()));
    }
    if (header.getCount(Section.QUESTION) != 1) {
      return new Request.Rejected(withoutQuestion(header, query, wire), Rcode.FORMERR,
          header.getCount(Section.QUESTION) + " questions, not 1");
    }
    if (!questionSpeltOut(wire)) {
      return new Request.Rejected(withoutQuestion(header, query, wire), Rcode.FORMERR,
          "a compression pointer in the question's name, which no name comes before");
    }
    String malformed = malformed(header);
    if (malformed != null || query == null) {
      return new Request.Rejected(query != null ? query : readable(header, wire), Rcode.FORMERR,
          malformed != null ? malformed : "does not parse");
    }
    return checkQuery(query);
  }

  /** What makes a query with one question malformed in its header alone, or null. */
  private static String malformed(Header header) {
    if (header.getCount(Section.ANSWER) != 0 || header.getCount(Section.AUTHORITY) != 0) {
      return header.getCount(Section.ANSWER) + " answer and " + header.getCount(Section.AUTHORITY)
          + " authority records in a query";
    }
    if (header.getCount(Section.ADDITIONAL) > 1) {
      return header.getCount(Section.ADDITIONAL) + " additional records, more than the one OPT record";
    }
    return header.getFlag(Flags.TC) ? "TC set: the query is cut short" : null;
  }

  /**
   * Whether the question's name is spelt out label by label. It is the message's first name, so a
   * compression pointer in it has no earlier name to point to (RFC 1035 §4.1.4), only the header's
   * octets, which dnsjava would read as labels; Unbound's request checks refuse it too.
   */
  private static boolean questionSpeltOut(byte[] wire) {
    int at = Header.LENGTH;
    while (at < wire.length && wire[at] != 0) {
      int length = wire[at] & 0xFF;
      if (length >= 0xC0) {
        return false;
      }
      at += 1 + length; // a length of 64 or more is no label either: the parse refuses it
    }
    return true;
  }

  /**
   * The query's header, and its OPT record when it parsed with one or one ends it, for an answer
   * that echoes no question: a query with EDNS gets an OPT record even in a FORMERR (RFC 6891
   * §6.1.1), else the client reads the FORMERR as a server without EDNS (dig: "retry with
   * '+noedns'").
   */
  private static Message withoutQuestion(Header header, Message query, byte[] wire) {
    Message message = headerOnly(header);
    OPTRecord opt = query != null ? query.getOPT() : endingOpt(header, wire);
    if (opt != null) {
      message.addRecord(opt, Section.ADDITIONAL);
    }
    return message;
  }

  private static Request checkQuery(Message query) {
    OPTRecord opt = query.getOPT();
    if (opt != null && !opt.getName().equals(Name.root)) {
      return new Request.Rejected(query, Rcode.FORMERR, "an OPT record owned by " + opt.getName() + ", not the root");
    }
    if (opt != null && opt.getVersion() != 0) {
      return new Request.Rejected(query, Rcode.BADVERS, "EDNS version " + opt.getVersion());
    }
    Record question = query.getQuestion();
    if (question.getDClass() != DClass.IN) {
      return new Request.Rejected(query, Rcode.REFUSED, "class " + DClass.string(question.getDClass()));
    }
    if (question.getType() == Type.AXFR || question.getType() == Type.IXFR) {
      return new Request.Rejected(query, Rcode.REFUSED, "a zone transfer");
    }
    return new Request.Query(query, question, udpPayload(opt));
  }

  /**
   * The whole message, or null when some part of it does not parse. dnsjava forgives a message
   * with TC set that ends early (a truncated reply keeps what arrived): a query has no such excuse,
   * so each section must hold as many records as the header counts (read apart: dnsjava lowers
   * the message's own counts to what it read).
   */
  private static Message parse(byte[] wire, Header header) {
    Message message;
    try {
      message = new Message(wire);
    } catch (IOException e) {
      return null;
    }
    for (int section = Section.QUESTION; section <= Section.ADDITIONAL; section++) {
      if (message.getSection(section).size() != header.getCount(section)) {
        return null;
      }
    }
    return message;
  }

  /**
   * What can be read of a query that does not parse as a whole: its header, its question if that
   * parses alone, and an OPT record (version 0, no options) if its one additional record is an
   * OPT record, whose options then did not parse; when the question does not, the OPT record that
   * ends the message, if one does.
   */
  private static Message readable(Header header, byte[] wire) {
    Message message = headerOnly(header);
    if (wire.length == Header.LENGTH) {
      return message; // DNSInput refuses to jump to the end of its input
    }
    DNSInput in = new DNSInput(wire);
    in.jump(Header.LENGTH);
    Record question;
    try {
      question = Record.newRecord(new Name(in), in.readU16(), in.readU16());
    } catch (IOException e) {
      OPTRecord opt = endingOpt(header, wire);
      if (opt != null) {
        message.addRecord(opt, Section.ADDITIONAL);
      }
      return message;
    }
    message.addRecord(question, Section.QUESTION);
    if (oneAdditionalOnly(header) && in.remaining() >= OPT_START.length
        && Arrays.equals(wire, in.current(), in.current() + OPT_START.length, OPT_START, 0, OPT_START.length)) {
      message.addRecord(new OPTRecord(PLAIN_UDP_PAYLOAD, 0, 0), Section.ADDITIONAL);
    }
    return message;
  }

  /** Whether the one record after the question may be an OPT record: the header counts it alone. */
  private static boolean oneAdditionalOnly(Header header) {
    return header.getCount(Section.ANSWER) == 0 && header.getCount(Section.AUTHORITY) == 0
        && header.getCount(Section.ADDITIONAL) == 1;
  }

  /**
   * The OPT record that ends the message, found without reading the question before it: the root's
   * name and type OPT (RFC 6891 §6.1.2) where its RDLENGTH reaches the last octet, the header
   * counting it alone. Its payload size and flags as sent, no options (they are not read). Null
   * when no such record ends the message.
   */
  private static OPTRecord endingOpt(Header header, byte[] wire) {
    if (!oneAdditionalOnly(header)) {
      return null;
    }
    for (int at = Header.LENGTH; at + OPT_FIXED <= wire.length; at++) {
      if (Arrays.equals(wire, at, at + OPT_START.length, OPT_START, 0, OPT_START.length)
          && at + OPT_FIXED + u16(wire, at + OPT_FIXED - 2) == wire.length) {
        return new OPTRecord(u16(wire, at + OPT_START.length), 0, 0, u16(wire, at + OPT_FIXED - 4));
      }
    }
    return null;
  }

  private static int u16(byte[] wire, int at) {
    return (wire[at] & 0xFF) << 8 | wire[at + 1] & 0xFF;
  }

  /**
   * The most octets an answer over UDP may take (RFC 6891 §6.2.5): the client's EDNS payload size,
   * at least 512, at most the server's own; 512 without EDNS (RFC 1035 §4.2.1).
   *
   * @param opt the query's OPT record, or null
   * @return the octets
   */
  static int udpPayload(OPTRecord opt) {
    return opt == null ? PLAIN_UDP_PAYLOAD : Math.min(Math.max(opt.getPayloadSize(), PLAIN_UDP_PAYLOAD), MAX_UDP_PAYLOAD);
  }

  private static Message headerOnly(Header header) {
    Message message = new Message();
    Header copy = new Header(header.getID());
    copy.setOpcode(header.getOpcode());
    for (int flag : new int[] {Flags.RD, Flags.CD}) {
      if (header.getFlag(flag)) {
        copy.setFlag(flag);
      }
    }
    message.setHeader(copy);
    return message;
  }
}
