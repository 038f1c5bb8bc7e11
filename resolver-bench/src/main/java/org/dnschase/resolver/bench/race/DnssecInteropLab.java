package org.dnschase.resolver.bench.race;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dnschase.resolver.testkit.Breakage;
import org.dnschase.resolver.testkit.Signing;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneExport;
import org.dnschase.resolver.testkit.ZoneTree;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Type;

/**
 * The signed lab of the DNSSEC interop run ({@code resolver-bench/dnssec-interop.sh}), written as
 * files for NSD, Unbound and our server: every zone signed with ECDSA P-256 but one, each kind of
 * breakage in a zone of its own so the others stay secure.
 *
 * <ul>
 *   <li>{@code secure.lab.} (NSEC): {@code www} A; {@code start} CNAME {@code hop.chain.lab.},
 *       which goes on to {@code final.secure.lab.} A; {@code out} CNAME {@code www.plain.lab.};
 *       {@code *.wild} A
 *   <li>{@code chain.lab.} (NSEC3): {@code hop} CNAME {@code final.secure.lab.}; {@code www} A
 *   <li>{@code plain.lab.}: unsigned, an insecure delegation ({@code lab.} proves it has no DS)
 *   <li>{@code expired.lab.}, {@code notyet.lab.}, {@code nosig.lab.}: {@code www} A with its
 *       RRSIG expired, not yet valid, missing
 *   <li>{@code badds.lab.}: its DS in {@code lab.} matches none of its keys
 *   <li>{@code noproof.lab.}: signed; the testkit's own servers leave out its NSEC proofs, NSD
 *       serves them from the zone file
 * </ul>
 *
 * <p>Written to the directory given as the only argument: what {@link RaceLab#writeServed} writes,
 * and {@code root.key} (the root's DS, Unbound's {@code trust-anchor-file}).
 */
public final class DnssecInteropLab {

  private static final Signing SIGNING = Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256);

  private DnssecInteropLab() {}

  /**
   * Writes the lab to {@code args[0]}.
   *
   * @param args the output directory, created if missing
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: DnssecInteropLab OUTPUT_DIR");
      System.exit(2);
    }
    write(Path.of(args[0]));
  }

  static void write(Path out) throws IOException {
    ZoneTree tree = ZoneTree.builder()
        .root("a.root.lab.", "127.53.0.1")
        // Unbound looks the root server's name up in lab. too
        .zone("lab.", "ns1", "127.53.1.1", "a.root A 127.53.0.1")
        .zone("secure.lab.", "ns", "127.53.10.1", """
            www   300 A     192.0.2.1
            start 300 CNAME hop.chain.lab.
            final 300 A     192.0.2.10
            out   300 CNAME www.plain.lab.
            *.wild 300 A    192.0.2.9
            """)
        .zone("chain.lab.", "ns", "127.53.11.1", """
            hop   300 CNAME final.secure.lab.
            www   300 A     192.0.2.11
            """)
        .zone("plain.lab.", "ns", "127.53.12.1", "www 300 A 192.0.2.12\n")
        .zone("expired.lab.", "ns", "127.53.13.1", "www 300 A 192.0.2.13\n")
        .zone("notyet.lab.", "ns", "127.53.14.1", "www 300 A 192.0.2.14\n")
        .zone("nosig.lab.", "ns", "127.53.15.1", "www 300 A 192.0.2.15\n")
        .zone("badds.lab.", "ns", "127.53.16.1", "www 300 A 192.0.2.16\n")
        .zone("noproof.lab.", "ns", "127.53.17.1", "www 300 A 192.0.2.17\n")
        .build();
    try (TestHierarchy lab = TestHierarchy.builder().zones(tree).signed(SIGNING)
        .signed("chain.lab.", SIGNING.withNsec3(0, "", false))
        .unsigned("plain.lab.")
        .signed("expired.lab.", SIGNING.withBreakage(Breakage.expiredSignature("www.expired.lab.", Type.A)))
        .signed("notyet.lab.", SIGNING.withBreakage(Breakage.notYetValidSignature("www.notyet.lab.", Type.A)))
        .signed("nosig.lab.", SIGNING.withBreakage(Breakage.missingSignature("www.nosig.lab.", Type.A)))
        .signed("badds.lab.", SIGNING.withBreakage(new Breakage.DsMatchingNoKey()))
        .signed("noproof.lab.", SIGNING.withBreakage(new Breakage.StrippedProofs()))
        .build()) {
      RaceLab.writeServed(lab, out);
    }
    Files.copy(out.resolve("zones").resolve(ZoneExport.TRUST_ANCHOR_FILE), out.resolve("root.key"));
  }
}
