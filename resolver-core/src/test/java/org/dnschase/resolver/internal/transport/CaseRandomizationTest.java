package org.dnschase.resolver.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dnschase.resolver.internal.transport.FakeServers.addressIn;
import static org.dnschase.resolver.internal.transport.FakeServers.addressOf;
import static org.dnschase.resolver.internal.transport.FakeServers.answer;
import static org.dnschase.resolver.internal.transport.FakeServers.query;
import static org.dnschase.resolver.internal.transport.FakeServers.receive;
import static org.dnschase.resolver.internal.transport.FakeServers.send;
import static org.dnschase.resolver.internal.transport.FakeServers.udpServer;

import java.net.DatagramSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.dnschase.resolver.internal.transport.FakeServers.Received;
import org.dnschase.resolver.spi.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * 0x20 (draft-vixie-dnsext-dns0x20): the question name goes out in a random case, only a reply
 * repeating it exactly counts, and results carry the name as asked; a server that does not
 * repeat the case is asked without it once its exchange timed out. Only loopback is used.
 */
class CaseRandomizationTest {

  private static final Duration SHORT = Duration.ofMillis(300);
  private static final Duration LONG = Duration.ofSeconds(5);
  /** A name with enough letters that a random case equal to any one spelling is a 2^-14 chance. */
  private static final String ASKED = "www.Example.test.";

  private final List<Transport> transports = new ArrayList<>();

  @AfterEach
  void closeTransports() {
    transports.forEach(Transport::close);
  }

  /** The transport under test: with 0x20 when {@code caseBits} is given, its random case from them. */
  Transport newTransport(Random caseBits) {
    return new NettyTransport(1, new QueryIds()::next, caseBits);
  }

  /** A transport with 0x20 whose random case comes from a fixed seed. */
  private Transport randomizingCase() {
    Transport transport = newTransport(new Random(20));
    transports.add(transport);
    return transport;
  }

  /** The reply to what the server got, its question spelt as {@code spelling}, with one A record. */
  private static byte[] answerSpelt(Received got, String spelling, String address) throws Exception {
    Record question = got.query().getQuestion();
    Message asIfAsked = new Message(got.query().getHeader().getID());
    asIfAsked.addRecord(Record.newRecord(Name.fromString(spelling), question.getType(), question.getDClass()),
        Section.QUESTION);
    return answer(asIfAsked, got.query().getHeader().getID(), address).toWire();
  }

  /** An exchange under way and the query as the server got it. */
  private record Asked(CompletableFuture<Message> result, Received got) {
    String sentName() {
      return CaseRandomizationTest.sentName(got);
    }
  }

  private static Asked ask(Transport transport, DatagramSocket server, String name, Duration timeout)
      throws Exception {
    CompletableFuture<Message> result = transport.exchange(addressOf(server), query(name), timeout);
    return new Asked(result, receive(server));
  }

  private static String sentName(Received got) {
    return got.query().getQuestion().getName().toString();
  }

  @Test
  @DisplayName("0x20: the name goes out in a random case; the reply echoing it is taken, with the name as asked")
  void echoedCase_accepted_andTheReplyCarriesTheNameAsAsked() throws Exception {
    Transport transport = randomizingCase();
    try (DatagramSocket server = udpServer()) {
      Asked asked = ask(transport, server, ASKED, LONG);
      Received got = asked.got();
      assertThat(sentName(got)).isEqualToIgnoringCase(ASKED).isNotEqualTo(ASKED);

      send(server, got.from(), answerSpelt(got, sentName(got), "192.0.2.1"));

      Message reply = asked.result().get(LONG.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(reply.getQuestion().getName().toString()).isEqualTo(ASKED);
      assertThat(reply.getSection(Section.ANSWER).get(0).getName().toString())
          .as("an owner compressed against the question").isEqualTo(ASKED);
    }
  }

  @Test
  @DisplayName("0x20: a reply whose question is in another case is dropped like a forgery; the exchange keeps waiting")
  void otherCase_dropped_andTheExactEchoAccepted() throws Exception {
    Transport transport = randomizingCase();
    try (DatagramSocket server = udpServer()) {
      Asked asked = ask(transport, server, ASKED, LONG);
      Received got = asked.got();

      send(server, got.from(), answerSpelt(got, ASKED, "192.0.2.66"));
      send(server, got.from(), answerSpelt(got, ASKED.toUpperCase(Locale.ROOT), "192.0.2.67"));
      send(server, got.from(), answerSpelt(got, sentName(got), "192.0.2.1"));

      assertThat(addressIn(asked.result().get(LONG.toMillis(), TimeUnit.MILLISECONDS))).isEqualTo("192.0.2.1");
    }
  }

  @Test
  @DisplayName("0x20 fallback: a server that lower-cases the question times out once, then is asked without 0x20")
  void serverThatLowerCases_askedWithoutRandomCaseAfterItsTimeout() throws Exception {
    Transport transport = randomizingCase();
    String lower = ASKED.toLowerCase(Locale.ROOT);
    try (DatagramSocket server = udpServer()) {
      Asked first = ask(transport, server, lower, SHORT);
      Received got = first.got();
      send(server, got.from(), answerSpelt(got, lower, "192.0.2.1"));
      assertThatThrownBy(() -> first.result().get(LONG.toMillis(), TimeUnit.MILLISECONDS))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TimeoutException.class)
          .hasMessageContaining("0x20");

      Asked again = ask(transport, server, lower, LONG);
      Received plain = again.got();
      assertThat(sentName(plain)).isEqualTo(lower);
      send(server, plain.from(), answerSpelt(plain, lower, "192.0.2.1"));

      assertThat(addressIn(again.result().get(LONG.toMillis(), TimeUnit.MILLISECONDS))).isEqualTo("192.0.2.1");
    }
  }

  @Test
  @DisplayName("0x20: a forgery in another case with a wrong ID does not make the server lose 0x20")
  void forgeryWithWrongId_doesNotTurnOffRandomCase() throws Exception {
    Transport transport = randomizingCase();
    try (DatagramSocket server = udpServer()) {
      Asked first = ask(transport, server, ASKED, SHORT);
      Received got = first.got();
      Message forged = new Message(answerSpelt(got, ASKED, "192.0.2.66"));
      forged.getHeader().setID(got.query().getHeader().getID() ^ 0x5a5a);
      send(server, got.from(), forged.toWire());
      assertThatThrownBy(() -> first.result().get(LONG.toMillis(), TimeUnit.MILLISECONDS))
          .hasCauseInstanceOf(TimeoutException.class);

      Asked again = ask(transport, server, ASKED, LONG);
      Received next = again.got();
      send(server, next.from(), answerSpelt(next, sentName(next), "192.0.2.1"));
      again.result().get(LONG.toMillis(), TimeUnit.MILLISECONDS);

      assertThat(sentName(next)).isEqualToIgnoringCase(ASKED).isNotEqualTo(ASKED);
    }
  }

  @Test
  @DisplayName("0x20 is off by default: the name goes out as asked")
  void offByDefault_nameGoesOutAsAsked() throws Exception {
    Transport transport = newTransport(null);
    transports.add(transport);
    try (DatagramSocket server = udpServer()) {
      Asked asked = ask(transport, server, ASKED, LONG);
      Received got = asked.got();
      send(server, got.from(), answerSpelt(got, ASKED, "192.0.2.1"));

      assertThat(sentName(got)).isEqualTo(ASKED);
      assertThat(addressIn(asked.result().get(LONG.toMillis(), TimeUnit.MILLISECONDS))).isEqualTo("192.0.2.1");
    }
  }
}
