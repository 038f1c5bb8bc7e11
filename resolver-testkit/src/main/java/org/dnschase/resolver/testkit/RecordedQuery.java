package org.dnschase.resolver.testkit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * One query as an {@link AuthServer} received it, before any reply or fault: the testkit's
 * counterpart of mockwebserver's {@code RecordedRequest}.
 *
 * @param server the address of the server that received the query
 * @param client the address and port the query came from
 * @param qname the name in the question section
 * @param qtype the type in the question section (a {@link Type} constant)
 * @param transport whether the query came over UDP or TCP
 * @param received when the server received the query
 * @param message the full query message, as parsed
 */
public record RecordedQuery(
    InetAddress server,
    InetSocketAddress client,
    Name qname,
    int qtype,
    Transport transport,
    Instant received,
    Message message) {

  /** The transport a query arrived on. */
  public enum Transport {
    /** A datagram, answered within the client's payload size (RFC 1035 §4.2.1, RFC 6891). */
    UDP,
    /** A length-prefixed message on a stream (RFC 1035 §4.2.2, RFC 7766). */
    TCP
  }

  /** Checks that no component is null. */
  public RecordedQuery {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(qname, "qname");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(received, "received");
    Objects.requireNonNull(message, "message");
  }

  /** {@return the message ID of the query} */
  public int id() {
    return message.getHeader().getID();
  }

  @Override
  public String toString() {
    return server.getHostAddress() + " " + transport + " " + qname + "/" + Type.string(qtype)
        + " from " + client.getAddress().getHostAddress() + ":" + client.getPort();
  }
}
