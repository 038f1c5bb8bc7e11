package org.dnschase.resolver.server.internal;

import java.util.List;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;

/**
 * Writes an answer into the room a transport gives it. An answer that does not fit loses first
 * what the client can do without (minimal responses, as Unbound's {@code minimal-responses}): the
 * additional records and, beside a negative answer's SOA, the zone's NS records; if it still does
 * not fit, dnsjava drops whole RRsets from the end and sets TC (RFC 2181 §9), keeping the OPT
 * record (RFC 6891 §7), and the client asks again over TCP (RFC 7766 §5).
 */
public final class ResponseFitter {

  /** The most a TCP answer can take: its length travels in two octets (RFC 1035 §4.2.2). */
  public static final int TCP_PAYLOAD = 65_535;

  private ResponseFitter() {}

  /**
   * The answer's wire format in at most {@code room} octets.
   *
   * @param answer the answer; changed in place when it has to be trimmed
   * @param room the octets the transport allows: the client's UDP payload size, or
   *     {@link #TCP_PAYLOAD}
   * @return the octets to send; TC is set in them when records had to go
   */
  public static byte[] fit(Message answer, int room) {
    byte[] wire = answer.toWire(room);
    if (!truncated(wire) || !trimOptional(answer)) {
      return wire;
    }
    return answer.toWire(room);
  }

  /**
   * Whether dnsjava set TC while writing (the message's own header is left as it was): TC is bit
   * 1 of the third octet (RFC 1035 §4.1.1).
   */
  static boolean truncated(byte[] wire) {
    return wire.length >= 4 && (wire[2] & 0x02) != 0;
  }

  /** Drops what a minimal response leaves out; whether anything went. */
  private static boolean trimOptional(Message answer) {
    boolean trimmed = false;
    for (Record record : List.copyOf(answer.getSection(Section.ADDITIONAL))) {
      if (!(record instanceof OPTRecord)) {
        trimmed |= answer.removeRecord(record, Section.ADDITIONAL);
      }
    }
    boolean negative = answer.getSection(Section.AUTHORITY).stream().anyMatch(SOARecord.class::isInstance);
    if (negative) {
      for (Record record : List.copyOf(answer.getSection(Section.AUTHORITY))) {
        if (!(record instanceof SOARecord)) {
          trimmed |= answer.removeRecord(record, Section.AUTHORITY);
        }
      }
    }
    return trimmed;
  }
}
