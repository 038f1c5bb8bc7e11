package org.dnschase.resolver.internal.transport;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A server's reply to one of our queries, by its ID and question, that is malformed: the exchange
 * fails with it as a bad reply from that server ({@link ExpectedReply#match}), and the resolver
 * asks the next one.
 */
final class MalformedReplyException extends IOException {

  MalformedReplyException(InetSocketAddress server, String malformation) {
    super(server + " sent a malformed reply: " + malformation);
  }
}
