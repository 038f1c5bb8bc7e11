/**
 * Netty's name resolution through dnschase: {@link
 * org.dnschase.resolver.netty.DnschaseAddressResolverGroup}, an {@code AddressResolverGroup} over
 * one shared resolver for {@code Bootstrap.resolver(...)} and the clients built on Netty.
 */
module org.dnschase.resolver.netty {
  requires transitive org.dnschase.resolver;
  requires transitive io.netty.resolver;
  requires transitive io.netty.common;

  exports org.dnschase.resolver.netty;
}
