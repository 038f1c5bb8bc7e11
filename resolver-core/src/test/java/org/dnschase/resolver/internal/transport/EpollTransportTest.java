package org.dnschase.resolver.internal.transport;

import org.dnschase.resolver.internal.transport.loops.LoopKind;
import org.dnschase.resolver.spi.Transport;

/**
 * {@link TransportTest}'s cases on epoll event loops, asked for where it loads: the same replies
 * accepted and refused (an ICMP port unreachable, read as ECONNREFUSED, ignored), the same
 * timeout, the TCP retry, the same lifecycle.
 */
class EpollTransportTest extends TransportTest {

  @Override
  Transport newTransport(int threads) {
    return new NettyTransport(threads, new QueryIds()::next, null, LoopKind.EPOLL);
  }
}
