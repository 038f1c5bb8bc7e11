package org.dnschase.resolver.internal.transport;

import org.dnschase.resolver.internal.metrics.ResolverMetrics;
import org.dnschase.resolver.spi.Transport;

/**
 * {@link TransportTest}'s cases on the resolver's own transport, whose first queries (every one of
 * these cases asks fewer than {@value PlainUdpExchanges#QUERIES}) go over the JDK's plain datagram
 * sockets: the same replies accepted and refused, the same timeout, the TCP retry (by Netty,
 * started for it), the same lifecycle.
 */
class FirstExchangesTransportTest extends TransportTest {

  @Override
  Transport newTransport(int threads) {
    return new DefaultTransport(threads, false, ResolverMetrics.disabled(), NettyTransport.CAPPED, java.time.Duration.ZERO);
  }
}
