package org.dnschase.resolver.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class ScenarioParserTest {

  static final String DECKARD = """
      do-ip6: no
      ; config options
      \tstub-addr: 193.0.14.129 \t# K.ROOT-SERVERS.NET.
      features: min_ttl = 5 ; default in kresd
      query-minimization: off ; the test is about the cache
      CONFIG_END

      SCENARIO_BEGIN A small scenario
      RANGE_BEGIN 1 100 193.0.14.129; root
      \tADDRESS 192.0.2.1
      ENTRY_BEGIN
      MATCH opcode qtype qname
      ADJUST copy_id
      REPLY QR AA NOERROR
      SECTION QUESTION
      .\tNS
      SECTION ANSWER
      .\tNS\tk.root-servers.net
      SECTION ADDITIONAL
      k.root-servers.net\t20\tA\t193.0.14.129 ; glue
      ENTRY_END
      RANGE_END

      STEP 1 QUERY
      ENTRY_BEGIN
      REPLY RD DO
      SECTION QUESTION
      www.example.com. IN A
      ENTRY_END

      STEP 5 TIME_PASSES ELAPSE 5.5
      SCENARIO_END
      """;

  /* ---- CONFIG ---- */

  @Test
  @DisplayName("FORMAT §3.1: Deckard key: value lines, comments after values stripped")
  void deckardConfig_isRead() throws Exception {
    ScenarioConfig config = Scenario.parse("t.rpl", DECKARD).config();

    assertThat(config.dialect()).isEqualTo(ScenarioConfig.Dialect.DECKARD);
    assertThat(config.rootServerAddresses()).containsExactly(InetAddress.getByName("193.0.14.129"));
    assertThat(config.rootServerName()).isEqualTo(Name.fromString("k.root-servers.net."));
    assertThat(config.doIp6()).isFalse();
    assertThat(config.doIp4()).isTrue();
    assertThat(config.minTtl()).contains(Duration.ofSeconds(5));
    assertThat(config.qnameMinimisation()).contains(false);
  }

  @Test
  @DisplayName("FORMAT §3.2: testbound clauses, the root stub-zone is the root hint, qmin on by default")
  void testboundConfig_isRead() throws Exception {
    ScenarioConfig config = Scenario.parse("t.rpl", """
        server:
        \ttarget-fetch-policy: "0 0 0 0 0"
        \tval-override-date: "20070916134226"
        stub-zone:
        \tname: "."
        \tstub-addr: 193.0.14.129 \t# K.ROOT-SERVERS.NET.
        CONFIG_END
        SCENARIO_BEGIN t
        SCENARIO_END
        """).config();

    assertThat(config.dialect()).isEqualTo(ScenarioConfig.Dialect.TESTBOUND);
    assertThat(config.rootServerAddresses()).containsExactly(InetAddress.getByName("193.0.14.129"));
    assertThat(config.values("target-fetch-policy")).containsExactly("0 0 0 0 0");
    assertThat(config.qnameMinimisation()).contains(true);
    assertThat(config.startTime()).hasValueSatisfying(start -> assertThat(start).hasToString("2007-09-16T13:42:26Z"));
  }

  @Test
  @DisplayName("RFC 4034 §3.2: val-override-date, an RRSIG-style time, may be seconds since 1970 as well as YYYYMMDDHHmmSS")
  void overrideDateInSeconds_givesItsInstant() throws Exception {
    ScenarioConfig config = Scenario.parse("t.rpl", """
        server:
        \tval-override-date: "1442323400"
        CONFIG_END
        SCENARIO_BEGIN t
        SCENARIO_END
        """).config();

    assertThat(config.startTime()).hasValueSatisfying(start -> assertThat(start).hasToString("2015-09-15T13:23:20Z"));
  }

  @Test
  @DisplayName("FORMAT §3.2: val-override-date -1 (Unbound: check no signature dates) gives no start time")
  void overrideDateMinusOne_givesNoStartTime() throws Exception {
    ScenarioConfig config = Scenario.parse("t.rpl", """
        server:
        \tval-override-date: "-1"
        CONFIG_END
        SCENARIO_BEGIN t
        SCENARIO_END
        """).config();

    assertThat(config.startTime()).isEmpty();
    assertThat(config.value("val-override-date")).contains("-1");
  }

  @Test
  @DisplayName("FORMAT §3.2: unbound.conf keys may share a line; stub and forward zones keep their servers")
  void testboundZones_areRead() throws Exception {
    ScenarioConfig config = Scenario.parse("t.rpl", """
        server:
        	cache-max-ttl: 10
        stub-zone:
        	name: "example.com"
        	stub-addr: 1.2.3.4
        	stub-prime: no
        forward-zone: name: "." forward-addr: 216.0.0.1 forward-first: yes
        CONFIG_END
        SCENARIO_BEGIN t
        SCENARIO_END
        """).config();

    assertThat(config.rootServerAddresses()).isEmpty();
    assertThat(config.maxTtl()).contains(Duration.ofSeconds(10));
    assertThat(config.stubZones()).singleElement().satisfies(zone -> {
      assertThat(zone.name()).isEqualTo(Name.fromString("example.com."));
      assertThat(zone.addresses()).containsExactly(InetAddress.getByName("1.2.3.4"));
      assertThat(zone.prime()).isFalse();
    });
    assertThat(config.forwardZones()).singleElement().satisfies(zone -> {
      assertThat(zone.name()).isEqualTo(Name.root);
      assertThat(zone.addresses()).containsExactly(InetAddress.getByName("216.0.0.1"));
      assertThat(zone.first()).isTrue();
    });
    assertThat(config.settings()).extracting(ConfigSetting::key)
        .containsExactly("cache-max-ttl", "name", "stub-addr", "stub-prime", "name", "forward-addr", "forward-first");
  }

  @Test
  @DisplayName("testbound: an auth-zone's zonefile is the TEMPFILE_CONTENTS block TEMPFILE_NAME names, read with its flags")
  void testboundAuthZone_takesItsTempFile() throws Exception {
    ScenarioConfig config = Scenario.parse("t.rpl", """
        auth-zone:
        	name: "example.tld."
        	for-downstream: no
        	zonefile:
        TEMPFILE_NAME example.tld
        TEMPFILE_CONTENTS example.tld
        $ORIGIN example.tld.
        @	3600	IN	SOA	a b 1 2 3 4 5
        www	3600	IN	A	3.3.3.3
        TEMPFILE_END
        forward-zone:
        	name: "."
        	forward-addr: 9.9.9.9
        CONFIG_END
        SCENARIO_BEGIN t
        SCENARIO_END
        """).config();

    assertThat(config.authZones()).singleElement().satisfies(zone -> {
      assertThat(zone.name()).isEqualTo(Name.fromString("example.tld."));
      assertThat(zone.zoneText()).isEqualTo("$ORIGIN example.tld.\n@\t3600\tIN\tSOA\ta b 1 2 3 4 5\n"
          + "www\t3600\tIN\tA\t3.3.3.3\n");
      assertThat(zone.forUpstream()).isTrue();
      assertThat(zone.forDownstream()).isFalse();
      assertThat(zone.fallbackEnabled()).isFalse();
    });
    assertThat(config.forwardZones()).singleElement().satisfies(zone -> assertThat(zone.name()).isEqualTo(Name.root));
    assertThat(config.values("name")).isEmpty();
  }

  @Test
  @DisplayName("testbound: $INCLUDE_TEMPFILE in a zone file reads that TEMPFILE_CONTENTS there, at the origin in force, which the including file keeps (RFC 1035 §5.1 $INCLUDE)")
  void testboundAuthZone_includesItsTempFiles() throws Exception {
    ScenarioConfig config = Scenario.parse("t.rpl", """
        auth-zone:
        	name: "example.tld."
        	zonefile:
        TEMPFILE_NAME example.tld
        TEMPFILE_CONTENTS example.tld
        $ORIGIN example.tld.
        www	3600	IN	A	3.3.3.3
        $INCLUDE_TEMPFILE more.inc
        mail	3600	IN	A	3.3.3.5
        TEMPFILE_END
        TEMPFILE_CONTENTS more.inc
        other	7200	IN	A	3.3.3.4
        $ORIGIN sub.example.tld.
        deep	7200	IN	A	3.3.3.6
        TEMPFILE_END
        CONFIG_END
        SCENARIO_BEGIN t
        SCENARIO_END
        """).config();

    assertThat(config.authZones()).singleElement().satisfies(zone -> assertThat(zone.zoneText()).isEqualTo("""
        $ORIGIN example.tld.
        www	3600	IN	A	3.3.3.3
        $ORIGIN example.tld.
        other	7200	IN	A	3.3.3.4
        $ORIGIN sub.example.tld.
        deep	7200	IN	A	3.3.3.6
        $ORIGIN example.tld.
        mail	3600	IN	A	3.3.3.5
        """));
    assertThatThrownBy(() -> Scenario.parse("t.rpl", """
        auth-zone:
        	name: "example.tld."
        	zonefile:
        TEMPFILE_NAME example.tld
        TEMPFILE_CONTENTS example.tld
        $INCLUDE_TEMPFILE example.tld
        TEMPFILE_END
        CONFIG_END
        SCENARIO_BEGIN t
        SCENARIO_END
        """)).isInstanceOf(ScenarioFormatException.class).hasMessageContaining("nested too deep");
  }

  @Test
  @DisplayName("testbound: an auth-zone whose zonefile names no TEMPFILE_CONTENTS is an error naming the line")
  void testboundAuthZone_withoutItsTempFile_isAnError() {
    assertThatThrownBy(() -> Scenario.parse("t.rpl", """
        auth-zone:
        	name: "example.tld."
        	zonefile:
        TEMPFILE_NAME example.tld
        CONFIG_END
        SCENARIO_BEGIN t
        SCENARIO_END
        """)).isInstanceOf(ScenarioFormatException.class).hasMessageContaining("t.rpl:4")
        .hasMessageContaining("no TEMPFILE_CONTENTS");
  }

  @Test
  @DisplayName("testbound: $ORIGIN makes owners relative to it; MATCH ttl compares TTLs")
  void originAndTtlMatch_areRead() {
    Scenario scenario = Scenario.parse("t.rpl", """
        stub-addr: 192.0.2.1
        CONFIG_END
        SCENARIO_BEGIN t
        RANGE_BEGIN 0 10
        $ORIGIN example.com.
        ENTRY_BEGIN
        MATCH answer ttl
        SECTION ANSWER
        www 300 IN A 192.0.2.80
        ENTRY_END
        RANGE_END
        SCENARIO_END
        """);
    Entry entry = scenario.ranges().get(0).entries().get(0);
    Message sameTtl = entry.message();
    Message otherTtl = entry.message();
    Record answer = sameTtl.getSection(Section.ANSWER).get(0);

    assertThat(answer.getName()).hasToString("www.example.com.");
    assertThat(entry.matches(sameTtl)).isTrue();
    otherTtl.removeAllRecords(Section.ANSWER);
    otherTtl.addRecord(new org.xbill.DNS.ARecord(answer.getName(), answer.getDClass(), 299,
        ((org.xbill.DNS.ARecord) answer).getAddress()), Section.ANSWER);
    assertThat(entry.matches(otherTtl)).isFalse();
  }

  @Test
  @DisplayName("Malformed records a broken server sends go out as written: an RRSIG without its signature (RFC 4034 §3.1), an A record of three octets in RFC 3597 generic form")
  void malformedRecords_goOutAsWritten() throws Exception {
    Scenario scenario = Scenario.parse("t.rpl", """
        stub-addr: 192.0.2.1
        CONFIG_END
        SCENARIO_BEGIN t
        RANGE_BEGIN 0 10
        ENTRY_BEGIN
        MATCH answer
        SECTION ANSWER
        www.example.com. 3600 IN RRSIG A 8 3 3600 20070926134150 20070829134150 2854 example.com.
        ENTRY_END
        ENTRY_BEGIN
        MATCH answer
        SECTION ANSWER
        www.example.com. 3600 IN A \\# 3 030405
        ENTRY_END
        RANGE_END
        SCENARIO_END
        """);
    Message unsigned = scenario.ranges().get(0).entries().get(0).message();
    Message shortAddress = scenario.ranges().get(0).entries().get(1).message();

    Record sig = unsigned.getSection(Section.ANSWER).get(0);
    // the fixed fields (18 octets) and the signer's name (13), then nothing
    assertThat(sig.getType()).isEqualTo(Type.RRSIG);
    assertThat(sig.rdataToWireCanonical()).hasSize(18 + Name.fromString("example.com.").length())
        .endsWith(Name.fromString("example.com.").toWireCanonical());
    Record address = shortAddress.getSection(Section.ANSWER).get(0);
    assertThat(address.getType()).isEqualTo(Type.A);
    assertThat(address.rdataToWireCanonical()).containsExactly(3, 4, 5);
    assertThatThrownBy(() -> new Message(shortAddress.toWire())).isInstanceOf(java.io.IOException.class);
  }

  /* ---- RANGE, ENTRY, STEP ---- */

  @Test
  @DisplayName("FORMAT §4: the RANGE_BEGIN address and ADDRESS lines are united")
  void rangeAddresses_areUnited() throws Exception {
    Range range = Scenario.parse("t.rpl", DECKARD).ranges().get(0);

    assertThat(range.from()).isEqualTo(1);
    assertThat(range.to()).isEqualTo(100);
    assertThat(range.addresses()).containsExactlyInAnyOrder(
        InetAddress.getByName("193.0.14.129"), InetAddress.getByName("192.0.2.1"));
  }

  @Test
  @DisplayName("FORMAT §5: owners relative to the root, TTL 3600 and class IN by default, header flags exact")
  void entry_readsRecordsAndHeader() throws Exception {
    Entry entry = Scenario.parse("t.rpl", DECKARD).ranges().get(0).entries().get(0);
    Message message = entry.message();

    assertThat(entry.matches()).containsExactlyInAnyOrder(Match.OPCODE, Match.QTYPE, Match.QNAME);
    assertThat(entry.has(Adjust.COPY_ID)).isTrue();
    assertThat(message.getHeader().getFlag(Flags.QR)).isTrue();
    assertThat(message.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(message.getHeader().getFlag(Flags.RD)).isFalse();
    assertThat(message.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(entry.question().getType()).isEqualTo(Type.NS);
    Record ns = message.getSection(Section.ANSWER).get(0);
    assertThat(ns.rdataToString()).isEqualTo("k.root-servers.net.");
    assertThat(ns.getTTL()).isEqualTo(3600);
    assertThat(message.getSection(Section.ADDITIONAL).get(0).getTTL()).isEqualTo(20);
  }

  @Test
  @DisplayName("FORMAT §7.1: steps in file order; DO is the EDNS bit; TIME_PASSES takes fractions")
  void steps_areRead() {
    List<Step> steps = Scenario.parse("t.rpl", DECKARD).steps();

    assertThat(steps).hasSize(2);
    Step.Query query = (Step.Query) steps.get(0);
    assertThat(query.entry().dnssecOk()).isTrue();
    assertThat(query.entry().message().getHeader().getFlag(Flags.RD)).isTrue();
    assertThat(((Step.TimePasses) steps.get(1)).elapse()).isEqualTo(Duration.ofMillis(5500));
  }

  /* ---- what is not implemented is refused, with the line ---- */

  @Test
  void unsupportedMatchOption_isRefusedWithItsLine() {
    String text = DECKARD.replace("MATCH opcode qtype qname", "MATCH opcode nsid");

    assertThatThrownBy(() -> Scenario.parse("t.rpl", text))
        .isInstanceOf(ScenarioFormatException.class)
        .hasMessageContaining("t.rpl:12:")
        .hasMessageContaining("nsid");
  }

  @Test
  void scenarioWithoutEnd_isRefused() {
    String text = DECKARD.substring(0, DECKARD.indexOf("STEP 5"));

    assertThatThrownBy(() -> Scenario.parse("t.rpl", text))
        .isInstanceOf(ScenarioFormatException.class)
        .hasMessageContaining("file ends inside");
  }

  @Test
  void fileEndingRightAfterConfig_namesItsLastLine() {
    assertThatThrownBy(() -> Scenario.parse("t.rpl", "server:\nCONFIG_END\n"))
        .isInstanceOf(ScenarioFormatException.class)
        .hasMessageStartingWith("t.rpl:2: file ends inside");
  }
}
