/**
 * A DNS server front-end in front of one {@link org.dnschase.resolver.Resolver}: UDP and TCP
 * listeners, access control, rate limiting and a control channel. It exports the API package
 * {@code org.dnschase.resolver.server} only.
 */
module org.dnschase.resolver.server {
  requires transitive org.dnschase.resolver;
  requires io.netty.buffer;
  requires io.netty.codec;
  requires io.netty.common;
  requires io.netty.handler;
  requires io.netty.transport;
  requires org.slf4j;

  exports org.dnschase.resolver.server;
}
