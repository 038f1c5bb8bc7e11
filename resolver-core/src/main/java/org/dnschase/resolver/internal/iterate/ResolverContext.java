package org.dnschase.resolver.internal.iterate;

import com.github.benmanes.caffeine.cache.Ticker;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.internal.ResolverConfig;
import org.dnschase.resolver.spi.Transport;

/** What every query of one resolver shares: configuration, cache, transport and server statistics. */
final class ResolverContext {

  final ResolverConfig config;
  final RRsetCache cache;
  final Transport transport;
  final Ticker ticker;
  final ServerSelector selector = new ServerSelector();
  final ParentSideGlue parentSideGlue;
  final Deadlines deadlines = new Deadlines();
  private final AtomicInteger queryIds = new AtomicInteger();

  ResolverContext(ResolverConfig config, Transport transport) {
    this.config = config;
    this.cache = config.cache();
    this.transport = transport;
    this.ticker = config.ticker();
    this.parentSideGlue = new ParentSideGlue(ticker);
  }

  int nextQueryId() {
    return queryIds.incrementAndGet();
  }

  InetSocketAddress upstream(InetAddress address) {
    return new InetSocketAddress(address, config.upstreamPort());
  }

  boolean allowed(InetAddress address) {
    return config.upstreamFilter().test(address);
  }
}
