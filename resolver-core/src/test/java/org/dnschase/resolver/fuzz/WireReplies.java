package org.dnschase.resolver.fuzz;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * Replies as the fuzzer's raw bytes: the input is a run of DNS messages in TCP framing (a
 * two-octet length, then the message, RFC 1035 §4.2.2), one per exchange in order, parsed by
 * dnsjava as a transport would. Each gets the query's ID and question, as a reply that the
 * transport would not have dropped (if QR is set); what does not parse is silence, as it is to a transport. When
 * the input is used up, the servers fall silent.
 */
final class WireReplies implements ReplyScript {

  private static final Duration RTT = Duration.ofMillis(10);

  private final ByteBuffer input;

  WireReplies(ByteBuffer input) {
    this.input = input;
  }

  @Override
  public Outcome next(InetSocketAddress server, Message query, Message lab) {
    if (input.remaining() < 2) {
      return new Silence();
    }
    byte[] frame = new byte[Math.min(input.getShort() & 0xFFFF, input.remaining())];
    input.get(frame);
    Message reply;
    try {
      reply = new Message(frame);
    } catch (IOException | RuntimeException unreadable) {
      return new Silence();
    }
    if (!reply.getHeader().getFlag(Flags.QR)) {
      return new Silence(); // a query, not a reply: the transport would not match it
    }
    reply.getHeader().setID(query.getHeader().getID());
    for (Record question : List.copyOf(reply.getSection(Section.QUESTION))) {
      reply.removeRecord(question, Section.QUESTION);
    }
    reply.addRecord(query.getQuestion(), Section.QUESTION);
    return new Arrives(reply, RTT);
  }
}
