package org.dnschase.resolver.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** The fuzz tests' bailiwick oracle credits servers by delegation from the root, and no other way. */
class BailiwickLedgerTest {

  private static final InetAddress ROOT = address("127.53.0.1");
  private static final InetAddress TLD = address("127.53.2.1");
  private final BailiwickLedger ledger = new BailiwickLedger(Map.of(Name.root, List.of(ROOT)));

  @Test
  void aServerNamedByItsParentSpeaksForItsZoneOnly() throws Exception {
    ledger.replied(ROOT, query("www.test."), reply("www.test.",
        "test. 86400 IN NS ns1.test.", "ns1.test. 86400 IN A 127.53.2.1"));
    ledger.replied(TLD, query("www.test."), reply("www.test.",
        "www.test. 300 IN A 192.0.2.1", "www.lab. 300 IN A 192.0.2.66", "test. 300 IN NS ns.evil.lab."));

    assertThat(ledger.vouchesFor(record("www.test. 300 IN A 192.0.2.1"))).isTrue();
    assertThat(ledger.vouchesForName(Name.fromString("www.test."))).isTrue();
    assertThat(ledger.vouchesFor(record("www.lab. 300 IN A 192.0.2.66"))).isFalse();
  }

  @Test
  void aServerCannotCreditItselfWithItsParentsZone() throws Exception {
    ledger.replied(ROOT, query("www.test."), reply("www.test.",
        "test. 86400 IN NS ns1.test.", "ns1.test. 86400 IN A 127.53.2.1"));
    ledger.replied(TLD, query("www.test."), reply("www.test.",
        ". 86400 IN NS ns1.test.", "lab. 300 IN A 192.0.2.66"));
    ledger.replied(TLD, query("lab."), reply("lab.", "lab. 300 IN A 192.0.2.66"));

    assertThat(ledger.vouchesFor(record("lab. 300 IN A 192.0.2.66"))).isFalse();
    assertThat(ledger.vouchesForName(Name.fromString("lab."))).isFalse();
  }

  @Test
  void anUncreditedServerVouchesForNothing() throws Exception {
    ledger.replied(TLD, query("www.test."), reply("www.test.", "www.test. 300 IN A 192.0.2.1"));

    assertThat(ledger.vouchesFor(record("www.test. 300 IN A 192.0.2.1"))).isFalse();
  }

  private static Message query(String name) throws TextParseException {
    return Message.newQuery(Record.newRecord(Name.fromString(name), Type.A, DClass.IN));
  }

  private static Message reply(String name, String... records) throws Exception {
    Message reply = query(name);
    reply.getHeader().setFlag(Flags.QR);
    for (String line : records) {
      reply.addRecord(record(line), Section.ANSWER);
    }
    return reply;
  }

  private static Record record(String line) throws Exception {
    try (Master master = new Master(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), Name.root)) {
      return master.nextRecord();
    }
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
