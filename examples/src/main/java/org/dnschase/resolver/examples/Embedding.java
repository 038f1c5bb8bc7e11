package org.dnschase.resolver.examples;

import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.xbill.DNS.Type;

/**
 * The README's embedding example, compiled and run by the tests so it cannot rot: build a
 * resolver, resolve a name, match on the outcome.
 */
public final class Embedding {

  private Embedding() {}

  /** Resolves {@code name} for A records from the given root and describes the outcome. */
  public static String describe(RootHints hints, int port, String name) {
    // @start region=embedding
    try (Resolver resolver = Resolver.builder()
        .rootHints(hints)          // leave out to start from the IANA root servers
        .upstreamPort(port)        // 53 unless your lab listens elsewhere
        .build()) {
      return switch (resolver.resolve(name, Type.A)) {
        case Resolution.Answer a -> a.records() + " after " + a.chain().size() + " hops, ttl " + a.ttl();
        case Resolution.NoData n -> "no A records at " + n.finalName();
        case Resolution.NxDomain x -> x.finalName() + " does not exist, chain " + x.chain();
        case Resolution.Failure f -> f.reason() + ": " + f.detail();
      };
    }
    // @end
  }
}
