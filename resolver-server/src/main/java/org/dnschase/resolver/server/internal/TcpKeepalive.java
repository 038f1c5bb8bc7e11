package org.dnschase.resolver.server.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TcpKeepaliveOption;
import org.xbill.DNS.Type;

/**
 * The edns-tcp-keepalive option (RFC 7828): a client that offers it in a query over TCP is told in
 * the answer how long the server keeps an idle connection open (§3.3.2), so it can keep the
 * connection for its next questions as long as that and no longer. Over UDP the option is never
 * sent (§3.3.1). Only TCP queries with EDNS are looked at, on their octets, without parsing them again.
 */
final class TcpKeepalive {

  /** Where a message's additional record count is (RFC 1035 §4.1.1). */
  private static final int ARCOUNT = 10;
  /** An OPT record's octets before its options: root name, type, payload size, TTL, RDLENGTH. */
  private static final int OPT_FIXED = 11;
  /** The largest TIMEOUT, in units of 100 ms (§3.1: 16 bits). */
  private static final int MAX_TIMEOUT = 0xffff;

  private TcpKeepalive() {}

  /**
   * Whether {@code query} offers edns-tcp-keepalive: its one additional record, right after its
   * question, is an OPT record with the option. A query with answer or authority records never
   * gets this far (FORMERR), so the OPT record is where this looks.
   *
   * @param query a request's octets, which may be anything
   * @return whether it offers the option
   */
  static boolean offered(byte[] query) {
    if (query.length < Header.LENGTH || u16(query, ARCOUNT) != 1) {
      return false;
    }
    int at = Header.LENGTH;
    while (at < query.length && query[at] != 0 && (query[at] & 0xc0) != 0xc0) {
      at += 1 + (query[at] & 0xff); // a label
    }
    at += at < query.length && query[at] == 0 ? 1 : 2; // the root label, or a compression pointer
    at += 4; // the question's type and class
    if (at + OPT_FIXED > query.length || query[at] != 0 || u16(query, at + 1) != Type.OPT) {
      return false;
    }
    int end = Math.min(query.length, at + OPT_FIXED + u16(query, at + OPT_FIXED - 2));
    for (int option = at + OPT_FIXED; option + 4 <= end; option += 4 + u16(query, option + 2)) {
      if (u16(query, option) == EDNSOption.Code.TCP_KEEPALIVE) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code answer} with the option added to its OPT record, its TIMEOUT the idle timeout (in units
   * of 100 ms, at most 65,535 of them).
   *
   * @param answer an answer's octets; one without an OPT record is left as it is
   * @param idleTimeout how long the server keeps an idle connection
   * @return the answer's octets with the option
   */
  static byte[] withTimeout(byte[] answer, Duration idleTimeout) {
    Message message;
    try {
      message = new Message(answer);
    } catch (IOException e) {
      return answer; // the server's own answer: it parses
    }
    OPTRecord opt = message.getOPT();
    if (opt == null) {
      return answer;
    }
    List<EDNSOption> options = new ArrayList<>(opt.getOptions());
    options.add(new TcpKeepaliveOption((int) Math.min(idleTimeout.toMillis() / 100, MAX_TIMEOUT)));
    message.removeRecord(opt, Section.ADDITIONAL);
    message.addRecord(new OPTRecord(opt.getPayloadSize(), opt.getExtendedRcode(), opt.getVersion(), opt.getFlags(),
        options), Section.ADDITIONAL);
    return message.toWire(ResponseFitter.TCP_PAYLOAD);
  }

  private static int u16(byte[] octets, int at) {
    return (octets[at] & 0xff) << 8 | octets[at + 1] & 0xff;
  }
}
