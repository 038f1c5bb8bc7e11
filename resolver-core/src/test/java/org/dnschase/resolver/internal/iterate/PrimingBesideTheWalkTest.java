package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.internal.reply.Reply;
import org.dnschase.resolver.internal.transport.loops.LoopKind;
import org.dnschase.resolver.internal.transport.loops.SpinWindows;
import org.dnschase.resolver.spi.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * RFC 9609 §3 holds no query back for the root's priming, which goes on beside the walk that
 * started it: when the priming's reply and the walk's arrive together on the event loop that runs
 * them, the walk's is taken in first and its next query leaves; the priming's answer, which only
 * the queries after it read, is cached next, and on a loop that polls for the replies due, once
 * none is.
 */
class PrimingBesideTheWalkTest {

  private final DefaultEventLoop loop = new DefaultEventLoop();
  /** The replies the queries wait for, by "name/type to server". */
  private final Map<String, CompletableFuture<Message>> replies = new ConcurrentHashMap<>();
  private final Map<String, Message> queries = new ConcurrentHashMap<>();
  /** Each query as it leaves, with whether the root's NS set was cached then. */
  private final List<String> sent = new CopyOnWriteArrayList<>();
  private final RRsetCache cache = RRsetCache.builder().build();

  @AfterEach
  void stopLoop() {
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Test
  @DisplayName("RFC 9609 §3: the walk's reply goes before the priming's that arrived with it, ahead of it")
  void repliesTogether_walksNextQueryLeavesBeforeThePrimingIsCached() throws Exception {
    try (Resolver resolver = Resolver.builder().transport(held()).rootHints(RootHints.parse(ScriptedTree.ROOT_HINTS))
        .qnameMinimisation(false).loopbackOnly().cache(cache).build()) {
      CompletableFuture<Resolution> answer = loop.submit(() -> resolver.resolveAsync("www.example.test.", Type.A))
          .get(5, TimeUnit.SECONDS);
      assertThat(sent).containsExactly("www.example.test./A to 127.0.0.1, . NS not cached",
          "./NS to 127.0.0.1, . NS not cached");

      // one turn of the loop finds both replies ready, the priming's first
      loop.submit(() -> {
        reply("./NS to 127.0.0.1", Reply.noError().authoritative().answer(". 86400 NS a.root.lab.")
            .additional("a.root.lab. 86400 A 127.0.0.1"));
        reply("www.example.test./A to 127.0.0.1", Reply.noError().authority("test. 86400 NS ns.test.")
            .additional("ns.test. 86400 A 127.0.0.2"));
      }).get(5, TimeUnit.SECONDS);
      loop.submit(() -> { }).get(5, TimeUnit.SECONDS); // what the loop had queued has run

      assertThat(sent).element(2).isEqualTo("www.example.test./A to 127.0.0.2, . NS not cached");
      assertThat(cache.lookup(Name.root, Type.NS, DClass.IN)).isInstanceOf(CacheLookup.Hit.class);
      loop.submit(() -> reply("www.example.test./A to 127.0.0.2", Reply.noError().authoritative()
          .answer("www.example.test. 300 A 192.0.2.1"))).get(5, TimeUnit.SECONDS);
      assertThat(answer.get(5, TimeUnit.SECONDS)).isInstanceOf(Resolution.Answer.class);
    }
  }

  @Test
  @DisplayName("RFC 9609 §3: on a loop polling for a reply that is due, the priming's reply waits until none is")
  void replyDue_primingTakenInOnceNoneIs() throws Exception {
    MultiThreadIoEventLoopGroup spinning = new MultiThreadIoEventLoopGroup(1, LoopKind.NIO.handlerFactory());
    try (Resolver resolver = Resolver.builder().transport(held()).rootHints(RootHints.parse(ScriptedTree.ROOT_HINTS))
        .qnameMinimisation(false).loopbackOnly().cache(cache).build()) {
      EventLoop on = spinning.next();
      CompletableFuture<Resolution> answer = on.submit(() -> resolver.resolveAsync("www.example.test.", Type.A))
          .get(5, TimeUnit.SECONDS);
      // a reply is due on the loop (another question's query in flight), the loop polling for it
      on.submit(() -> SpinWindows.ofCurrentThread().open(TimeUnit.SECONDS.toNanos(1))).get(5, TimeUnit.SECONDS);
      long primingReplied = System.nanoTime();
      on.submit(() -> reply("./NS to 127.0.0.1", Reply.noError().authoritative().answer(". 86400 NS a.root.lab.")
          .additional("a.root.lab. 86400 A 127.0.0.1"))).get(5, TimeUnit.SECONDS);
      on.submit(() -> reply("www.example.test./A to 127.0.0.1", Reply.noError().authority("test. 86400 NS ns.test.")
          .additional("ns.test. 86400 A 127.0.0.2"))).get(5, TimeUnit.SECONDS);
      on.submit(() -> reply("www.example.test./A to 127.0.0.2", Reply.noError().authoritative()
          .answer("www.example.test. 300 A 192.0.2.1"))).get(5, TimeUnit.SECONDS);

      assertThat(answer.get(5, TimeUnit.SECONDS)).isInstanceOf(Resolution.Answer.class);
      assertThat(sent).element(2).isEqualTo("www.example.test./A to 127.0.0.2, . NS not cached");
      CacheLookup whileDue = on.submit(() -> cache.lookup(Name.root, Type.NS, DClass.IN)).get(5, TimeUnit.SECONDS);
      // past its longest wait the work runs though replies stay due: only a machine that stalled this long can tell
      assumeThat(System.nanoTime() - primingReplied).isLessThan(SpinWindows.UNHURRIED_NANOS);
      assertThat(whileDue).as("while the reply is due").isInstanceOf(CacheLookup.Miss.class);

      // the loop runs that work in order once none is due: a look-up queued after it sees what it cached (a
      // task submitted after the close may run in the close's own turn, before the loop decides again)
      CompletableFuture<CacheLookup> onceNoneIs = new CompletableFuture<>();
      on.submit(() -> {
        SpinWindows.ofCurrentThread().close();
        SpinWindows.ofCurrentThread().whenNoReplyDue(
            () -> onceNoneIs.complete(cache.lookup(Name.root, Type.NS, DClass.IN)));
      }).get(5, TimeUnit.SECONDS);
      assertThat(onceNoneIs.get(5, TimeUnit.SECONDS)).as("once none is").isInstanceOf(CacheLookup.Hit.class);
    } finally {
      spinning.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  /** A transport whose replies the test gives, each query recorded as it leaves with whether '. NS' was cached then. */
  private Transport held() {
    return (server, query, timeout) -> {
      String exchange = query.getQuestion().getName() + "/" + Type.string(query.getQuestion().getType()) + " to "
          + server.getAddress().getHostAddress();
      sent.add(exchange + ", . NS " + (cache.lookup(Name.root, Type.NS, DClass.IN) instanceof CacheLookup.Hit
          ? "cached" : "not cached"));
      queries.put(exchange, query);
      return replies.computeIfAbsent(exchange, key -> new CompletableFuture<>());
    };
  }

  private void reply(String exchange, Reply reply) {
    replies.get(exchange).complete(reply.to(queries.get(exchange)));
  }
}
