package org.dnschase.resolver.testkit;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;

/**
 * Turns a query into a reply, like mockwebserver's {@code Dispatcher}. Every {@link AuthServer}
 * starts with one that answers from its zones ({@link AuthServer#zoneDispatcher()}); set your own
 * with {@link AuthServer#setDispatcher(Dispatcher)} to script replies, e.g.
 *
 * {@snippet class=org.dnschase.resolver.testkit.Snippets region=dispatch}
 *
 * <p>The server applies the transport rules afterwards: a UDP reply larger than the client's
 * payload size is truncated with TC set, and an OPT record is added when the query had one and the
 * reply has none. Faults ({@link Fault}) are applied around the dispatcher. Dispatchers run on the
 * event loop and must not block.
 */
@FunctionalInterface
public interface Dispatcher {

  /**
   * Returns the reply to send for this query.
   *
   * @param query the query as received
   * @return the reply; never null (use {@link Fault.Drop} to send nothing)
   */
  Message dispatch(RecordedQuery query);

  /**
   * Starts a reply to {@code query}: same ID, opcode and question, QR set, RD copied (RFC 1035
   * §4.1.1), RCODE NOERROR and every other section empty.
   *
   * @param query the query being answered
   * @return a new reply message to fill in
   */
  static Message replyTo(Message query) {
    Message reply = new Message(query.getHeader().getID());
    reply.getHeader().setFlag(Flags.QR);
    reply.getHeader().setOpcode(query.getHeader().getOpcode());
    if (query.getHeader().getFlag(Flags.RD)) {
      reply.getHeader().setFlag(Flags.RD);
    }
    if (query.getQuestion() != null) {
      reply.addRecord(query.getQuestion(), Section.QUESTION);
    }
    return reply;
  }
}
