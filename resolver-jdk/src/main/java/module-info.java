/**
 * The JDK's name service through dnschase: an {@link java.net.spi.InetAddressResolverProvider}
 * (JEP 418) that answers {@code InetAddress} look-ups with the iterative, caching resolver,
 * configured by {@code dnschase.*} system properties (see {@link
 * org.dnschase.resolver.jdk.DnschaseResolverProvider}).
 */
module org.dnschase.resolver.jdk {
  requires org.dnschase.resolver;
  requires org.slf4j;

  exports org.dnschase.resolver.jdk;

  provides java.net.spi.InetAddressResolverProvider with org.dnschase.resolver.jdk.DnschaseResolverProvider;
}
