/**
 * The resolver: {@link org.dnschase.resolver.Resolver}, its builder and the values it returns.
 * Only the API package is exported; everything under {@code org.dnschase.resolver.internal} (the
 * iterator, the chase engine, the transport) is not readable from outside the module.
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
  requires org.slf4j;

  exports org.dnschase.resolver;
}
