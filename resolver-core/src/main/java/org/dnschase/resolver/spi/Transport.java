package org.dnschase.resolver.spi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Message;

/**
 * How the resolver sends one query to one server and gets its reply. The default is a Netty
 * transport over UDP with a retry over TCP on truncation; tests and labs can supply their own
 * (for example one that answers from scripted servers in memory).
 *
 * <p>An implementation must complete the future within {@code timeout}: with the reply whose ID
 * and question match the query, or exceptionally ({@link java.util.concurrent.TimeoutException}
 * when nothing usable arrived in time, an {@link java.io.IOException} for anything else). A reply
 * with TC set is taken as a failed exchange, never as the server's answer: a transport that can
 * ask again over TCP should, and hand on a truncated reply only when it cannot. The resolver gives
 * each server about as long as its replies take ({@code timeout} is its retransmission timeout,
 * RFC 6298), too short for a connection's set-up and a query after it: the question asked again
 * over TCP may take twice {@code timeout} more, from the truncated reply.
 *
 * <p>The resolver cancels the future of an exchange it no longer waits for (its resolution ended at
 * its deadline, or was pushed out by newer questions): a transport should then end the exchange at
 * once, freeing its socket, and drop a reply that comes after; the default does.
 */
public interface Transport extends AutoCloseable {

  /**
   * Sends {@code query} to {@code server} and completes with its matching reply.
   *
   * @param server the server's address and port
   * @param query the query to send
   * @param timeout how long to wait for the reply
   * @return a future of the reply, completed within {@code timeout}
   */
  CompletableFuture<Message> exchange(InetSocketAddress server, Message query, Duration timeout);

  /**
   * Sends {@code query} to {@code server} over TCP only, never over UDP (RFC 7766 §5), for servers
   * configured to be asked over TCP (Unbound's {@code forward-tcp-upstream}), and completes with
   * its matching reply as {@link #exchange} does. A transport that cannot send over TCP fails the
   * exchange with an {@link java.io.IOException}, which is what the default does: it never falls
   * back to UDP, which such a server may not answer, or should not see.
   *
   * @param server the server's address and port
   * @param query the query to send
   * @param timeout how long to wait for the reply
   * @return a future of the reply, completed within {@code timeout}
   */
  default CompletableFuture<Message> exchangeOverTcp(InetSocketAddress server, Message query, Duration timeout) {
    return CompletableFuture.failedFuture(new IOException(getClass().getName() + " cannot send queries over TCP"));
  }

  /** Frees the transport's sockets and threads; the default does nothing. */
  @Override
  default void close() {}
}
