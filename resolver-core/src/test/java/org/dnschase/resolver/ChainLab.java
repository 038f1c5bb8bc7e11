package org.dnschase.resolver;

import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;

/**
 * A lab hierarchy for the end-to-end tests: the root, two TLDs ({@code lab.}, {@code test.}) and
 * four leaf zones, each on its own loopback address, with the chains the tests chase:
 *
 * <pre>
 *   start.alpha.lab  CNAME hop1.beta.lab      (ttl 300)
 *   hop1.beta.lab    CNAME hop2.gamma.test    (ttl 120)
 *   hop2.gamma.test  CNAME hop3.delta.test    (ttl  60)   the minimum
 *   hop3.delta.test  CNAME final.alpha.lab    (ttl 200)
 *   final.alpha.lab  A     192.0.2.10         (ttl 3600)
 *   loop.alpha.lab   CNAME loop.beta.lab,  loop.beta.lab CNAME loop.alpha.lab
 *   dangling.alpha.lab CNAME nothere.gamma.test (which does not exist)
 *   moved.alpha.lab  DNAME newhome.gamma.test (ttl 900);  www.newhome.gamma.test A 192.0.2.20
 *   dl.alpha.lab DNAME dl.beta.lab, dl.beta.lab DNAME dl.alpha.lab   (a DNAME loop)
 *   grow.alpha.lab   DNAME a.grow.alpha.lab   (a target below its owner: the name grows each hop)
 *   long.alpha.lab   DNAME (183 octets of x).gamma.test   (long names below it overflow)
 *   flat.alpha.lab (300) -> f2.beta.lab (60) -> f3.alpha.lab (3600) -> f4.beta.lab A, AAAA (600)
 *   svc.alpha.lab HTTPS 0 svc.beta.lab -> HTTPS 0 svc2.alpha.lab -> HTTPS 1 . alpn=h2; sloop: an AliasMode loop
 *   inz.alpha.lab DNAME sub.alpha.lab (in-zone); l1/l2.alpha.lab DNAMEs to each other (a loop in one zone)
 *   intodn.beta.lab CNAME www.moved.alpha.lab (a CNAME into a DNAME'd subtree); cn.newhome.gamma.test CNAME final
 *   m12-0 / m13-0.alpha.lab: chains alternating CNAME and the DNAME dm.beta.lab -> alpha.lab
 *   c12-0.alpha.lab ... a 12-hop chain alternating between alpha.lab and beta.lab; c13-0 a 13-hop one
 * </pre>
 */
final class ChainLab {

  /** The servers of the root, of lab. and of the leaf zones alpha.lab and beta.lab. */
  static final String ROOT = "127.53.0.1";
  static final String LAB_TLD = "127.53.1.1";
  static final String ALPHA = "127.53.10.1";
  static final String BETA = "127.53.11.1";

  /** Three 60-octet labels: a DNAME to this suffix pushes a long name past 255 octets. */
  static final String LONG_TARGET = String.join(".", java.util.Collections.nCopies(3, "x".repeat(60)));

