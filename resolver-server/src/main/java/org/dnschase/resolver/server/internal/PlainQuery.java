package org.dnschase.resolver.server.internal;

import java.io.IOException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A query of the plainest shape, the one most questions come in (dnsperf's, a stub's without
 * EDNS): a header asking one question (opcode QUERY, QR and TC clear, no other record) and the
 * question itself, its name spelt out in full, class IN, a type other than a zone transfer, and
 * nothing after it. Read with dnsjava's header and name readers alone, without building the whole
 * {@link Message}: a cached answer needs only the name, the type and the header's flags, and the
 * message is parsed only when the answer must be built ({@link #message}).
 *
 * <p>{@link RequestDecoder} would take every such query for the resolver as {@code new
 * Message(wire)} reads it; every other query (EDNS, a compressed or odd question, extra records,
 * another opcode or class, anything malformed) is left to it: {@link #read} gives null.
 *
 * @param header the query's header
 * @param name the question's name, as spelt
 * @param type the question's type
 */
record PlainQuery(Header header, Name name, int type) {

  /** Where the question starts: right after the header (RFC 1035 §4.1.1). */
  private static final int QUESTION = Header.LENGTH;

  /**
   * The query in {@code wire}, if it has the plain shape.
   *
   * @param wire a request's octets
   * @return the query, or null when it is not plain and must be decoded in full
   */
  static PlainQuery read(byte[] wire) {
    if (wire.length <= QUESTION) {
      return null;
    }
    try {
      Header header = new Header(wire);
      if (header.getFlag(Flags.QR) || header.getFlag(Flags.TC) || header.getOpcode() != Opcode.QUERY
          || header.getCount(Section.QUESTION) != 1 || header.getCount(Section.ANSWER) != 0
          || header.getCount(Section.AUTHORITY) != 0 || header.getCount(Section.ADDITIONAL) != 0) {
        return null;
      }
      DNSInput in = new DNSInput(wire);
      in.jump(QUESTION);
      Name name = new Name(in);
      int type = in.readU16();
      int dclass = in.readU16();
      boolean spelledOut = in.current() == QUESTION + name.length() + 4; // no compression pointer
      return spelledOut && in.remaining() == 0 && dclass == DClass.IN && type != Type.AXFR && type != Type.IXFR
          ? new PlainQuery(header, name, type) : null;
    } catch (IOException malformed) {
      return null;
    }
  }

  /** Where the question ends in the query's octets: after its name, type and class. */
  int questionEnd() {
    return QUESTION + name.length() + 4;
  }

  /**
   * The whole query, as {@link RequestDecoder} reads it, for building an answer.
   *
   * @param wire the octets this query was read from
   * @return the message
   */
  static Message message(byte[] wire) {
    try {
      return new Message(wire);
    } catch (IOException e) {
      throw new IllegalStateException("a plain query that does not parse as a message", e);
    }
  }
}
