/**
 * The resolver: {@link org.dnschase.resolver.Resolver}, its builder and the values it returns.
 * It exports the API package, the host look-ups ({@code org.dnschase.resolver.host}), the forward
 * and stub zones a builder takes ({@code org.dnschase.resolver.zones}), its DNSSEC settings ({@code
 * org.dnschase.resolver.dnssec}), what of a server's reply it keeps ({@code
 * org.dnschase.resolver.reply}), what a resolver counts ({@code org.dnschase.resolver.metrics})
 * and, for servers and conformance runners, {@code
 * org.dnschase.resolver.spi}; nothing under {@code org.dnschase.resolver.internal} (the iterator,
 * the chase engine, the transport) is readable from outside the module.
 */
module org.dnschase.resolver {
  requires transitive org.dnschase.resolver.cache;
  requires transitive org.dnschase.resolver.rules;
  requires transitive com.github.benmanes.caffeine;
  requires transitive org.dnsjava;
  requires io.netty.buffer;
  requires io.netty.codec;
  requires io.netty.common;
  requires io.netty.transport;
  requires io.netty.transport.classes.epoll;
  requires io.netty.transport.unix.common;
  requires jdk.jfr;
  requires org.slf4j;

  exports org.dnschase.resolver;
  exports org.dnschase.resolver.spi;
  exports org.dnschase.resolver.host;
  exports org.dnschase.resolver.zones;
  exports org.dnschase.resolver.metrics;
  exports org.dnschase.resolver.dnssec;
  exports org.dnschase.resolver.reply;
  // the server's listeners sit on the same event loops as the resolver's exchanges, so are made alike
  exports org.dnschase.resolver.internal.transport.loops to org.dnschase.resolver.server;
}
