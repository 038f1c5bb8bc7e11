package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dnschase.resolver.testkit.Client.lines;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The zone DSL: the boilerplate it writes, where glue goes, how addresses are found. */
class ZoneTreeTest {

  /** The records of one zone of {@code tree}, as presentation lines with single spaces. */
  private static List<String> records(ZoneTree tree, String origin) throws IOException {
    return ServedZone.readAll(tree.masterFile(origin), null).stream()
        .map(Record::toString).map(line -> line.replaceAll("\\s+", " ")).toList();
  }

  /* ---- what each zone gets ---- */

  @Test
  @DisplayName("RFC 1035 §5: a zone gets SOA, apex NS and its name server's address; the parent its delegation and glue")
  void delegatedZone_getsItsBoilerplateAndItsParentsDelegation() throws IOException {
    ZoneTree tree = ZoneTree.builder()
        .root("a.root.test.", "127.53.0.1")
        .zone("test.", "ns.nic", "127.53.0.2")
        .zone("example.test.", "ns1", "127.53.0.3", "www 300 A 192.0.2.1")
        .build();

    assertThat(tree.masterFiles().keySet()).extracting(Name::toString)
        .containsExactly(".", "test.", "example.test.");
    assertThat(records(tree, ".")).containsExactly(
        ". 86400 IN SOA a.root.test. hostmaster.root.test. 1 3600 600 86400 3600",
        ". 86400 IN NS a.root.test.",
        "a.root.test. 86400 IN A 127.53.0.1",
        "test. 86400 IN NS ns.nic.test.",
        "ns.nic.test. 86400 IN A 127.53.0.2");
    assertThat(records(tree, "example.test.")).containsExactly(
        "example.test. 86400 IN SOA ns1.example.test. hostmaster.example.test. 1 3600 600 86400 3600",
        "example.test. 86400 IN NS ns1.example.test.",
        "ns1.example.test. 86400 IN A 127.53.0.3",
        "www.example.test. 300 IN A 192.0.2.1");
  }

  @Test
  void zoneSettings_shapeTheSoaAndTtls_defaultsApplyToLaterZones() throws IOException {
    ZoneTree tree = ZoneTree.builder()
        .defaults(zone -> zone.ttl(3600).timers(1800, 900, 604800))
        .root("a.root.test.", "127.53.0.1")
        .zone("test.", tld -> tld.server("ns", "127.53.0.2").ttl(600).negativeTtl(60).serial(2024010101))
        .zone("shop.test.", shop -> shop.server("ns.test."))
        .zone("mail.test.", mail -> mail.server("ns.test.").hostmaster("admin.test."))
        .build();

    assertThat(records(tree, "test.")).first()
        .isEqualTo("test. 600 IN SOA ns.test. hostmaster.test. 2024010101 1800 900 604800 60");
    assertThat(records(tree, "shop.test.")).first().asString().contains(" SOA ns.test. hostmaster.shop.test. ");
    assertThat(records(tree, "mail.test.")).first().asString().contains(" SOA ns.test. admin.test. ");
    assertThat(records(tree, ".")).first().asString().startsWith(". 3600 IN SOA");
  }

  @Test
  void delegationTtl_isTheTtlOfTheNsAndGlueInTheParent() throws IOException {
    ZoneTree tree = ZoneTree.builder()
        .root("a.root.test.", "127.53.0.1")
        .zone("test.", tld -> tld.server("ns", "127.53.0.2").delegationTtl(2))
        .build();

    assertThat(records(tree, ".")).contains("test. 2 IN NS ns.test.", "ns.test. 2 IN A 127.53.0.2");
    assertThat(records(tree, "test.")).contains("test. 86400 IN NS ns.test.", "ns.test. 86400 IN A 127.53.0.2");
  }

  /* ---- glue ---- */

  @Test
  @DisplayName("RFC 1034 §4.2.1: a name server in another zone is glueless; its address lives in its own zone")
  void nameServerElsewhere_isGlueless() throws IOException {
    ZoneTree tree = ZoneTree.builder()
        .root("a.root.test.", "127.53.0.1")
        .zone("test.", "ns", "127.53.0.2")
        .zone("hosts.test.", "ns", "127.53.0.3")
        .zone("shop.test.", shop -> shop.server("dns.hosts.test.", "127.53.0.4"))
        .build();

    assertThat(records(tree, "test.")).contains("shop.test. 86400 IN NS dns.hosts.test.")
        .noneMatch(line -> line.startsWith("dns.hosts.test."));
    assertThat(records(tree, "hosts.test.")).contains("dns.hosts.test. 86400 IN A 127.53.0.4");
    assertThat(records(tree, "shop.test.")).noneMatch(line -> line.contains(" A "));
  }

