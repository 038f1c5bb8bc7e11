package org.dnschase.resolver.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dnschase.resolver.testkit.Breakage;
import org.dnschase.resolver.testkit.Signing;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Type;

/**
 * DNSSEC through the provider, each look-up in a JVM of its own: dnschase.trustAnchors anchors a
 * signed lab, so a bogus name has no address, while {@code cluster.local}, forwarded, resolves
 * INSECURE rather than BOGUS (split DNS with validation on): under the lab's anchor because the
 * signed root proves it unsigned, under the root's built-in anchor because that one never covers
 * a forward zone.
 */
class ValidationTest {

  static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root.lab.", "127.53.0.1")
      .zone("test.", "ns1", "127.53.2.1")
      .zone("app.test.", "ns", "127.53.40.1", """
          www    300 A 127.0.0.1
          broken 300 A 127.0.0.2
          """)
      .build();

  static final Signing SIGNING = Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256);

  @TempDir
  static Path dir;
  @Lab("signedLab") static TestHierarchy signed;
  @Lab("clusterLocal") static TestHierarchy cluster;
  static Path hints;
  static Path anchor;

  /** The lab signed, broken.app.test.'s signature expired. */
  static TestHierarchy signedLab() {
    return TestHierarchy.builder().zones(TREE).signed(SIGNING)
        .signed("app.test.", SIGNING.withBreakage(Breakage.expiredSignature("broken.app.test.", Type.A)))
        .build();
  }

  /** cluster.local's server, unsigned and delegated from nowhere, on the signed lab's port. */
  static TestHierarchy clusterLocal() {
    return TestHierarchy.builder().port(signed.port()).zone("""
        $ORIGIN cluster.local.
        $TTL 300
        @   SOA ns hostmaster 1 3600 600 86400 300
        @   NS  ns
        ns  A   127.53.60.1
        db.default.svc A 127.0.0.9
        """).build();
  }

  @BeforeAll
  static void start() throws Exception {
    hints = Files.writeString(dir.resolve("signed.hints"), signed.rootHintsText());
    anchor = Files.writeString(dir.resolve("root.key"), signed.trustAnchor() + "\n");
  }

  private static List<String> lookUp(List<String> properties, String name) throws Exception {
    List<String> all = new java.util.ArrayList<>(List.of("-Ddnschase.rootHints=" + hints,
        "-Ddnschase.hostsFile=", "-Ddnschase.forwardZones=cluster.local=127.53.60.1:" + signed.port()));
    all.addAll(properties);
    return Probe.run(signed, all, "all", name);
  }

  @Test
  @DisplayName("cluster.local forwarded resolves with validation on: INSECURE, not BOGUS")
  void forwardedClusterLocal_resolvesWithValidationOn() throws Exception {
    List<String> properties = List.of("-Ddnschase.trustAnchors=" + anchor);

    assertThat(lookUp(properties, "db.default.svc.cluster.local")).containsExactly("127.0.0.9");
    assertThat(lookUp(properties, "www.app.test")).containsExactly("127.0.0.1");
    // validation is on: the name whose signature expired has no address
    assertThat(lookUp(properties, "broken.app.test")).singleElement().asString()
        .startsWith("UnknownHostException").contains("DNSSEC_BOGUS");
  }

  @Test
  @DisplayName("cluster.local forwarded resolves under the root's built-in anchor too: INSECURE (domain-insecure), not BOGUS")
  void forwardedClusterLocal_underBuiltInAnchor_resolves() throws Exception {
    assertThat(lookUp(List.of("-Ddnschase.validation=true"), "db.default.svc.cluster.local")).containsExactly("127.0.0.9");
  }

  @Test
  @DisplayName("a trust anchor file that does not parse: every look-up fails naming the property, file and line")
  void brokenTrustAnchors_nameThePropertyFileAndLine() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.key"), signed.trustAnchor() + "\n. IN DS x\n");

    assertThat(lookUp(List.of("-Ddnschase.trustAnchors=" + broken), "www.app.test")).singleElement().asString()
        .contains("dnschase is not configured right: dnschase.trustAnchors: " + broken)
        .contains(":2: expected an integer");
  }

  @Test
  @DisplayName("dnschase.validation=true validates from the root's built-in keys, which the lab's root is not signed with; false with anchors is refused")
  void validationProperty_switchesValidation() throws Exception {
    assertThat(lookUp(List.of("-Ddnschase.validation=true"), "www.app.test")).singleElement().asString()
        .startsWith("UnknownHostException").contains("DNSSEC_BOGUS");
    assertThat(lookUp(List.of("-Ddnschase.validation=false", "-Ddnschase.trustAnchors=" + anchor), "www.app.test"))
        .singleElement().asString().contains("dnschase is not configured right: dnschase.validation=false conflicts"
            + " with dnschase.trustAnchors=" + anchor);
  }
}
