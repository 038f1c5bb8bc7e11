package org.dnschase.resolver.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.function.UnaryOperator;
import org.dnschase.resolver.internal.message.Queries;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * RFC 5452 §9.1 under a flood: a server (or a spoofer of its address and port) can send an
 * exchange any number of messages that are not its reply, over UDP while it waits, over TCP on
 * its connection, each up to 64 KB, and every one of them is read on the event loop that serves
 * every other exchange too. A message is told from the reply by its header and question alone,
 * before it is parsed, so dropping one costs the same whatever it carries: at most 4 times the CPU
 * time of dropping a message of 40 octets for one of 64 KB with 3,000 records, where parsing it
 * first costs some thousand times as much. Measured as the CPU time of this thread, the least of
 * several runs taken in turns after a warm-up, as {@code LinearReplyWorkTest} measures.
 */
class NonReplyWorkTest {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final InetSocketAddress SERVER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 53);
  private static final int ID = 0x4242;
  private static final int MATCHES = 200;
  private static final int WARM_UP_RUNS = 20;
  private static final int RUNS = 15;

  private final OutgoingQuery query = OutgoingQuery.of(SERVER,
      Queries.iterative(Name.fromConstantString("www.example.test."), Type.A, 1232), () -> ID, null);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"another ID", "QR clear", "another question"})
  @DisplayName("RFC 5452 §9.1: dropping a 64 KB message that is not the reply costs at most 4 times dropping one of 40 octets")
  void dropping_costsTheSameWhateverTheMessageCarries(String how) throws Exception {
    UnaryOperator<Message> spoil = switch (how) {
      case "another ID" -> m -> withId(m, ID ^ 1);
      case "QR clear" -> NonReplyWorkTest::withoutQr;
      default -> m -> withQuestion(m, "evil.example.test.");
    };
    byte[] small = spoil.apply(reply(0)).toWire();
    byte[] large = spoil.apply(reply(3_000)).toWire();
    assertThat(query.expected().match(ByteBuffer.wrap(large))).isNull();
    for (int i = 0; i < WARM_UP_RUNS; i++) {
      cpuNanos(small);
      cpuNanos(large);
    }
    long atSmall = Long.MAX_VALUE;
    long atLarge = Long.MAX_VALUE;
    for (int i = 0; i < RUNS; i++) {
      atSmall = Math.min(atSmall, cpuNanos(small));
      atLarge = Math.min(atLarge, cpuNanos(large));
    }

    assertThat(large.length).isGreaterThan(60_000);
    assertThat(atLarge).as("CPU ns for %d drops of %d octets: %d; of %d octets: %d", MATCHES, small.length, atSmall,
        large.length, atLarge).isLessThanOrEqualTo(4 * Math.max(atSmall, 1));
  }

  @Test
  @DisplayName("RFC 4343 §3, RFC 5452 §9.1: the reply's question may spell the name in another case (0x20 off), "
      + "but must be the first of one or more questions, with the type and class asked")
  void theQuestion_isComparedOnTheWire() throws Exception {
    ExpectedReply expected = query.expected();
    assertThat(expected.match(ByteBuffer.wrap(reply(1).toWire()))).isNotNull();
    assertThat(expected.match(ByteBuffer.wrap(withQuestion(reply(1), "WwW.ExAmPlE.TeSt.").toWire()))).isNotNull();

    Message otherType = reply(1);
    otherType.removeAllRecords(Section.QUESTION);
    otherType.addRecord(Record.newRecord(Name.fromConstantString("www.example.test."), Type.AAAA, DClass.IN),
        Section.QUESTION);
    assertThat(expected.match(ByteBuffer.wrap(otherType.toWire()))).isNull();

    Message otherClass = reply(1);
    otherClass.removeAllRecords(Section.QUESTION);
    otherClass.addRecord(Record.newRecord(Name.fromConstantString("www.example.test."), Type.A, DClass.CH),
        Section.QUESTION);
    assertThat(expected.match(ByteBuffer.wrap(otherClass.toWire()))).isNull();

    byte[] noQuestionCounted = reply(1).toWire();
    noQuestionCounted[5] = 0; // QDCOUNT 0: the question's octets are read as the answer's
    assertThat(expected.match(ByteBuffer.wrap(noQuestionCounted))).isNull();

    Message longerName = withQuestion(reply(1), "www.example.test.evil.");
    assertThat(expected.match(ByteBuffer.wrap(longerName.toWire()))).isNull();
  }

  private long cpuNanos(byte[] message) throws MalformedReplyException {
    ExpectedReply expected = query.expected();
    long start = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < MATCHES; i++) {
      if (expected.match(ByteBuffer.wrap(message)) != null) {
        throw new AssertionError("a message that is not the reply matched");
      }
    }
    return THREADS.getCurrentThreadCpuTime() - start;
  }

  /** The reply to the query, with {@code records} addresses under names of their own in the additional section. */
  private static Message reply(int records) {
    Message reply = new Message(ID);
    reply.getHeader().setFlag(Flags.QR);
    reply.addRecord(Record.newRecord(Name.fromConstantString("www.example.test."), Type.A, DClass.IN),
        Section.QUESTION);
    for (int i = 0; i < records; i++) {
      reply.addRecord(new ARecord(Name.fromConstantString("n" + i + ".flood.example.test."), DClass.IN, 300,
          InetAddress.getLoopbackAddress()), Section.ADDITIONAL);
    }
    return reply;
  }

  private static Message withId(Message message, int id) {
    message.getHeader().setID(id);
    return message;
  }

  private static Message withoutQr(Message message) {
    message.getHeader().unsetFlag(Flags.QR);
    return message;
  }

  private static Message withQuestion(Message message, String name) {
    message.removeAllRecords(Section.QUESTION);
    message.addRecord(Record.newRecord(Name.fromConstantString(name), Type.A, DClass.IN), Section.QUESTION);
    return message;
  }
}
