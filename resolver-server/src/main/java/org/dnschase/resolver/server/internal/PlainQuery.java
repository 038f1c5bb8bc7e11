package org.dnschase.resolver.server.internal;

import java.io.IOException;
import java.util.Arrays;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A query of the plainest shape, the one most questions come in (dnsperf's, a stub's): a header
 * asking one question (opcode QUERY, QR and TC clear, no record but an OPT one), the question
 * itself, its name spelt out in full, class IN, a type other than a zone transfer, and after it
 * nothing or a plain OPT record (RFC 6891 §6.1.2: the root's, version 0, no extended rcode, no
 * flag but DO, no option). Read with dnsjava's header, name and record readers alone, without
 * building the whole {@link Message}: a cached answer needs only the name, the type, the header's
 * flags and the OPT record, and the message is made of them only when the answer must be built
 * ({@link #message}).
 *
 * <p>{@link RequestDecoder} would take every such query for the resolver as {@code new
 * Message(wire)} reads it; every other query (EDNS options or another version, a compressed or
 * odd question, other records, another opcode or class, anything malformed) is left to it:
 * {@link #read} gives null.
 *
 * @param header the query's header
 * @param name the question's name, as spelt
 * @param type the question's type
 * @param opt the query's OPT record, or null without EDNS
 */
record PlainQuery(Header header, Name name, int type, OPTRecord opt) {

  /** Where the question starts: right after the header (RFC 1035 §4.1.1). */
  private static final int QUESTION = Header.LENGTH;
  /** A plain OPT record's octets: the root's name, type, class, TTL and an empty RDATA's length. */
  private static final int PLAIN_OPT = 1 + 2 + 2 + 4 + 2;

  /**
   * The query in {@code wire}, if it has the plain shape; its question is taken from {@code known}
   * when the same octets were read before, and kept there when it is read now.
   *
   * @param wire a request's octets
   * @param known the questions read before
   * @return the query, or null when it is not plain and must be decoded in full
   */
  static PlainQuery read(byte[] wire, QuestionNames known) {
    if (wire.length <= QUESTION) {
      return null;
    }
    try {
      Header header = new Header(wire);
      int additional = header.getCount(Section.ADDITIONAL);
      if (header.getFlag(Flags.QR) || header.getFlag(Flags.TC) || header.getOpcode() != Opcode.QUERY
          || header.getCount(Section.QUESTION) != 1 || header.getCount(Section.ANSWER) != 0
          || header.getCount(Section.AUTHORITY) != 0 || additional > 1) {
        return null;
      }
      QuestionNames.Entry before = known.find(wire);
      // the kept octets say nothing of the header: one that counts an OPT record the octets lack
      // (or lacks one they have) is read in full, and refused there
      if (before != null && (before.opt() != null) == (additional == 1)) {
        return new PlainQuery(header, before.name(), before.type(), before.opt());
      }
      DNSInput in = new DNSInput(wire);
      in.jump(QUESTION);
      Name name = new Name(in);
      int type = in.readU16();
      int dclass = in.readU16();
      boolean spelledOut = in.current() == QUESTION + name.length() + 4; // no compression pointer
      if (!spelledOut || in.remaining() != additional * PLAIN_OPT || dclass != DClass.IN || type == Type.AXFR
          || type == Type.IXFR) {
        return null;
      }
      OPTRecord opt = additional == 0 ? null : plainOpt(Arrays.copyOfRange(wire, in.current(), wire.length));
      if (additional == 1 && opt == null) {
        return null;
      }
      known.keep(wire, name, type, opt);
      return new PlainQuery(header, name, type, opt);
    } catch (IOException malformed) {
      return null;
    }
  }

  /** The OPT record in {@code octets} if it is a plain one, else null. */
  private static OPTRecord plainOpt(byte[] octets) throws IOException {
    return Record.fromWire(octets, Section.ADDITIONAL) instanceof OPTRecord opt && opt.getName().equals(Name.root)
        && opt.getVersion() == 0 && opt.getExtendedRcode() == 0 && (opt.getFlags() & ~ExtendedFlags.DO) == 0
        && opt.getOptions().isEmpty() ? opt : null;
  }

  /** The most octets an answer over UDP may take, as {@link RequestDecoder} reads the query. */
  int udpPayload() {
    return RequestDecoder.udpPayload(opt);
  }

  /** Where the question ends in the query's octets: after its name, type and class. */
  int questionEnd() {
    return QUESTION + name.length() + 4;
  }

  /**
   * The whole query, as {@link RequestDecoder} reads it, for building an answer: made of the parts
   * read, which are all a plain query holds, without reading its octets again (the name's parse
   * and the records' took a fifth of the server's part of a fresh answer, after the last reply).
   *
   * @return the message
   */
  Message message() {
    Message message = new Message(header.getID());
    Header copy = message.getHeader();
    copy.setOpcode(header.getOpcode());
    copy.setRcode(header.getRcode());
    for (int flag = 0; flag < 16; flag++) {
      if (Flags.isFlag(flag) && header.getFlag(flag)) {
        copy.setFlag(flag);
      }
    }
    message.addRecord(Record.newRecord(name, type, DClass.IN), Section.QUESTION);
    if (opt != null) {
      message.addRecord(opt, Section.ADDITIONAL);
    }
    return message;
  }
}
