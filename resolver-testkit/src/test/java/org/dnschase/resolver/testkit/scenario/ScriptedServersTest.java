package org.dnschase.resolver.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class ScriptedServersTest {

  static final String SCENARIO = """
      stub-addr: 192.0.2.1
      CONFIG_END
      SCENARIO_BEGIN servers
      RANGE_BEGIN 0 10
      \tADDRESS 192.0.2.1
      ENTRY_BEGIN
      MATCH opcode qtype qname
      ADJUST copy_id
      REPLY QR AA NOERROR
      SECTION QUESTION
      www.example. IN A
      SECTION ANSWER
      www.example. IN A 192.0.2.80
      ENTRY_END
      ENTRY_BEGIN
      MATCH opcode subdomain
      ADJUST copy_id copy_query
      REPLY QR NOERROR
      SECTION QUESTION
      example. IN A
      SECTION AUTHORITY
      example. IN NS ns.example.
      ENTRY_END
      RANGE_END
      RANGE_BEGIN 0 100
      \tADDRESS 192.0.2.1
      ENTRY_BEGIN
      MATCH qname
      ADJUST copy_id do_not_answer
      SECTION QUESTION
      late.test. IN A
      ENTRY_END
      RANGE_END
      STEP 1 QUERY
      ENTRY_BEGIN
      REPLY RD
      SECTION QUESTION
      www.example. IN A
      ENTRY_END
      STEP 20 REPLY
      ENTRY_BEGIN
      MATCH opcode qname
      ADJUST copy_id
      REPLY QR TC
      SECTION QUESTION
      cz. IN A
      ENTRY_END
      STEP 30 REPLY
      ENTRY_BEGIN
      MATCH opcode qname
      ADJUST copy_id
      REPLY QR
      SECTION QUESTION
      cz. IN A
      SECTION ANSWER
      cz. IN A 192.0.2.53
      ENTRY_END
      SCENARIO_END
      """;

  final ScriptedServers servers = new ScriptedServers(Scenario.parse("servers.rpl", SCENARIO));
  final InetAddress server = address("192.0.2.1");

  /* ---- which range answers ---- */

  @Test
  @DisplayName("FORMAT §8: copy_id copies the ID and the query's spelling of the name; EDNS mirrors the query")
  void copyId_copiesIdAndName() throws Exception {
    Message query = query("WWW.Example.", Type.A, true);

    Message reply = reply(servers.respond(server, query, 1));

    assertThat(reply.getHeader().getID()).isEqualTo(query.getHeader().getID());
    assertThat(reply.getQuestion().getName().toString()).isEqualTo("WWW.Example.");
    assertThat(reply.getSection(Section.ANSWER)).hasSize(1);
    assertThat(reply.getOPT().getFlags() & ExtendedFlags.DO).isEqualTo(ExtendedFlags.DO);
  }

  @Test
  @DisplayName("FORMAT §8: copy_query replaces the question; the first matching entry wins")
  void copyQuery_replacesQuestion() throws Exception {
    Message reply = reply(servers.respond(server, query("a.b.example.", Type.NS, false), 1));

    assertThat(reply.getQuestion().getName()).isEqualTo(Name.fromString("a.b.example."));
    assertThat(reply.getQuestion().getType()).isEqualTo(Type.NS);
    assertThat(reply.getSection(Section.AUTHORITY)).hasSize(1);
    assertThat(reply.getOPT()).isNull();
  }

  @Test
  @DisplayName("FORMAT §7.2: only the first eligible range is consulted; no matching entry is unforeseen")
  void firstEligibleRangeOnly() throws Exception {
    assertThat(servers.respond(server, query("late.test.", Type.A, false), 5))
        .isInstanceOf(ScriptedResponse.Unforeseen.class);
    assertThat(servers.respond(server, query("late.test.", Type.A, false), 50))
        .isInstanceOf(ScriptedResponse.Silence.class);
  }

  @Test
  @DisplayName("FORMAT §7.2: no server at an address nobody scripted: the query goes unanswered")
  void unknownAddress_isSilent() throws Exception {
    assertThat(servers.respond(address("198.51.100.1"), query("www.example.", Type.A, false), 1))
        .isInstanceOf(ScriptedResponse.Silence.class);
  }

  /* ---- REPLY steps ---- */

  @Test
  @DisplayName("FORMAT §7.3: REPLY steps answer in file order, once each, when no range is eligible")
  void replySteps_areUsedOnceInOrder() throws Exception {
    InetAddress anywhere = address("192.0.2.53");
    Message first = reply(servers.respond(anywhere, query("cz.", Type.A, false), 11));
    Message second = reply(servers.respond(anywhere, query("cz.", Type.A, false), 11));
    ScriptedResponse third = servers.respond(anywhere, query("cz.", Type.A, false), 11);

    assertThat(first.getHeader().getFlag(org.xbill.DNS.Flags.TC)).isTrue();
    assertThat(second.getSection(Section.ANSWER)).hasSize(1);
    assertThat(third).isInstanceOf(ScriptedResponse.Unforeseen.class);
  }

  private static Message reply(ScriptedResponse response) {
    assertThat(response).isInstanceOf(ScriptedResponse.Reply.class);
    return ((ScriptedResponse.Reply) response).message();
  }

  private static Message query(String name, int type, boolean dnssecOk) throws Exception {
    Message query = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
    if (dnssecOk) {
      query.addRecord(new OPTRecord(1232, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
    }
    return query;
  }

  private static InetAddress address(String literal) {
    try {
      return org.xbill.DNS.Address.getByAddress(literal);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
