package org.dnschase.resolver.bench;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.ResolverBuilder;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.dnssec.Validation;
import org.dnschase.resolver.testkit.Signing;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The benchmarks' DNS tree on loopback: the root, the TLD {@code lab.} and two leaf zones,
 * {@code alpha.lab.} and {@code beta.lab.}, each on its own 127.53.x.y server. For every chain
 * length k in {@link #HOPS} it holds a chain {@code c<k>-0 ... c<k>-<k>} of k CNAMEs that alternates
 * between the two leaf zones (so every hop changes zone, as CDN chains do) and ends in two A
 * records.
 *
 * <p>The root server's name, {@code a.root.lab.}, exists in {@code lab.} too, not only as glue:
 * Unbound looks it up there and, finding NXDOMAIN, fails every resolution.
 *
 * <p>Every TTL is a day, so nothing expires during a run, which would turn a cached benchmark
 * into a cold one without saying so.
 */
final class BenchLab {

  /** The chain lengths every benchmark is run with; 12 is our default hop limit. */
  static final int[] HOPS = {1, 2, 4, 8, 12};

  /** The final addresses of every chain, as the peers must return them too. */
  static final Set<String> FINAL_ADDRESSES = Set.of("192.0.2.1", "192.0.2.2");

  private BenchLab() {}

  /** Starts the lab's servers on one free port. */
  static TestHierarchy start() {
    return start(0);
  }

  /** Starts the lab's servers on {@code port} (0: a free one; 53 needs root, for real resolvers). */
  static TestHierarchy start(int port) {
    return TestHierarchy.builder().zones(tree()).port(port).build();
  }

  /**
   * Starts the lab on a free port with every zone signed with ECDSA P-256 (algorithm 13, what
   * most signed zones use) and NSEC, the root's DS published as {@link TestHierarchy#trustAnchor()}.
   */
  static TestHierarchy startSigned() {
    return TestHierarchy.builder().zones(tree()).signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256)).build();
  }

  /**
   * A resolver for {@code lab} that validates from its root's key when the lab is signed, and does
   * not validate when it is not: the two sides of the price of validation.
   */
  static Resolver resolverFor(TestHierarchy lab, RRsetCache cache, boolean signed) {
    ResolverBuilder builder = builderFor(lab.rootHints(), lab.port(), cache);
    return builder.validation(signed ? Validation.trustAnchors(lab.trustAnchor().toString()) : Validation.off())
        .build();
  }

  private static ZoneTree tree() {
    return ZoneTree.builder()
        .root("a.root.lab.", "127.53.0.1")
        .zone("lab.", "ns1", "127.53.1.1", "a.root A 127.53.0.1")
        .zone("alpha.lab.", "ns", "127.53.10.1", chainLinks("alpha"))
        .zone("beta.lab.", "ns", "127.53.11.1", chainLinks("beta"))
        .build();
  }

  /** A resolver that starts at the lab's root and never sends a packet off loopback. */
  static Resolver resolverFor(TestHierarchy lab, RRsetCache cache) {
    return resolverFor(lab.rootHints(), lab.port(), cache);
  }

  /** {@link #resolverFor(TestHierarchy, RRsetCache)} for the lab served by others, e.g. NSD. */
  static Resolver resolverFor(Map<Name, List<InetAddress>> rootHints, int port, RRsetCache cache) {
    return builderFor(rootHints, port, cache).build();
  }

  /** The builder of {@link #resolverFor(Map, int, RRsetCache)}, for a benchmark that sets more. */
  static ResolverBuilder builderFor(Map<Name, List<InetAddress>> rootHints, int port, RRsetCache cache) {
    return Resolver.builder()
        .rootHints(RootHints.of(rootHints))
        .upstreamPort(port)
        .loopbackOnly()
        .cache(cache);
  }

  /** The name that starts the chain of {@code hops} CNAMEs. */
  static Name chainStart(int hops) {
    return name(hops, 0);
  }

  /**
   * Checks that {@code resolution} is the answer at the end of the k-hop chain and returns it;
   * throws otherwise, so a benchmark never measures a failure or a short-cut.
   */
  static Resolution.Answer requireChainAnswer(Resolution resolution, int hops) {
    if (!(resolution instanceof Resolution.Answer answer)) {
      throw new IllegalStateException("expected an answer for " + chainStart(hops) + ", got " + resolution);
    }
    if (answer.chain().size() != hops || !addresses(answer.records()).equals(FINAL_ADDRESSES)) {
      throw new IllegalStateException("expected " + hops + " hops to " + FINAL_ADDRESSES + ", got "
          + answer.chain().size() + " hops to " + answer.records());
    }
    return answer;
  }

  /**
   * Checks that {@code answer} is SECURE when the lab is signed and validated, and INDETERMINATE
   * (not validated) when it is not; throws otherwise, so a validation benchmark measures what it
   * says.
   */
  static void requireSecurity(Resolution.Answer answer, boolean signed) {
    Security expected = signed ? Security.SECURE : Security.INDETERMINATE;
    if (answer.security() != expected) {
      throw new IllegalStateException("expected a " + expected + " chain, got " + answer.security());
    }
  }

  /**
   * Resolves the k-hop chain starting at {@code qname} twice with {@code resolver} and checks that
   * the second time no query reached the lab, so a cached benchmark is not a cold one in disguise;
   * returns the second answer for the benchmark's own checks. The benchmark must go on asking with
   * this very {@code qname} instance: the resolution cache keeps the first asker's name as its key,
   * and an equal name of another instance costs a byte-wise comparison (~18 ns at 8 hops) that a
   * same-instance look-up skips, so warming with one instance and measuring with another measures
   * something else than the figures in RESULTS.md.
   */
  static Resolution.Answer warmChain(TestHierarchy lab, Resolver resolver, Name qname, int hops) {
    requireChainAnswer(resolver.resolve(qname, Type.A), hops);
    lab.clearQueries();
    Resolution.Answer cached = requireChainAnswer(resolver.resolve(qname, Type.A), hops);
    if (lab.queryCount() != 0) {
      throw new IllegalStateException("a cached " + hops + "-hop chain went upstream: " + lab.queryCount()
          + " queries seen by the lab");
    }
    return cached;
  }

  /**
   * Closes a cached benchmark's resolver and lab, and fails if any query reached the lab after
   * {@link #warmChain}: the run would not have measured the cache.
   */
  static void closeCached(TestHierarchy lab, Resolver resolver) {
    int queries = lab.queryCount();
    resolver.close();
    lab.close();
    if (queries != 0) {
      throw new IllegalStateException(queries + " upstream queries during the cached benchmark");
    }
  }

  /** The A addresses among {@code records}, as sorted text. */
  static Set<String> addresses(List<? extends Record> records) {
    Set<String> addresses = new TreeSet<>();
    for (Record record : records) {
      if (record instanceof ARecord a) {
        addresses.add(a.getAddress().getHostAddress());
      }
    }
    return addresses;
  }

  /** The records of leaf zone {@code label}: its links of every chain, the last ones' A records. */
  private static String chainLinks(String label) {
    StringBuilder zone = new StringBuilder();
    for (int hops : HOPS) {
      for (int i = 0; i <= hops; i++) {
        if (!zoneOf(i).equals(label)) {
          continue;
        }
        String owner = "c" + hops + "-" + i;
        if (i < hops) {
          zone.append(owner).append(" CNAME ").append(name(hops, i + 1)).append('\n');
        } else {
          FINAL_ADDRESSES.stream().sorted().forEach(a -> zone.append(owner).append(" A ").append(a).append('\n'));
        }
      }
    }
    return zone.toString();
  }

  /** Even links of a chain live in alpha.lab, odd ones in beta.lab. */
  private static String zoneOf(int link) {
    return link % 2 == 0 ? "alpha" : "beta";
  }

  private static Name name(int hops, int link) {
    try {
      return Name.fromString("c" + hops + "-" + link + "." + zoneOf(link) + ".lab.");
    } catch (TextParseException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
