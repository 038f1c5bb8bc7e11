package org.dnschase.resolver.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Split-horizon names the root cannot see, reached through dnschase.forwardZones and
 * dnschase.stubZones: {@code corp.internal.} and {@code stub.internal.} are served on loopback
 * but delegated from nowhere.
 */
class ConfiguredZonesTest extends JdkLabTest {

  /** The private servers, on the lab's port: 127.53.50.1 for corp.internal., 127.53.51.1 for stub.internal. */
  @Lab("startInternal") static TestHierarchy internal;

  /** The hierarchy the tests run against, started. */
  static TestHierarchy startInternal() {
    return TestHierarchy.builder().port(lab.port())
        .zone("""
            $ORIGIN corp.internal.
            $TTL 300
            @   SOA ns hostmaster 1 3600 600 86400 300
            @   NS  ns
            ns  A   127.53.50.1
            db  A   127.0.0.5
            """)
        .zone("""
            $ORIGIN stub.internal.
            $TTL 300
            @   SOA ns hostmaster 1 3600 600 86400 300
            @   NS  ns
            ns  A   127.53.51.1
            www A   127.0.0.6
            """)
        .build();
  }

  @BeforeEach
  void clear() {
    lab.clearQueries();
    internal.clearQueries();
  }

  @Test
  @DisplayName("A forward zone sends its names to the given server, with RD=1, and nothing of them to the root")
  void forwardZone_asksTheGivenServerOnly() throws Exception {
    List<String> lines = Probe.run(lab,
        List.of("-Ddnschase.forwardZones=corp.internal=127.53.50.1:" + lab.port()), "all", "db.corp.internal");

    assertThat(lines).containsExactly("127.0.0.5");
    assertThat(lab.queries()).extracting(q -> q.qname().toString()).noneMatch(name -> name.contains("internal"));
    AuthServer forwarder = internal.server(java.net.InetAddress.getByAddress(new byte[] {127, 53, 50, 1}));
    assertThat(forwarder.queries()).extracting(RecordedQuery::qname).extracting(Object::toString)
        .contains("db.corp.internal.");
    assertThat(forwarder.queries()).allMatch(q -> q.message().getHeader().getFlag(org.xbill.DNS.Flags.RD));
  }

  @Test
  @DisplayName("'system' forwards to the name servers of the resolv.conf file")
  void systemTarget_isTheResolvConfServers(@TempDir Path dir) throws Exception {
    Path conf = Files.writeString(dir.resolve("resolv.conf"), "nameserver 127.53.50.1\n");

    List<String> lines = Probe.run(lab, List.of("-Ddnschase.resolvConf=" + conf,
        "-Ddnschase.forwardZones=corp.internal=system"), "all", "db.corp.internal");

    assertThat(lines).containsExactly("127.0.0.5");
    assertThat(lab.queries()).extracting(q -> q.qname().toString()).noneMatch(name -> name.contains("internal"));
  }

  @Test
  @DisplayName("A stub zone is walked from its authoritative servers, never from the root")
  void stubZone_isWalkedFromItsServers() throws Exception {
    List<String> lines = Probe.run(lab, List.of("-Ddnschase.stubZones=stub.internal=127.53.51.1"), "all",
        "www.stub.internal");

    assertThat(lines).containsExactly("127.0.0.6");
    assertThat(lab.queries()).extracting(q -> q.qname().toString()).noneMatch(name -> name.contains("internal"));
  }

  @Test
  @DisplayName("A malformed zone list names the property and the entry")
  void malformedZones_nameThePropertyAndEntry() throws Exception {
    assertThat(Probe.run(lab, List.of("-Ddnschase.forwardZones=corp.internal"), "all", "www.app.test"))
        .containsExactly("UnknownHostException: dnschase is not configured right: "
            + "dnschase.forwardZones: 'corp.internal' is not zone=server[;server...]");
    assertThat(Probe.run(lab, List.of("-Ddnschase.forwardZones=x.internal=system"), "all", "www.app.test"))
        .singleElement().asString().contains("'system' stands for the name servers of the resolv.conf file");
  }
}
