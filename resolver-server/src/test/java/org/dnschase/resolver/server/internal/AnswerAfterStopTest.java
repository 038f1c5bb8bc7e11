package org.dnschase.resolver.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Security;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * A resolution that ends after its UDP listener stopped (the server closed past its shutdown
 * grace, which it warns of once for all the answers owed) has nowhere to send its answer: it is
 * dropped quietly, not logged as a warning with the event loop's refusal, once per question.
 */
class AnswerAfterStopTest {

  private static final Name WWW = Name.fromConstantString("www.example.");

  private final FixedOutcomes resolver = new FixedOutcomes().with(new Resolution.Answer(WWW, Type.A,
      new RRset(new ARecord(WWW, DClass.IN, 300, new byte[] {(byte) 192, 0, 2, 1})), List.of(),
      Duration.ofSeconds(300), List.of(), List.of(), 0, Security.INDETERMINATE, List.of(), false)).later();
  private final QueryHandler queries = new QueryHandler(resolver, AllowList.of(AllowList.LOOPBACK), null, 100);

  @Test
  @DisplayName("an answer that comes after the UDP listener stopped is dropped without a warning")
  void answerAfterStop_droppedQuietly() throws Exception {
    Listeners listeners = new Listeners(1);
    InFlight inFlight = new InFlight();
    InetSocketAddress bound = listeners.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), queries,
        inFlight, new ChannelInboundHandlerAdapter(), () -> new TcpHandler(queries, inFlight, Duration.ofSeconds(10)),
        Duration.ofSeconds(10));
    try (DatagramSocket client = new DatagramSocket()) {
      byte[] query = Message.newQuery(Record.newRecord(WWW, Type.A, DClass.IN)).toWire();
      client.send(new DatagramPacket(query, query.length, bound));
      awaitQuestion();
    } finally {
      listeners.close();
    }

    String log = loggedWhile(resolver::release);

    assertThat(inFlight.awaitAll(Duration.ofSeconds(10))).as("the owed answer is settled").isTrue();
    assertThat(log).doesNotContain("WARN", "RejectedExecutionException");
  }

  private void awaitQuestion() throws InterruptedException {
    for (long end = System.nanoTime() + Duration.ofSeconds(10).toNanos(); resolver.waiting() == 0; Thread.sleep(5)) {
      assertThat(System.nanoTime()).as("the question reached the resolver").isLessThan(end);
    }
  }

  /** What the server's log (slf4j-simple in tests, which writes to standard error) said while {@code action} ran. */
  private static String loggedWhile(Runnable action) {
    PrintStream err = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(err);
    }
    return log.toString(StandardCharsets.UTF_8);
  }
}
