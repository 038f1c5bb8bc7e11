package org.dnschase.resolver.server.internal;

import java.util.List;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.spi.Responses;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Compression;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSOutput;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * The answer to a {@link PlainQuery} for the outcomes most answers are, written straight into its
 * octets: the very octets {@link Responses#toMessage} and {@link ResponseFitter#fit} give (names
 * compressed by dnsjava's own {@link Compression} in the same order), without building the query's
 * message, the answer's, and the copies of their records and sections. A fresh answer is written
 * on the client's clock, between the last reply and the answer's send, where the server's part
 * (those messages, their encoding, the send) took some two fifths of the CPU; an answer given
 * again is a copy of the octets kept ({@link EncodedAnswers}).
 *
 * <p>Written so: an answer, NODATA or NXDOMAIN (the SOA and the zone's NS records in authority)
 * to a query without DO (no signatures or proofs to add), without an Extended DNS Error to add (a
 * stale answer's), of records of the types whose octets are plain here (A, AAAA, and the CNAME,
 * NS, PTR and SOA whose names dnsjava compresses), that fits in the room. Anything else is left to
 * the message ({@link #write} gives null): a failure, a DO query, another record type, an answer
 * to trim or truncate.
 */
final class PlainAnswer {

  /** The OPT record every answer to an EDNS query ends with: root, OPT, our payload size, no flag. */
  private static final int OPT_LENGTH = 1 + 2 + 2 + 4 + 2;
  /** Room for most answers at first (a TCP answer's room is 64 KiB); the output grows past it. */
  private static final int INITIAL_OCTETS = 512;

  private PlainAnswer() {}

  /**
   * The answer to {@code query} for {@code outcome} in at most {@code room} octets.
   *
   * @return the octets, or null when the answer is not of the plain kind and must be built as a
   *     message
   */
  static byte[] write(Resolution outcome, PlainQuery query, int room) {
    boolean edns = query.opt() != null;
    if (outcome instanceof Resolution.Failure || edns && (query.opt().getFlags() & ExtendedFlags.DO) != 0
        || query.type() != outcome.qtype() || !query.name().equals(outcome.qname()) || extendedError(outcome)) {
      return null;
    }
    Resolution.Negative negative = outcome instanceof Resolution.Negative n && n.soa() != null ? n : null;
    List<Record> answer = outcome.answerSection();
    List<Record> nameServers = negative != null ? negative.nameServers() : List.of();
    DNSOutput out = new DNSOutput(INITIAL_OCTETS);
    header(out, query.header(), outcome, answer.size(), negative == null ? 0 : 1 + nameServers.size(), edns);
    Compression names = new Compression();
    query.name().toWire(out, names);
    out.writeU16(query.type());
    out.writeU16(DClass.IN);
    if (!records(out, names, answer) || negative != null && !(record(out, names, negative.soa())
        && records(out, names, nameServers))) {
      return null;
    }
    if (out.current() + (edns ? OPT_LENGTH : 0) > room) {
      return null; // trimmed or truncated as the message is
    }
    if (edns) {
      out.writeU8(0);
      out.writeU16(Type.OPT);
      out.writeU16(Defaults.EDNS_PAYLOAD_SIZE);
      out.writeU32(0);
      out.writeU16(0);
    }
    return out.toByteArray();
  }

  /** Whether {@link Responses.ExtendedErrors#add} adds an Extended DNS Error to the outcome's answer. */
  private static boolean extendedError(Resolution outcome) {
    for (Diagnostic diagnostic : outcome.diagnostics()) {
      if (diagnostic.kind() == Diagnostic.Oddity.STALE_ANSWER) {
        return true;
      }
    }
    return false;
  }

  /**
   * The header {@link Responses} gives: the query's ID and opcode, QR and RA, RD and CD echoed, AD
   * for a SECURE outcome asked with AD (a DO query is not written here), the outcome's rcode.
   */
  private static void header(DNSOutput out, Header query, Resolution outcome, int answers, int authority,
      boolean edns) {
    int flags = bit(Flags.QR) | bit(Flags.RA) | query.getOpcode() << 11 | Responses.rcode(outcome);
    for (int echoed : new int[] {Flags.RD, Flags.CD}) {
      if (query.getFlag(echoed)) {
        flags |= bit(echoed);
      }
    }
    if (outcome.security() == Resolution.Security.SECURE && query.getFlag(Flags.AD)) {
      flags |= bit(Flags.AD);
    }
    out.writeU16(query.getID());
    out.writeU16(flags);
    out.writeU16(1);
    out.writeU16(answers);
    out.writeU16(authority);
    out.writeU16(edns ? 1 : 0);
  }

  /** A header flag's bit in the flags word (RFC 1035 §4.1.1: QR is the most significant). */
  private static int bit(int flag) {
    return 1 << 15 - flag;
  }

  private static boolean records(DNSOutput out, Compression names, List<Record> records) {
    for (Record record : records) {
      if (!record(out, names, record)) {
        return false;
      }
    }
    return true;
  }

  /** Writes {@code record} as dnsjava does in a message; false for a type not written here. */
  private static boolean record(DNSOutput out, Compression names, Record record) {
    int type = record.getType();
    if (type != Type.A && type != Type.AAAA && type != Type.CNAME && type != Type.NS && type != Type.PTR
        && type != Type.SOA) {
      return false;
    }
    record.getName().toWire(out, names);
    out.writeU16(type);
    out.writeU16(record.getDClass());
    out.writeU32(record.getTTL());
    int length = out.current();
    out.writeU16(0);
    switch (record) {
      case CNAMERecord cname -> cname.getTarget().toWire(out, names);
      case NSRecord ns -> ns.getTarget().toWire(out, names);
      case PTRRecord ptr -> ptr.getTarget().toWire(out, names);
      case SOARecord soa -> {
        soa.getHost().toWire(out, names);
        soa.getAdmin().toWire(out, names);
        out.writeU32(soa.getSerial());
        out.writeU32(soa.getRefresh());
        out.writeU32(soa.getRetry());
        out.writeU32(soa.getExpire());
        out.writeU32(soa.getMinimum());
      }
      default -> out.writeByteArray(record.rdataToWireCanonical()); // an address: no name in it
    }
    out.writeU16At(out.current() - length - 2, length);
    return true;
  }
}
