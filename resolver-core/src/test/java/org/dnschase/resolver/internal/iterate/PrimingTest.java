package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.TraceEvent;
import org.dnschase.resolver.internal.reply.Reply;
import org.dnschase.resolver.spi.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * RFC 8109 §3: one priming serves every resolution that needs it at the same time. It is a query
 * of its own, with its own budget and journal, and each resolution that waited for it reports it
 * as work it waited for, not only the one that happened to start it.
 */
class PrimingTest {

  /** The root server answers every question itself; the priming reply waits until released. */
  private static final class HeldPriming implements Transport {

    private final CompletableFuture<Message> priming = new CompletableFuture<>();
    private final AtomicInteger primings = new AtomicInteger();
    private volatile Message primingQuery;

    @Override
    public CompletableFuture<Message> exchange(InetSocketAddress server, Message query, Duration timeout) {
      Record question = query.getQuestion();
      if (question.getType() == Type.NS && question.getName().equals(Name.root)) {
        primings.incrementAndGet();
        primingQuery = query;
        return priming;
      }
      return CompletableFuture.completedFuture(Reply.noError().authoritative()
          .answer(question.getName() + " 300 A 192.0.2.1").to(query));
    }

    void releasePriming() {
      priming.complete(Reply.noError().authoritative()
          .answer(". 86400 NS a.root.lab.").additional("a.root.lab. 86400 A 127.0.0.1").to(primingQuery));
    }

    @Override
    public void close() {}
  }

  private final HeldPriming transport = new HeldPriming();
  private final Resolver resolver = Resolver.builder()
      .transport(transport)
      .rootHints(RootHints.parse(ScriptedTree.ROOT_HINTS))
      .loopbackOnly()
      .recordTrace(true)
      .qnameMinimisation(false)
      .build();

  @AfterEach
  void close() {
    resolver.close();
  }

  @Test
  @DisplayName("RFC 8109 §3: two cold resolutions share one priming, and each reports it")
  void concurrentColdResolutions_shareOnePriming_andEachReportsIt() {
    CompletableFuture<Resolution> www = resolver.resolveAsync("www.example.test.", Type.A);
    CompletableFuture<Resolution> mail = resolver.resolveAsync("mail.example.test.", Type.A);
    transport.releasePriming();

    List<Resolution> both = List.of(www.join(), mail.join());

    assertThat(transport.primings).hasValue(1);
    assertThat(both).allSatisfy(resolution -> {
      assertThat(resolution).isInstanceOf(Resolution.Answer.class);
      assertThat(exchanges(resolution)).containsExactly(". ./NS ANSWER",
          ". " + resolution.qname() + "/A ANSWER");
      assertThat(resolution.upstreamQueries()).isEqualTo(2);
    });
  }

  private static List<String> exchanges(Resolution resolution) {
    return resolution.trace().stream().filter(TraceEvent.Exchange.class::isInstance)
        .map(TraceEvent.Exchange.class::cast)
        .map(e -> e.zone() + " " + e.name() + "/" + Type.string(e.type()) + " " + e.outcome()).toList();
  }
}