  static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root.lab.", "127.53.0.1")
      .zone("lab.", lab -> lab.server("ns1", "127.53.1.1").records("zeta NS nsalias.alpha.lab."))
      .zone("test.", "ns1", "127.53.2.1")
      .defaults(LabZones::leaf)
      .zone("alpha.lab.", "ns", "127.53.10.1", """
          start    300  CNAME hop1.beta.lab.
          final    3600 A     192.0.2.10
          loop     300  CNAME loop.beta.lab.
          dangling 300  CNAME nothere.gamma.test.
          moved    900  DNAME newhome.gamma.test.
          dl       300  DNAME dl.beta.lab.
          grow     300  DNAME a.grow.alpha.lab.
          long     300  DNAME %s.gamma.test.
          mx       300  MX    10 mailalias.alpha.lab.
          mailalias 300 CNAME final.alpha.lab.
          nsalias  300  CNAME ns.beta.lab.
          cd       300  CNAME final.alpha.lab.
          cd       300  DNAME beta.lab.
          flat     300  CNAME f2.beta.lab.
          inz      300  DNAME sub.alpha.lab.
          www.sub  300  A     192.0.2.50
          l1       300  DNAME l2.alpha.lab.
          l2       300  DNAME l1.alpha.lab.
          f3       3600 CNAME f4.beta.lab.
          svc      300  HTTPS 0 svc.beta.lab.
          svc2     300  HTTPS 1 . alpn=h2
          sloop    300  HTTPS 0 sloop.beta.lab.
          """.formatted(LONG_TARGET) + longChain(12, "alpha") + longChain(13, "alpha")
          + mixedChain(12) + mixedChain(13))
      .zone("beta.lab.", "ns", "127.53.11.1", """
          hop1     120  CNAME hop2.gamma.test.
          loop     300  CNAME loop.alpha.lab.
          dl       300  DNAME dl.alpha.lab.
          f2       60   CNAME f3.alpha.lab.
          intodn   300  CNAME www.moved.alpha.lab.
          dm       300  DNAME alpha.lab.
          f4       600  A     192.0.2.40
          f4       600  AAAA  2001:db8::40
          svc      300  HTTPS 0 svc2.alpha.lab.
          sloop    300  HTTPS 0 sloop.alpha.lab.
          """ + longChain(12, "beta") + longChain(13, "beta"))
      .zone("gamma.test.", "ns", "127.53.12.1", """
          hop2     60   CNAME hop3.delta.test.
          both     300  CNAME final.alpha.lab.
          both     300  TXT   "beside the CNAME"
          www.newhome  600 A  192.0.2.20
          mail.newhome 600 A  192.0.2.25
          cn.newhome   600 CNAME final.alpha.lab.
          """)
      .zone("delta.test.", "ns", "127.53.13.1", """
          hop3     200  CNAME final.alpha.lab.
          """)
      /* breaks RFC 1912 §2.4: its apex is also a CNAME */
      .zone("epsilon.test.", "ns", "127.53.14.1", "@ CNAME final.alpha.lab.")
      .build();

  /**
   * Delegated from lab. to an alias (nsalias.alpha.lab.), which breaks RFC 2181 §10.3, while its
   * own NS set names beta's server: two NS sets that disagree, which the tree does not write.
   */
  static final String ZETA = """
      $ORIGIN zeta.lab.
      $TTL 3600
      @    SOA ns.beta.lab. hostmaster 1 3600 600 86400 300
      @    NS  ns.beta.lab.
      www  A   192.0.2.30
      """;

  private ChainLab() {}

  static TestHierarchy start() {
    return TestHierarchy.builder().zones(TREE).zone(ZETA).build();
  }

  /** A resolver pointed at the lab's root, never sending a packet off loopback. */
  static ResolverBuilder resolverFor(TestHierarchy lab) {
    return Resolver.builder()
        .rootHints(RootHints.of(lab.rootHints()))
        .upstreamPort(lab.port())
        .loopbackOnly();
  }

  /**
   * The records of one zone for a chain c{length}-0 ... c{length}-{length} that alternates between
   * alpha.lab (even hops) and beta.lab (odd hops), ending in an A record: {@code length} hops.
   */
  private static String longChain(int length, String zone) {
    StringBuilder records = new StringBuilder();
    for (int i = 0; i <= length; i++) {
      String owner = chainZone(i);
      if (!owner.equals(zone)) {
        continue;
      }
      String name = "c" + length + "-" + i;
      records.append(i == length
          ? name + " 300 A 192.0.2.99\n"
          : name + " 300 CNAME c" + length + "-" + (i + 1) + "." + chainZone(i + 1) + ".lab.\n");
    }
    return records.toString();
  }

  /**
   * alpha.lab records for a chain m{length}-0.alpha.lab that alternates a CNAME in alpha.lab with
   * the DNAME dm.beta.lab -> alpha.lab: {@code length} hops. An odd length ends in one more CNAME
   * (to final.alpha.lab), an even one in an A record.
   */
  private static String mixedChain(int length) {
    StringBuilder records = new StringBuilder();
    int pairs = length / 2;
    for (int i = 0; i < pairs; i++) {
      records.append("m").append(length).append('-').append(i).append(" 300 CNAME m").append(length)
          .append('-').append(i + 1).append(".dm.beta.lab.\n");
    }
    records.append("m").append(length).append('-').append(pairs)
        .append(length % 2 == 0 ? " 300 A 192.0.2.98\n" : " 300 CNAME final.alpha.lab.\n");
    return records.toString();
  }

  private static String chainZone(int hop) {
    return hop % 2 == 0 ? "alpha" : "beta";
  }

  /** The owner names of a long chain, in order, for assertions. */
  static List<String> longChainNames(int length) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i <= length; i++) {
      names.add("c" + length + "-" + i + "." + chainZone(i) + ".lab.");
    }
    return names;
  }
}
