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
 * flag but DO, no option). Its header is read from its octets in place, its question and OPT
 * record with dnsjava's name and record readers, without building the whole {@link Message}: a cached
 * answer needs only the name, the type, the header's ID and flags and the OPT record, and the
 * message is made of them only when the answer must be built ({@link #message}). Reading the header
 * with dnsjava made four objects per query (its input, buffer, header and counts), nearly half of
 * what a cached answer allocated.
 *
 * <p>{@link RequestDecoder} would take every such query for the resolver as {@code new
 * Message(wire)} reads it; every other query (EDNS options or another version, a compressed or
 * odd question, other records, another opcode or class, anything malformed) is left to it:
 * {@link #read} gives null.
 *
 * @param id the query's ID
 * @param flags the header's second 16 bits: QR, the opcode, the flags and the rcode ({@link #flag})
 * @param name the question's name, as spelt
 * @param type the question's type
 * @param opt the query's OPT record, or null without EDNS
 */
record PlainQuery(int id, int flags, Name name, int type, OPTRecord opt) {

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
    int flags = flags(wire);
    // RFC 1035 §4.1.1: the ID, the flags, then the counts of the question, answer, authority and
    // additional sections
    int additional = u16(wire, 10);
    if (flag(flags, Flags.QR) || flag(flags, Flags.TC) || (flags >>> 11 & 0xF) != Opcode.QUERY || u16(wire, 4) != 1
        || u16(wire, 6) != 0 || u16(wire, 8) != 0 || additional > 1) {
      return null;
    }
    int id = u16(wire, 0);
    QuestionNames.Entry before = known.find(wire);
    // the kept octets say nothing of the header: one that counts an OPT record the octets lack
    // (or lacks one they have) is read in full, and refused there
    if (before != null && (before.opt() != null) == (additional == 1)) {
      return new PlainQuery(id, flags, before.name(), before.type(), before.opt());
    }
    try {
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
      return new PlainQuery(id, flags, name, type, opt);
    } catch (IOException malformed) {
      return null;
    }
  }

  /**
   * {@return the header's second 16 bits in {@code wire}, a request's octets of at least a header}:
   * QR, the opcode, AA, TC, RD, RA, Z, AD, CD and the rcode
   */
  static int flags(byte[] wire) {
    return u16(wire, 2);
  }

  /**
   * {@return whether {@code flags}, a header's second 16 bits, has flag {@code bit} set}
   *
   * @param bit a dnsjava {@link Flags} constant, numbered from the most significant bit as RFC 1035 draws them
   */
  static boolean flag(int flags, int bit) {
    return (flags & 1 << 15 - bit) != 0;
  }

  private static int u16(byte[] wire, int at) {
    return (wire[at] & 0xFF) << 8 | wire[at + 1] & 0xFF;
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
    Message message = new Message(id);
    Header copy = message.getHeader();
    copy.setOpcode(flags >>> 11 & 0xF);
    copy.setRcode(flags & 0xF);
    for (int flag = 0; flag < 16; flag++) {
      if (Flags.isFlag(flag) && flag(flags, flag)) {
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
