package org.dnschase.resolver.internal.transport;

import java.net.InetSocketAddress;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;

/**
 * Decides whether a datagram is the reply to a query: it must come from the address and port the
 * query went to, carry the query's ID, have QR set and repeat the question (RFC 5452 §9.1).
 * Anything else is ignored, so a spoofed or stray packet cannot complete a query.
 */
final class ReplyMatcher {

  private ReplyMatcher() {}

  static boolean matches(Message query, InetSocketAddress server, InetSocketAddress sender, Message reply) {
    return server.equals(sender) && matches(query, reply);
  }

  static boolean matches(Message query, Message reply) {
    if (reply.getHeader().getID() != query.getHeader().getID() || !reply.getHeader().getFlag(Flags.QR)) {
      return false;
    }
    Record asked = query.getQuestion();
    Record echoed = reply.getQuestion();
    return echoed != null
        && echoed.getName().equals(asked.getName())
        && echoed.getType() == asked.getType()
        && echoed.getDClass() == asked.getDClass();
  }
}
