package org.dnschase.resolver;

import java.io.IOException;
import java.time.Duration;
import org.dnschase.resolver.spi.Responses;
import org.dnschase.resolver.zones.AuthZone;
import org.dnschase.resolver.zones.ForwardZone;
import org.dnschase.resolver.zones.StubZone;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The code samples of this module's javadoc, compiled with its tests so that none can rot: the
 * javadoc shows these regions through {@code {@snippet class=... region=...}}, and
 * {@code SnippetsTest} runs them against a lab.
 */
final class Snippets {

  private Snippets() {}

  /** {@link ResolverBuilder}'s sample. */
  static Resolver builder(String hintsText) {
    // @start region=builder
    Resolver resolver = Resolver.builder()
        .rootHints(RootHints.parse(hintsText))   // a lab's root; the default is IANA's
        .upstreamPort(5353)
        .loopbackOnly()                          // never send a packet off this machine
        .budgets(Budgets.DEFAULTS.withMaxHops(8))
        .recordTrace(true)
        .build();
    // @end
    return resolver;
  }

  /** The sample of {@code ForwardZone}, {@code StubZone} and {@code AuthZone}. */
  static Resolver zones(RootHints hints) {
    // @start region=zones
    Resolver resolver = Resolver.builder()
        .rootHints(hints)
        // corp.example. is resolved by two recursive servers, the second on port 5353
        .forwardZone(ForwardZone.of("corp.example.", "192.0.2.53", "192.0.2.54@5353"))
        // lab.example. is walked from its own server; from the root if that one fails
        .stubZone(StubZone.of("lab.example.", "198.51.100.1").withPrime(true).withFirst(true))
        // home.example. is answered from its data here, without a query
        .authZone(AuthZone.parse("home.example.", """
            @       3600 SOA ns hostmaster 1 3600 600 86400 300
            @       3600 NS  ns
            ns      3600 A   192.168.1.1
            printer 3600 A   192.168.1.20
            """))
        .build();
    // @end
    return resolver;
  }

  /** {@link Budgets}' sample. */
  static Budgets budgets() {
    // @start region=budgets
    Budgets strict = Budgets.DEFAULTS
        .withMaxHops(8)
        .withDeadline(Duration.ofSeconds(3))
        .withMaxGluelessPerDelegation(2);
    // @end
    return strict;
  }

  /** {@link Resolver.QueryOptions}' sample: a server's answer to a query with RD=0. */
  static Resolution cacheOnly(Resolver resolver) {
    // @start region=query-options
    Resolver.QueryOptions rdClear = Resolver.QueryOptions.DEFAULTS.withCacheOnly(true);
    Resolution fromCache = resolver.resolve("www.example.", Type.A, rdClear);
    // a Failure with FailureReason.NOT_CACHED when the cache cannot answer; nothing was sent
    // @end
    return fromCache;
  }

  /** {@link Resolver}'s sample. */
  static void resolve(RootHints hints) {
    // @start region=resolve
    try (Resolver resolver = Resolver.builder().rootHints(hints).build()) {
      switch (resolver.resolve("www.example.", Type.A)) {
        case Resolution.Answer a -> System.out.println(a.records());
        case Resolution.NoData n -> System.out.println("no such data");
        case Resolution.NxDomain x -> System.out.println("no such name");
        case Resolution.Failure f -> System.out.println(f.reason() + ": " + f.detail());
      }
    }
    // @end
  }

  /** {@link Responses}' sample: the DNS response for a client's query in wire format. */
  static byte[] respond(Resolver resolver, byte[] wire) throws IOException {
    // @start region=respond
    Message query = new Message(wire);
    Record question = query.getQuestion();
    Resolution result = resolver.resolve(question.getName(), question.getType());
    byte[] reply = Responses.toMessage(result, query).toWire();
    // @end
    return reply;
  }
}
