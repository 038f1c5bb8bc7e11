package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dnschase.resolver.testkit.Client.lines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class FaultTest {
  private static final Duration SHORT = Duration.ofMillis(300);

  private final TestHierarchy dns = StandardHierarchy.start();
  private final AuthServer example = dns.server(StandardHierarchy.EXAMPLE_SERVER);

  @AfterEach
  void close() {
    dns.close();
  }

  private Message askWww() throws IOException {
    return Client.udp(example, Client.query("www.example.test.", Type.A));
  }

  /* ---- no reply ---- */

  @Test
  @DisplayName("FirstOnly drops the first two queries, answers the third and every one after")
  void firstOnly_dropsTheFirstQueries_thenAnswers() throws Exception {
    example.setFault(new Fault.FirstOnly(2, new Fault.Drop()));
    byte[] query = Client.query("www.example.test.", Type.A).toWire();

    assertThat(Client.udpRaw(example, query, SHORT)).isNull();
    assertThat(Client.udpRaw(example, query, SHORT)).isNull();
    assertThat(askWww().getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(askWww().getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(example.queryCount()).isEqualTo(4);
  }

  @Test
  @DisplayName("FirstOnly over TCP counts only TCP queries; the others meet its otherwise")
  void firstOnlyOverTcp_countsTcpOnly_andTheOthersMeetOtherwise() throws Exception {
    example.setFault(new Fault.FirstOnly(1, RecordedQuery.Transport.TCP, new Fault.Drop(), new Fault.TruncateUdp()));
    Message query = Client.query("www.example.test.", Type.A);

    assertThat(Client.udp(example, query).getHeader().getFlag(Flags.TC)).as("UDP meets otherwise").isTrue();
    assertThatThrownBy(() -> Client.tcp(example, query)).isInstanceOf(IOException.class);
    assertThat(Client.udp(example, query).getHeader().getFlag(Flags.TC)).isTrue();
    Message overTcp = Client.tcp(example, query);
    assertThat(overTcp.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(overTcp.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThatThrownBy(() -> new Fault.FirstOnly(0, new Fault.Drop())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("RFC 1035 §4.2.1: a dropped query gets no reply but is still recorded")
  void drop_sendsNothing_butRecords() throws Exception {
    example.setFault(new Fault.Drop());

    byte[] reply = Client.udpRaw(example, Client.query("www.example.test.", Type.A).toWire(), SHORT);

    assertThat(reply).isNull();
    assertThat(example.queryCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("RFC 1035 §7.2: a fault for one qname leaves other names answered")
  void faultForOneName_leavesOthersAlone() throws Exception {
    example.setFault(Name.fromConstantString("alias.example.test."), new Fault.Drop());

    byte[] dropped = Client.udpRaw(example, Client.query("alias.example.test.", Type.A).toWire(), SHORT);
    Message answered = askWww();

    assertThat(dropped).isNull();
    assertThat(answered.getSection(Section.ANSWER)).hasSize(2);
  }

  @Test
  @DisplayName("RFC 1035 §7.2: after clearFault the server answers normally again")
  void clearFault_restoresAnswers() throws Exception {
    example.setFault(new Fault.Rcode(Rcode.SERVFAIL));
    example.clearFault();

    assertThat(askWww().getRcode()).isEqualTo(Rcode.NOERROR);
  }

  /* ---- late reply ---- */

  @Test
  @DisplayName("RFC 1035 §7.2: a delayed reply arrives late while other queries are served meanwhile")
  void delay_holdsOneReply_withoutBlockingOthers() throws Exception {
    example.setFault(Name.fromConstantString("alias.example.test."), new Fault.Delay(Duration.ofMillis(800)));
    long start = System.nanoTime();
    CompletableFuture<Message> slow = CompletableFuture.supplyAsync(() -> {
      try {
        return Client.udp(example, Client.query("alias.example.test.", Type.A));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    Await.until("the slow query arrived", () -> example.queryCount() == 1);

    Message fast = askWww();
    long fastMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    Message late = slow.get();
    long slowMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();

    assertThat(fast.getSection(Section.ANSWER)).hasSize(2);
    assertThat(fastMillis).isLessThan(800);
    assertThat(slowMillis).isGreaterThanOrEqualTo(800);
    assertThat(late.getSection(Section.ANSWER)).hasSize(3);
  }

  /* ---- bad replies ---- */

  @Test
  @DisplayName("RFC 1035 §4.2.1: TruncateUdp sets TC over UDP and answers in full over TCP")
  void truncateUdp_truncatesUdpOnly() throws Exception {
    example.setFault(new Fault.TruncateUdp());

    Message udp = askWww();
    Message tcp = Client.tcp(example, Client.query("www.example.test.", Type.A));

    assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
    assertThat(udp.getSection(Section.ANSWER)).isEmpty();
    assertThat(tcp.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(tcp.getSection(Section.ANSWER)).hasSize(2);
  }

  @Test
  @DisplayName("RFC 1035 §4.1.1: an Rcode fault answers SERVFAIL or REFUSED with empty sections")
  void rcode_repliesWithThatRcode() throws Exception {
    example.setFault(new Fault.Rcode(Rcode.SERVFAIL));
    Message servfail = askWww();
    example.setFault(new Fault.Rcode(Rcode.REFUSED));
    Message refused = askWww();

    assertThat(servfail.getRcode()).isEqualTo(Rcode.SERVFAIL);
    assertThat(servfail.getSection(Section.ANSWER)).isEmpty();
    assertThat(servfail.getHeader().getFlag(Flags.AA)).isFalse();
    assertThat(refused.getRcode()).isEqualTo(Rcode.REFUSED);
  }

  @Test
  @DisplayName("RFC 1035 §4.1: garbage is random bytes of the given length, not a message")
  void garbage_isNotAMessage() throws Exception {
    example.setFault(new Fault.Garbage(5));

    byte[] reply = Client.udpRaw(example, Client.query("www.example.test.", Type.A).toWire(), SHORT);

    assertThat(reply).hasSize(5);
    assertThatThrownBy(() -> new Message(reply)).isInstanceOf(IOException.class);
    assertThat(new Fault.Garbage().length()).isEqualTo(32);
  }

  @Test
  @DisplayName("RFC 5452 §9.1: WrongId sends the normal answer under another message ID")
  void wrongId_changesOnlyTheId() throws Exception {
    example.setFault(new Fault.WrongId());
    Message query = Client.query("www.example.test.", Type.A);

    Message reply = new Message(Client.udpRaw(example, query.toWire(), Client.TIMEOUT));

    assertThat(reply.getHeader().getID()).isEqualTo((query.getHeader().getID() + 1) & 0xffff);
    assertThat(reply.getSection(Section.ANSWER)).hasSize(2);
  }

  @Test
  @DisplayName("RFC 5452 §9.1: WrongQuestion sends the normal answer under another question")
  void wrongQuestion_changesTheQuestion() throws Exception {
    example.setFault(new Fault.WrongQuestion());

    Message reply = askWww();

    assertThat(reply.getQuestion().getName()).isEqualTo(Faults.WRONG_QNAME);
    assertThat(reply.getQuestion().getType()).isEqualTo(Type.A);
    assertThat(reply.getSection(Section.ANSWER)).hasSize(2);
  }

  @Test
  @DisplayName("RFC 1034 §4.2.2: a lame server answers NOERROR without AA and without data")
  void lame_answersEmptyWithoutAa() throws Exception {
    example.setFault(new Fault.Lame());

    Message reply = askWww();

    assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(reply.getHeader().getFlag(Flags.AA)).isFalse();
    assertThat(reply.getSection(Section.ANSWER)).isEmpty();
    assertThat(reply.getSection(Section.AUTHORITY)).isEmpty();
  }

  @Test
  @DisplayName("RFC 2181 §5.4.1: OutOfBailiwick adds a record from outside the zone to the reply")
  void outOfBailiwick_addsTheRecord() throws Exception {
    var poison = new ARecord(Name.fromConstantString("www.victim.test."), DClass.IN, 86400,
        StandardHierarchy.address("127.0.0.66"));
    example.setFault(new Fault.OutOfBailiwick(poison, Section.ADDITIONAL));

    Message reply = askWww();

    assertThat(reply.getSection(Section.ANSWER)).hasSize(2);
    assertThat(lines(reply, Section.ADDITIONAL)).containsExactly("www.victim.test. 86400 IN A 127.0.0.66");
  }

  @Test
  @DisplayName("Fault arguments are checked when the fault is made")
  void faultArguments_areChecked() {
    assertThatThrownBy(() -> new Fault.Rcode(16)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Fault.Delay(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Fault.Garbage(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