  @Test
  void delegatedOnlyServer_isInTheParentsDelegationOnly() throws IOException {
    ZoneTree tree = ZoneTree.builder()
        .root("a.root.test.", "127.53.0.1")
        .zone("test.", "ns", "127.53.0.2")
        .zone("half.test.", half -> half.delegatedOnly("ns1", "127.53.9.9").server("ns2", "127.53.0.3"))
        .zone("gone.test.", gone -> gone.delegatedOnly("ns", "127.53.9.8"))
        .build();

    assertThat(records(tree, "test.")).contains("half.test. 86400 IN NS ns1.half.test.",
        "half.test. 86400 IN NS ns2.half.test.", "ns1.half.test. 86400 IN A 127.53.9.9",
        "gone.test. 86400 IN NS ns.gone.test.", "ns.gone.test. 86400 IN A 127.53.9.8");
    assertThat(records(tree, "half.test.")).contains("half.test. 86400 IN NS ns2.half.test.")
        .noneMatch(line -> line.contains("ns1.half.test."));
    assertThat(tree.masterFiles()).doesNotContainKey(Name.fromConstantString("gone.test."));
  }

  /* ---- addresses ---- */

  @Test
  void serverWithoutAddress_getsItsAddressElsewhereOrTheNextFreeOne() throws IOException {
    ZoneTree tree = ZoneTree.builder()
        .root("a.root.test.")
        .zone("test.", "ns", "127.53.0.2")
        .zone("one.test.", "ns")
        .zone("two.test.", two -> two.server("ns.test."))
        .build();

    assertThat(records(tree, ".")).contains("a.root.test. 86400 IN A 127.53.0.1");
    assertThat(records(tree, "one.test.")).contains("ns.one.test. 86400 IN A 127.53.0.3");
    assertThat(records(tree, "test.")).contains("two.test. 86400 IN NS ns.test.")
        .containsOnlyOnce("ns.test. 86400 IN A 127.53.0.2");
  }

  @Test
  void ipv6Address_isAnAaaaRecord() throws IOException {
    ZoneTree tree = ZoneTree.builder().root("a.root.test.", "127.53.0.1", "::1").build();

    assertThat(records(tree, ".")).contains("a.root.test. 86400 IN AAAA 0:0:0:0:0:0:0:1");
  }

  /* ---- served ---- */

  @Test
  @DisplayName("RFC 1034 §4.3.2: the tree, served, refers from the root down to the answer")
  void servedTree_refersDownToTheAnswer() throws Exception {
    ZoneTree tree = ZoneTree.builder()
        .root("a.root.test.", "127.53.0.1")
        .zone("test.", "ns.nic")
        .zone("example.test.", "ns1", "127.53.0.3", "www A 127.0.0.80")
        .build();
    try (TestHierarchy dns = TestHierarchy.builder().zones(tree).build()) {
      Message referral = Client.udp(dns.server(StandardHierarchy.ROOT_SERVER), Client.query("www.example.test.", Type.A));
      Message answer = Client.udp(dns.server(StandardHierarchy.EXAMPLE_SERVER), Client.query("www.example.test.", Type.A));

      assertThat(lines(referral, Section.AUTHORITY)).containsExactly("test. 86400 IN NS ns.nic.test.");
      assertThat(lines(referral, Section.ADDITIONAL)).containsExactly("ns.nic.test. 86400 IN A 127.53.0.2");
      assertThat(lines(answer, Section.ANSWER)).containsExactly("www.example.test. 86400 IN A 127.0.0.80");
      assertThat(dns.rootHints()).isEqualTo(Map.of(Name.fromConstantString("a.root.test."),
          List.of(StandardHierarchy.ROOT_SERVER)));
    }
  }

  /* ---- mistakes ---- */

  @Test
  void mistakes_areRefusedWithTheReason() {
    assertThatThrownBy(() -> ZoneTree.builder().zone("test.", "ns", "127.53.0.2").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no root zone");
    assertThatThrownBy(() -> ZoneTree.builder().root("a.root.test.", "127.53.0.1").zone("test.", zone -> { }).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("test. has no name server");
    assertThatThrownBy(() -> ZoneTree.builder().root("a.root.test.", "localhost"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'localhost'");
    assertThatThrownBy(() -> ZoneTree.builder().root("a.root.test.").root("b.root.test."))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(". was already declared");
    assertThatThrownBy(() -> ZoneTree.builder().root("a.root.test.").build().masterFile("test."))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no zone test.");
    assertThatThrownBy(() -> ZoneTree.builder().zone("test.", zone -> zone.ttl(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
  }
}
