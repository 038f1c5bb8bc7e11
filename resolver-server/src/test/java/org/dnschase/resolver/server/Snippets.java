package org.dnschase.resolver.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;

/**
 * The code samples of this module's javadoc, compiled with its tests so that none can rot: the
 * javadoc shows these regions through {@code {@snippet class=... region=...}}, and
 * {@code SnippetsTest} runs them.
 */
final class Snippets {

  private Snippets() {}

  /** The resolver and the server of the sample, for the test to close. */
  record Served(Resolver resolver, DnsServer server) {}

  /** {@link DnsServerBuilder}'s sample: a resolver for a lab, served on loopback. */
  static Served serve(RootHints labHints, int labPort, int port, int controlPort) {
    // @start region=serve
    Resolver resolver = Resolver.builder()
        .rootHints(labHints).upstreamPort(labPort).loopbackOnly()
        .build();
    DnsServer server = DnsServer.builder(resolver)
        .listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
        .allow("127.0.0.0/8")                 // who may ask; everyone else gets REFUSED
        .control(new InetSocketAddress(InetAddress.getLoopbackAddress(), controlPort))
        .start();                             // serving, UDP and TCP, until server.close()
    // @end
    return new Served(resolver, server);
  }
}
