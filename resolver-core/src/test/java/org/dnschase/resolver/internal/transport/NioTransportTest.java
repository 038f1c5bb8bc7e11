package org.dnschase.resolver.internal.transport;

import org.dnschase.resolver.internal.transport.loops.LoopKind;
import org.dnschase.resolver.spi.Transport;

/**
 * {@link TransportTest}'s cases on NIO event loops, where epoll does not load: the same replies
 * accepted and refused, the same timeout, the TCP retry, the same lifecycle.
 */
class NioTransportTest extends TransportTest {

  @Override
  Transport newTransport(int threads) {
    return new NettyTransport(threads, new QueryIds()::next, null, LoopKind.NIO);
  }
}
