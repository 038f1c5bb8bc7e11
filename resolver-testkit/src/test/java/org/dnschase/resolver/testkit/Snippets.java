package org.dnschase.resolver.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dnschase.resolver.testkit.scenario.Scenario;
import org.dnschase.resolver.testkit.scenario.ScriptedServers;
import org.dnschase.resolver.testkit.scenario.Step;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The code samples of this module's javadoc, compiled with its tests so that none can rot: the
 * javadoc shows these regions through {@code {@snippet class=... region=...}}, and
 * {@code SnippetsTest} runs those that need no resolver.
 */
final class Snippets {

  private Snippets() {}

  /** The package's sample: a three-zone hierarchy; what the root hints are and who was asked. */
  static String hierarchy() throws IOException {
    // @start region=hierarchy
    try (TestHierarchy dns = TestHierarchy.builder()
        .zone("""
            $ORIGIN .
            $TTL 86400
            @                SOA a.root.test. admin.test. 1 1800 900 604800 86400
            @                NS  a.root.test.
            a.root.test.     A   127.53.0.1
            test.            NS  ns.nic.test.
            ns.nic.test.     A   127.53.0.2
            """)
        .zone("""
            $ORIGIN test.
            $TTL 3600
            @                SOA ns.nic admin 1 1800 900 604800 300
            @                NS  ns.nic
            ns.nic           A   127.53.0.2
            example          NS  ns1.example
            ns1.example      A   127.53.0.3
            """)
        .zone("""
            $ORIGIN example.test.
            $TTL 300
            @                SOA ns1 admin 1 1800 900 604800 60
            @                NS  ns1
            ns1              A   127.53.0.3
            www              A   127.0.0.80
            """)
        .build()) {
      Map<Name, List<InetAddress>> hints = dns.rootHints(); // {a.root.test.=[a.root.test./127.53.0.1]}
      int port = dns.port();                    // the same on every server
      // ... resolve www.example.test. from the hints on that port, then see who was asked:
      int asked = dns.server(InetAddress.getByName("127.53.0.3")).queryCount();
      // @end
      return hints + " port " + (port > 0) + " asked " + asked;
    }
  }

  /** {@link ZoneTree}'s sample: the hierarchy above, described instead of written out. */
  static String tree() {
    // @start region=tree
    ZoneTree tree = ZoneTree.builder()
        .root("a.root.test.", "127.53.0.1")
        .zone("test.", "ns.nic", "127.53.0.2")
        .zone("example.test.", example -> example.server("ns1", "127.53.0.3").ttl(300)
            .records("www A 127.0.0.80"))
        .build();
    String test = tree.masterFile("test.");  // SOA, NS, ns.nic.test. A, example.test. NS and glue
    try (TestHierarchy dns = TestHierarchy.builder().zones(tree).build()) {
      // ... resolve www.example.test. from dns.rootHints() on dns.port()
    }
    // @end
    return test;
  }

  /** {@link Signing}'s sample: a signed tree and the trust anchor a validator starts from. */
  static String signed(ZoneTree tree) {
    // @start region=signed
    try (TestHierarchy dns = TestHierarchy.builder().zones(tree)
        .signed(Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256))          // every zone, NSEC
        .signed("example.test.", Signing.with(DNSSEC.Algorithm.ED25519)
            .withNsec3(0, "-", false))                                // this one, NSEC3
        .unsigned("insecure.test.")                                    // no DS in test.
        .build()) {
      DSRecord anchor = dns.trustAnchor();       // ". 86400 IN DS 12345 13 2 ..." for the validator
      DNSKEYRecord zsk = dns.keys(Name.fromConstantString("example.test.")).zsk();
      // ... resolve with DO set: replies carry RRSIGs, DS at cuts, NSEC/NSEC3 proofs
      // @end
      return anchor + " " + zsk.getFootprint();
    }
  }

  /** {@link ZoneExport}'s sample. */
  static void export(TestHierarchy hierarchy, Path dir) throws IOException {
    // @start region=export
    ZoneExport export = ZoneExport.of(hierarchy);
    export.writeTo(dir);                                // root.zone, test.zone, example.test.zone
    export.servers().forEach((address, zones) ->        // 127.53.0.2 [test., shared.test.]
        System.out.println(address.getHostAddress() + " " + zones));
    // @end
  }

  /** {@link ZoneCheck}'s sample. */
  static void check() throws IOException {
    // @start region=check
    for (ZoneViolation violation : ZoneCheck.check(Files.readString(Path.of("example.zone")))) {
      System.out.println(violation); // line 12: CNAME_AND_OTHER_DATA www.example. (...)
    }
    // @end
  }

  /** {@link Dispatcher}'s sample: a server that answers AAAA queries with no records. */
  static void dispatch(AuthServer server) {
    // @start region=dispatch
    Dispatcher zones = server.zoneDispatcher();
    server.setDispatcher(query -> query.qtype() == Type.AAAA
        ? Dispatcher.replyTo(query.message())   // an empty NOERROR for AAAA
        : zones.dispatch(query));
    // @end
  }

  /** {@link Scenario}'s sample: how a runner plays a scenario. */
  static void play() throws IOException {
    // @start region=play
    Scenario scenario = Scenario.read(Path.of("iter_resolve.rpl"));
    ScriptedServers servers = new ScriptedServers(scenario);
    for (Step step : scenario.steps()) {
      switch (step) {
        case Step.Query q -> { } // resolve q.entry().question(); upstream queries go to servers.respond(...)
        case Step.CheckAnswer c -> { } // c.entry().differences(lastAnswer) must be empty
        default -> { }
      }
    }
    // @end
  }
}
