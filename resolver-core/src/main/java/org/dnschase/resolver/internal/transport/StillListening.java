package org.dnschase.resolver.internal.transport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.Message;

/**
 * How a UDP exchange of the resolver's own transport ends when its wait ran out while its socket
 * goes on listening: a timeout, as any other for the server's selection, with the future of the
 * reply should it come late ({@link #lateReply}). The resolver asks again meanwhile (RFC 1536 §1:
 * a server slower than its wait is no lost one) and takes whichever reply comes first; a late one
 * is matched as strictly as one in time (its own ID, port and question, RFC 5452 §9.1). The socket
 * closes once the late reply came, the future is cancelled (the resolver is done with the
 * question), or the transport's listening window after the wait has passed, whichever is first.
 */
public final class StillListening extends TimeoutException {

  private static final long serialVersionUID = 1L;

  private final transient CompletableFuture<Message> lateReply;

  /**
   * The timeout {@code timedOut}, while the socket still listens for {@code lateReply}.
   *
   * @param timedOut how the wait ran out
   * @param lateReply the reply should it come late
   */
  public StillListening(TimeoutException timedOut, CompletableFuture<Message> lateReply) {
    super(timedOut.getMessage());
    this.lateReply = lateReply;
  }

  /**
   * {@return the reply that comes after the wait ran out: it fails when the listening window passes
   * or the transport closes; cancelling it closes the socket}
   */
  public CompletableFuture<Message> lateReply() {
    return lateReply;
  }
}
