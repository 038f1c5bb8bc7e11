package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.dnschase.resolver.internal.servers.Delegation;
import org.dnschase.resolver.internal.transport.StillListening;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * RFC 1536 §1: earlier attempts at a question whose waits ran out race the retry, within a bound
 * on the sockets a question holds; they stop listening once the question is answered or no longer
 * asked.
 */
class LateRepliesTest {

  private static final Name ZONE = Name.fromConstantString("example.test.");
  private static final Name WWW = Name.fromConstantString("www.example.test.");
  private final Delegation zone = new Delegation(ZONE, List.of(Name.fromConstantString("ns1.example.test.")));
  private final LateReplies late = new LateReplies();

  private static ZoneExchanges.Exchange sent(Name name, long atNanos) {
    return new ZoneExchanges.Exchange(new InetSocketAddress(InetAddress.getLoopbackAddress(), 53), name, Type.A, true,
        atNanos, 1_000_000_000L);
  }

  /** The attempt {@code sent} timed out, its socket still listening. */
  private CompletableFuture<Message> timedOut(ZoneExchanges.Exchange sent, Delegation at) {
    CompletableFuture<Message> reply = new CompletableFuture<>();
    late.listen(sent, at, new StillListening(new TimeoutException("no reply"), reply));
    return reply;
  }

  @Test
  @DisplayName("at most two earlier attempts listen beside the one under way: the oldest stops first")
  void boundOnListeningAttempts_dropsTheOldest() {
    CompletableFuture<Message> first = timedOut(sent(WWW, 1), zone);
    CompletableFuture<Message> second = timedOut(sent(WWW, 2), zone);
    CompletableFuture<Message> third = timedOut(sent(WWW, 3), zone);

    assertThat(first).isCancelled();
    assertThat(second).isNotDone();
    assertThat(third).isNotDone();
  }

  @Test
  @DisplayName("a late reply that comes first ends the question: the attempt under way is cancelled, the reply taken as its own attempt's")
  void lateReplyFirst_endsTheQuestion() {
    ZoneExchanges.Exchange earlier = sent(WWW, 1);
    CompletableFuture<Message> lateReply = timedOut(earlier, zone);
    CompletableFuture<Message> underWay = new CompletableFuture<>();
    CompletableFuture<Message> first = late.race(underWay, sent(WWW, 2), zone);

    Message reply = new Message();
    reply.getHeader().setFlag(Flags.QR);
    lateReply.complete(reply);

    assertThat(first).isCompletedWithValue(reply);
    assertThat(underWay).isCancelled();
    assertThat(late.taken().sent()).isSameAs(earlier);
    assertThat(late.taken()).as("taken once").isNull();
  }

  @Test
  @DisplayName("a late reply truncated is not taken: the attempt under way goes on and decides")
  void truncatedLateReply_isNotTaken() {
    CompletableFuture<Message> lateReply = timedOut(sent(WWW, 1), zone);
    CompletableFuture<Message> underWay = new CompletableFuture<>();
    CompletableFuture<Message> first = late.race(underWay, sent(WWW, 2), zone);

    Message truncated = new Message();
    truncated.getHeader().setFlag(Flags.TC);
    lateReply.complete(truncated);
    assertThat(first).isNotDone();

    Message reply = new Message();
    underWay.complete(reply);
    assertThat(first).isCompletedWithValue(reply);
    assertThat(late.taken()).isNull();
  }

  @Test
  @DisplayName("attempts at another question, or of another zone cut, stop listening when the next is sent")
  void otherQuestionOrZone_stopsListening() {
    CompletableFuture<Message> otherName = timedOut(sent(Name.fromConstantString("mail.example.test."), 1), zone);
    CompletableFuture<Message> otherZone = timedOut(sent(WWW, 2), new Delegation(ZONE, List.of()));
    CompletableFuture<Message> underWay = new CompletableFuture<>();

    assertThat(late.race(underWay, sent(WWW, 3), zone)).as("nothing left to race").isSameAs(underWay);
    assertThat(otherName).isCancelled();
    assertThat(otherZone).isCancelled();
  }

  @Test
  @DisplayName("cancelling the race (the resolution ended) cancels the attempt under way and every one listening;"
      + " stop() ends those left")
  void cancelledRace_cancelsEveryAttempt() {
    CompletableFuture<Message> lateReply = timedOut(sent(WWW, 1), zone);
    CompletableFuture<Message> underWay = new CompletableFuture<>();
    late.race(underWay, sent(WWW, 2), zone).cancel(false);

    assertThat(underWay).isCancelled();
    assertThat(lateReply).isCancelled();

    CompletableFuture<Message> another = timedOut(sent(WWW, 3), zone);
    late.stop();
    assertThat(another).isCancelled();
  }
}
