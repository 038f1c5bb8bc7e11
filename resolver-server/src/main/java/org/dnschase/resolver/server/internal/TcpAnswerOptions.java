package org.dnschase.resolver.server.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TcpKeepaliveOption;
import org.xbill.DNS.Type;

/**
 * The EDNS options an answer over TCP carries for what its query offered:
 *
 * <ul>
 *   <li>edns-tcp-keepalive (RFC 7828): a client that offers it is told how long the server keeps an
 *       idle connection open (§3.3.2), so it can keep the connection for its next questions as long
 *       as that and no longer. Over UDP it is never sent (§3.3.1).
 *   <li>Padding (RFC 7830 §4: a query with the option gets a padded answer), to a multiple of 468
 *       octets (RFC 8467 §4.1). Over UDP the server does not pad: without encryption padding hides
 *       nothing (RFC 7830 §6), and it would let a small query with a forged source draw an answer of
 *       468 octets (BIND pads only over TCP or for a client with a valid cookie).
 * </ul>
 *
 * <p>Only TCP queries with EDNS are looked at, on their octets, without parsing them again.
 */
final class TcpAnswerOptions {

  /** What a query offered: the options whose answer this class writes. */
  record Offered(boolean keepalive, boolean padding) {

    static final Offered NOTHING = new Offered(false, false);

    boolean any() {
      return keepalive || padding;
    }
  }

  /** Where a message's additional record count is (RFC 1035 §4.1.1). */
  private static final int ARCOUNT = 10;
  /** An OPT record's octets before its options: root name, type, payload size, TTL, RDLENGTH. */
  private static final int OPT_FIXED = 11;
  /** The largest TIMEOUT, in units of 100 ms (RFC 7828 §3.1: 16 bits). */
  private static final int MAX_TIMEOUT = 0xffff;
  /** RFC 8467 §4.1: a responder pads its answers to a multiple of this many octets. */
  static final int PADDING_BLOCK = 468;
  /** An option's code and length, before its data (RFC 6891 §6.1.2). */
  private static final int OPTION_HEADER = 4;

  private TcpAnswerOptions() {}

  /**
   * What {@code query} offers: its one additional record, right after its question, is an OPT
   * record with edns-tcp-keepalive, Padding, or both. A query with answer or authority records
   * never gets this far (FORMERR), so the OPT record is where this looks.
   *
   * @param query a request's octets, which may be anything
   * @return what it offers
   */
  static Offered offered(byte[] query) {
    if (query.length < Header.LENGTH || u16(query, ARCOUNT) != 1) {
      return Offered.NOTHING;
    }
    int at = Header.LENGTH;
    while (at < query.length && query[at] != 0 && (query[at] & 0xc0) != 0xc0) {
      at += 1 + (query[at] & 0xff); // a label
    }
    at += at < query.length && query[at] == 0 ? 1 : 2; // the root label, or a compression pointer
    at += 4; // the question's type and class
    if (at + OPT_FIXED > query.length || query[at] != 0 || u16(query, at + 1) != Type.OPT) {
      return Offered.NOTHING;
    }
    boolean keepalive = false;
    boolean padding = false;
    int end = Math.min(query.length, at + OPT_FIXED + u16(query, at + OPT_FIXED - 2));
    for (int option = at + OPT_FIXED; option + OPTION_HEADER <= end; option += OPTION_HEADER + u16(query, option + 2)) {
      keepalive |= u16(query, option) == EDNSOption.Code.TCP_KEEPALIVE;
      padding |= u16(query, option) == EDNSOption.Code.PADDING;
    }
    return new Offered(keepalive, padding);
  }

  /**
   * {@code answer} with the options {@code offered} asks for added to its OPT record: the idle
   * timeout (in units of 100 ms, at most 65,535 of them), then the padding that makes the whole
   * message a multiple of {@link #PADDING_BLOCK} octets, unless that would pass the 65,535 a TCP
   * message may take.
   *
   * @param answer an answer's octets; one without an OPT record is left as it is
   * @param offered what the query offered
   * @param idleTimeout how long the server keeps an idle connection
   * @return the answer's octets with the options
   */
  static byte[] answer(byte[] answer, Offered offered, Duration idleTimeout) {
    Message message;
    try {
      message = new Message(answer);
    } catch (IOException e) {
      return answer; // the server's own answer: it parses
    }
    if (message.getOPT() == null) {
      return answer;
    }
    if (offered.keepalive()) {
      withOption(message, new TcpKeepaliveOption((int) Math.min(idleTimeout.toMillis() / 100, MAX_TIMEOUT)));
    }
    byte[] wire = message.toWire(ResponseFitter.TCP_PAYLOAD);
    if (!offered.padding()) {
      return wire;
    }
    int padding = Math.floorMod(-(wire.length + OPTION_HEADER), PADDING_BLOCK);
    if (wire.length + OPTION_HEADER + padding > ResponseFitter.TCP_PAYLOAD) {
      return wire;
    }
    withOption(message, new GenericEDNSOption(EDNSOption.Code.PADDING, new byte[padding]));
    return message.toWire(ResponseFitter.TCP_PAYLOAD);
  }

  /** Replaces the message's OPT record with one that carries {@code option} too. */
  private static void withOption(Message message, EDNSOption option) {
    OPTRecord opt = message.getOPT();
    List<EDNSOption> options = new ArrayList<>(opt.getOptions());
    options.add(option);
    message.removeRecord(opt, Section.ADDITIONAL);
    message.addRecord(new OPTRecord(opt.getPayloadSize(), opt.getExtendedRcode(), opt.getVersion(), opt.getFlags(),
        options), Section.ADDITIONAL);
  }

  private static int u16(byte[] octets, int at) {
    return (octets[at] & 0xff) << 8 | octets[at + 1] & 0xff;
  }
}
