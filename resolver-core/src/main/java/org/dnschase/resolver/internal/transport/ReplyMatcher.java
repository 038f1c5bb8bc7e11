package org.dnschase.resolver.internal.transport;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;

/**
 * Decides whether a message is the reply to a query: it must carry the query's ID, have QR set and
 * repeat the question (RFC 5452 §9.1); that it came from the address and port the query went to
 * is the channel handler's check. Anything else is ignored, so a spoofed or stray packet cannot
 * complete a query.
 */
final class ReplyMatcher {

  private ReplyMatcher() {}

  static boolean matches(int id, Record asked, Message reply) {
    if (reply.getHeader().getID() != id || !reply.getHeader().getFlag(Flags.QR)) {
      return false;
    }
    Record echoed = reply.getQuestion();
    return echoed != null
        && echoed.getName().equals(asked.getName())
        && echoed.getType() == asked.getType()
        && echoed.getDClass() == asked.getDClass();
  }
}
