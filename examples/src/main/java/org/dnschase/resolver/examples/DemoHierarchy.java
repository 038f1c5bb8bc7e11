package org.dnschase.resolver.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.ResolverBuilder;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.testkit.TestHierarchy;

/**
 * The demo's DNS tree, from the master files beside this class: the root, the TLDs
 * {@code example.} and {@code test.}, and the leaf zones {@code shop.example.},
 * {@code cdn.test.}, {@code edge.example.} and {@code origin.test.}, each served by its own
 * in-process authoritative server on a 127.53.x.y loopback address.
 */
final class DemoHierarchy {

  static final List<String> ZONE_FILES = List.of("root.zone", "example.zone", "test.zone",
      "shop.example.zone", "cdn.test.zone", "edge.example.zone", "origin.test.zone");

  private DemoHierarchy() {}

  static TestHierarchy start() {
    TestHierarchy.Builder builder = TestHierarchy.builder();
    ZONE_FILES.forEach(file -> builder.zone(read(file)));
    return builder.build();
  }

  /** A resolver that starts at the demo's root and never sends a packet off loopback. */
  static ResolverBuilder resolverFor(TestHierarchy hierarchy) {
    return Resolver.builder()
        .rootHints(RootHints.of(hierarchy.rootHints()))
        .upstreamPort(hierarchy.port())
        .loopbackOnly();
  }

  private static String read(String file) {
    try (InputStream in = DemoHierarchy.class.getResourceAsStream("zones/" + file)) {
      if (in == null) {
        throw new IllegalStateException("zone file missing from the examples jar: " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
