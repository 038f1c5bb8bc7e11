package org.dnschase.resolver.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/**
 * Stopping the server answers every question it took before the sockets close: the answer when
 * it comes within the shutdown grace, else SERVFAIL with an Extended DNS Error (RFC 8914) saying
 * the server is stopping, so the client asks another server at once instead of waiting out its
 * timeout. A stop is normal: it logs no warning.
 */
class GracefulShutdownTest {

  /**
   * Where the clients wait for their answers: not the common pool, which may have one thread here,
   * and which the resolver completes its outcomes on.
   */
  private static final Executor CLIENTS = Executors.newVirtualThreadPerTaskExecutor();

  @Test
  @DisplayName("close(): a question under way is still answered, over UDP and over TCP")
  void close_answersWhatIsUnderWay() throws Exception {
    try (ServerLab lab = ServerLab.start()) {
      Process overUdp = Peers.startKdig(lab.address(), "slow.shop.example.", "A");
      lab.awaitUpstream("slow.shop.example.");
      Process overTcp = Peers.startKdig(lab.address(), "+tcp", "slow.shop.example.", "A");
      awaitQueries(lab, 2);

      CompletableFuture<Void> closing = CompletableFuture.runAsync(lab.server::close);
      Peers.Output udp = Peers.finish(overUdp);
      Peers.Output tcp = Peers.finish(overTcp);
      closing.join();

      assertThat(udp.status()).as(udp.text()).isEqualTo("NOERROR");
      assertThat(udp.answers()).containsExactly("slow.shop.example. 300 IN A 192.0.2.99");
      assertThat(tcp.status()).as(tcp.text()).isEqualTo("NOERROR");
      assertThat(tcp.answers()).hasSize(1);
    }
  }

  @Test
  @DisplayName("RFC 7766 §6.2.3: the stop closes an idle TCP connection at its start; one owed an answer stays open"
      + " until the answer has gone out, and reads nothing more")
  void close_closesIdleConnectionsAtOnceAndBusyOnesAfterTheirAnswers() throws Exception {
    try (ServerLab lab = ServerLab.start(server -> server.shutdownGrace(Duration.ofSeconds(5)));
        RawClient.Tcp idle = new RawClient.Tcp(lab.address());
        RawClient.Tcp busy = new RawClient.Tcp(lab.address())) {
      idle.send(RawClient.query("web.shop.example.", 1));
      assertThat(idle.receive().getRcode()).isEqualTo(Rcode.NOERROR);
      busy.send(RawClient.query("slow.shop.example.", 2));
      lab.awaitUpstream("slow.shop.example.");
      awaitQueries(lab, 2);

      Thread closing = Thread.ofPlatform().start(lab.server::close);

      assertThat(idle.closedByServer()).isTrue();
      assertThat(lab.server.stats().get("num.answer.rcode.NOERROR")).as("closed before the busy one's answer went out")
          .isEqualTo(1);
      Message answer = busy.receive();
      assertThat(answer.getHeader().getID()).isEqualTo(2);
      assertThat(answer.getRcode()).as("answered within the grace").isEqualTo(Rcode.NOERROR);
      assertThat(busy.closedByServer()).as("closed once its answer went out").isTrue();
      closing.join();
    }
  }

  @Test
  @DisplayName("RFC 8914: a question still under way after the grace is answered SERVFAIL, EDE 'the server is stopping',"
      + " over UDP and TCP, and the stop logs no warning")
  void pastTheGrace_servfailSaysStopping() throws Exception {
    try (ServerLab lab = ServerLab.start(server -> server.shutdownGrace(Duration.ofMillis(50)));
        RawClient.Tcp tcp = new RawClient.Tcp(lab.address())) {
      CompletableFuture<Message> overUdp = CompletableFuture.supplyAsync(
          () -> RawClient.udp(lab.address(), withEdns(RawClient.query("slow.shop.example.", 1)).toWire()), CLIENTS);
      lab.awaitUpstream("slow.shop.example.");
      tcp.send(withEdns(RawClient.query("slow.shop.example.", 2)));
      awaitQueries(lab, 2);

      ServerLog.Logged<Void> stop = ServerLog.during(() -> {
        lab.server.close();
        return null;
      });

      assertStopping(overUdp.join(), 1);
      assertStopping(tcp.receive(), 2);
      assertThat(tcp.closedByServer()).as("the connection closes once its answer went out").isTrue();
      assertThat(stop.log()).doesNotContain("WARN", "ERROR", "Exception");
    }
  }

  @Test
  @DisplayName("a question that comes while the server waits out its grace is answered SERVFAIL 'stopping' at once;"
      + " the one under way still gets its answer")
  void duringTheGrace_newQuestionAnsweredStopping() throws Exception {
    try (ServerLab lab = ServerLab.start(server -> server.shutdownGrace(Duration.ofSeconds(5)))) {
      CompletableFuture<Message> slow = CompletableFuture.supplyAsync(
          () -> RawClient.udp(lab.address(), RawClient.query("slow.shop.example.", 1).toWire()), CLIENTS);
      lab.awaitUpstream("slow.shop.example.");
      awaitQueries(lab, 1);
      Thread closing = Thread.ofPlatform().start(lab.server::close);

      Message during = awaitStopping(lab);

      assertThat(during.getRcode()).isEqualTo(Rcode.SERVFAIL);
      assertThat(slow.join().getRcode()).as("answered within the grace").isEqualTo(Rcode.NOERROR);
      closing.join();
    }
  }

  /** Asks until an answer says the server is stopping (the stop has begun on another thread). */
  private static Message awaitStopping(ServerLab lab) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    for (int id = 100; System.nanoTime() < deadline; id++) {
      Message answer = RawClient.udp(lab.address(), withEdns(RawClient.query("web.shop.example.", id)).toWire(), 500);
      if (answer != null && answer.getRcode() == Rcode.SERVFAIL) {
        assertStopping(answer, id);
        return answer;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no answer said the server is stopping within 10 s");
  }

  private static Message withEdns(Message query) {
    query.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
    return query;
  }

  private static void assertStopping(Message answer, int id) {
    assertThat(answer).as("an answer to question %d", id).isNotNull();
    assertThat(answer.getHeader().getID()).isEqualTo(id);
    assertThat(answer.getRcode()).isEqualTo(Rcode.SERVFAIL);
    assertThat(answer.getQuestion()).as("the question echoed").isNotNull();
    ExtendedErrorCodeOption ede = (ExtendedErrorCodeOption) answer.getOPT()
        .getOptions(EDNSOption.Code.EDNS_EXTENDED_ERROR).get(0);
    assertThat(ede.getErrorCode()).isEqualTo(ExtendedErrorCodeOption.OTHER);
    assertThat(ede.getText()).isEqualTo("the server is stopping");
  }

  /** Waits until the server has taken {@code count} questions. */
  private static void awaitQueries(ServerLab lab, long count) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (lab.server.stats().get("total.num.queries") < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the server did not get " + count + " questions within 10 s");
      }
      Thread.sleep(5);
    }
  }
}
