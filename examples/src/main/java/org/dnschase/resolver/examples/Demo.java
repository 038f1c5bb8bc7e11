package org.dnschase.resolver.examples;

import java.io.PrintStream;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.xbill.DNS.Type;

/**
 * The main job: starts an in-process DNS hierarchy on loopback and resolves, iteratively from its
 * root, names that show what the resolver does with alias chains: a 4-hop CNAME chain across four
 * zones, validated SECURE, the same chain again from the cache, a CNAME loop, an NXDOMAIN at the
 * end of a chain, a DNAME that rewrites a name into the chain's subtree, and an alias into an
 * unsigned zone that ends INSECURE.
 */
public final class Demo {

  private Demo() {}

  public static void main(String[] args) {
    run(System.out);
  }

  static void run(PrintStream out) {
    ResolutionPrinter printer = new ResolutionPrinter(out);
    try (TestHierarchy hierarchy = DemoHierarchy.start();
        Resolver resolver = DemoHierarchy.resolverFor(hierarchy).recordTrace(true).build()) {
      out.printf("Lab DNS tree: %d authoritative servers on 127.53.x.y port %d; root hints %s%n%n",
          hierarchy.servers().size(), hierarchy.port(), hierarchy.rootHints().keySet());
      show(out, printer, hierarchy, resolver, "A 4-hop CNAME chain across 4 signed zones, cold cache: SECURE",
          "www.shop.example.");
      show(out, printer, hierarchy, resolver, "The same chain again: every hop from the cache",
          "www.shop.example.");
      show(out, printer, hierarchy, resolver, "A CNAME loop across two zones", "loop.shop.example.");
      show(out, printer, hierarchy, resolver, "An alias to a name that does not exist (RFC 6604)",
          "old.shop.example.");
      show(out, printer, hierarchy, resolver, "A DNAME renames a subtree (RFC 6672); the chain goes on from the cache",
          "shop.legacy.shop.example.");
      show(out, printer, hierarchy, resolver, "An alias into an unsigned zone (no DS proven): INSECURE",
          "partner.shop.example.");
    }
  }

  private static void show(PrintStream out, ResolutionPrinter printer, TestHierarchy hierarchy,
      Resolver resolver, String title, String name) {
    out.println("== " + title + " ==");
    hierarchy.clearQueries();
    Resolution resolution = resolver.resolve(name, Type.A);
    printer.print(resolution, true);
    out.printf("  queries the servers received: %d%n%n", hierarchy.queryCount());
  }
}
