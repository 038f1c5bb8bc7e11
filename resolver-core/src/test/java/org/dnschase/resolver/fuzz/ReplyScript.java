package org.dnschase.resolver.fuzz;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.xbill.DNS.Message;

/** Decides, from the fuzzer's input, what each exchange of one resolution gets back. */
interface ReplyScript {

  /** What happens to one query. */
  sealed interface Outcome {}

  /** {@code reply} arrives after {@code rtt}; one slower than the timeout is a timeout. */
  record Arrives(Message reply, Duration rtt) implements Outcome {}

  /** Nothing usable arrives (silence, or garbage the transport ignores). */
  record Silence() implements Outcome {}

  /** The exchange fails at once, as on an ICMP error or a reset connection. */
  record Broken() implements Outcome {}

  /**
   * The outcome of sending {@code query} to {@code server}; {@code lab} is what the lab's server
   * there would answer, null when no lab server has that address.
   */
  Outcome next(InetSocketAddress server, Message query, Message lab);
}
