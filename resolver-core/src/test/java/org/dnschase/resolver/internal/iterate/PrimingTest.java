package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.FailureReason;
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
 * RFC 9609 §3: one priming serves every resolution that needs it at the same time. It is a query
 * of its own, with its own budget and journal; no resolution waits for it, since the hinted
 * servers it asks answer the resolution's own question as well, and its answer lands in the cache
 * for the resolutions after it. One that finds it ended already reports it as its work.
 */
class PrimingTest {

  /** The primed root server, which the hints do not name. */
  private static final String PRIMED_ROOT = "127.0.0.9";
  /** Zones the root delegates, to the same server; it answers every other name itself. */
  private static final List<Name> DELEGATED = List.of(Name.fromConstantString("lab."), Name.fromConstantString("net."));

  /**
   * Every server answers every question itself; the priming reply, which names {@link
   * #PRIMED_ROOT} as the root's server, waits until released unless released from the start, and
   * so do the delegated zone's replies when held.
   */
  private static final class HeldPriming implements Transport {

    private final CompletableFuture<Message> priming = new CompletableFuture<>();
    private final AtomicInteger primings = new AtomicInteger();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    /** Every question sent, the primings' among them, in the order sent. */
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final boolean releasedFromStart;
    private CompletableFuture<Void> delegated = CompletableFuture.completedFuture(null);

    HeldPriming(boolean releasedFromStart) {
      this.releasedFromStart = releasedFromStart;
    }

    @Override
    public CompletableFuture<Message> exchange(InetSocketAddress server, Message query, Duration timeout) {
      Record question = query.getQuestion();
      sent.add(question.getName() + "/" + Type.string(question.getType()));
      if (question.getType() == Type.NS && question.getName().equals(Name.root)) {
        primings.incrementAndGet();
        return releasedFromStart ? CompletableFuture.completedFuture(primingReply(query))
            : priming.thenApply(ignored -> primingReply(query));
      }
      String address = server.getAddress().getHostAddress();
      asked.add(address + " " + question.getName());
      Name zone = DELEGATED.stream().filter(question.getName()::subdomain).findFirst().orElse(null);
      if (address.equals(ScriptedTree.ROOT) && zone != null) {
        return CompletableFuture.completedFuture(Reply.noError().authority(zone + " 86400 NS ns." + zone)
            .additional("ns." + zone + " 86400 A " + ScriptedTree.TLD).to(query));
      }
      Message answer = Reply.noError().authoritative().answer(question.getName() + " 300 A 192.0.2.1").to(query);
      return address.equals(ScriptedTree.TLD) ? delegated.thenApply(ignored -> answer)
          : CompletableFuture.completedFuture(answer);
    }

    /** Holds the replies of the zone the root delegates until {@link #releaseDelegated}. */
    HeldPriming holdingDelegatedReplies() {
      delegated = new CompletableFuture<>();
      return this;
    }

    void releaseDelegated() {
      delegated.complete(null);
    }

    private static Message primingReply(Message query) {
      return Reply.noError().authoritative()
          .answer(". 86400 NS b.root.lab.").additional("b.root.lab. 86400 A " + PRIMED_ROOT).to(query);
    }

    void releasePriming() {
      priming.complete(null);
    }

    @Override
    public void close() {}
  }

  private HeldPriming transport;
  private Resolver resolver;

  private Resolver resolverOn(HeldPriming transport) {
    return resolverOn(transport, Budgets.DEFAULTS.deadline());
  }

  private Resolver resolverOn(HeldPriming transport, Duration deadline) {
    this.transport = transport;
    resolver = Resolver.builder()
        .budgets(Budgets.DEFAULTS.withDeadline(deadline))
        .transport(transport)
        .rootHints(RootHints.parse(ScriptedTree.ROOT_HINTS))
        .loopbackOnly()
        .recordTrace(true)
        .qnameMinimisation(false)
        .build();
    return resolver;
  }

  @AfterEach
  void close() {
    resolver.close();
  }

  @Test
  @DisplayName("RFC 9609 §3: cold resolutions ask the hinted servers while their one priming runs, and each says it is under way")
  void coldResolutions_goOnFromTheHints_whileTheirOnePrimingRuns() throws Exception {
    Resolver resolver = resolverOn(new HeldPriming(false));

    Resolution www = answer(resolver, "www.example.test.");
    Resolution mail = answer(resolver, "mail.example.test.");

    assertThat(transport.primings).hasValue(1);
    assertThat(transport.asked).containsExactly(ScriptedTree.ROOT + " www.example.test.",
        ScriptedTree.ROOT + " mail.example.test.");
    assertThat(List.of(www, mail)).allSatisfy(resolution -> {
      assertThat(resolution).isInstanceOf(Resolution.Answer.class);
      assertThat(exchanges(resolution)).containsExactly(". " + resolution.qname() + "/A ANSWER");
      assertThat(resolution.trace()).last().isEqualTo(new TraceEvent.PrimingUnderWay(Name.root, 1));
      assertThat(resolution.upstreamQueries()).as("its own query, and the priming's sent on its behalf").isEqualTo(2);
    });
  }

  @Test
  @DisplayName("RFC 9609 §3: a priming that ends while the resolutions walk on beside it is reported by each of them, sent once")
  void aPrimingEndedWhileTheResolutionsWalk_isReportedByEach_andSentOnce() throws Exception {
    Resolver resolver = resolverOn(new HeldPriming(false).holdingDelegatedReplies());
    CompletableFuture<Resolution> www = resolver.resolveAsync("www.example.lab.", Type.A);
    CompletableFuture<Resolution> mail = resolver.resolveAsync("mail.example.net.", Type.A);

    transport.releasePriming();
    transport.releaseDelegated();

    Resolution first = www.get(10, TimeUnit.SECONDS);
    Resolution second = mail.get(10, TimeUnit.SECONDS);
    assertThat(transport.primings).as("the servers got one priming query").hasValue(1);
    // in the order each resolution saw them end: the priming before the delegated zone's reply
    assertThat(exchanges(first)).containsExactly(". www.example.lab./A REFERRAL", ". ./NS ANSWER",
        "lab. www.example.lab./A ANSWER");
    assertThat(exchanges(second)).containsExactly(". mail.example.net./A REFERRAL", ". ./NS ANSWER",
        "net. mail.example.net./A ANSWER");
    assertThat(List.of(first, second)).allSatisfy(resolution -> {
      assertThat(resolution.trace()).noneMatch(TraceEvent.PrimingUnderWay.class::isInstance);
      assertThat(resolution.upstreamQueries()).isEqualTo(exchanges(resolution).size());
    });
  }

  @Test
  @DisplayName("RFC 9609 §3: the priming's answer lands in the cache, and the resolutions after it ask the primed servers")
  void thePrimingsAnswer_servesTheResolutionsAfterIt() throws Exception {
    Resolver resolver = resolverOn(new HeldPriming(false));
    answer(resolver, "www.example.test.");

    transport.releasePriming();
    Resolution after = answer(resolver, "mail.example.test.");

    assertThat(after).isInstanceOf(Resolution.Answer.class);
    assertThat(transport.primings).hasValue(1);
    assertThat(transport.asked).containsExactly(ScriptedTree.ROOT + " www.example.test.",
        PRIMED_ROOT + " mail.example.test.");
  }

  @Test
  @DisplayName("RFC 9609 §3: while the priming is under way, the delegations the root gave serve the resolutions after it")
  void whileThePrimingRuns_theRootsReferralsServe() throws Exception {
    Resolver resolver = resolverOn(new HeldPriming(false));

    answer(resolver, "www.example.lab.");
    Resolution mail = answer(resolver, "mail.example.lab.");

    assertThat(mail).isInstanceOf(Resolution.Answer.class);
    assertThat(transport.asked).containsExactly(ScriptedTree.ROOT + " www.example.lab.",
        ScriptedTree.TLD + " www.example.lab.", ScriptedTree.TLD + " mail.example.lab.");
  }

  @Test
  @DisplayName("RFC 9609 §3: the resolution's own query goes out first, the priming it does not wait for right after it")
  void theResolutionsQuery_goesOutBeforeThePriming() throws Exception {
    Resolver resolver = resolverOn(new HeldPriming(false));

    Resolution www = answer(resolver, "www.example.lab.");

    assertThat(www).isInstanceOf(Resolution.Answer.class);
    assertThat(transport.sent).startsWith("www.example.lab./A", "./NS");
  }

  @Test
  @DisplayName("RFC 9609 §3: a priming that ended before the resolution's reply came is reported by it; its first query"
      + " went to the hinted servers")
  void aPrimingEndedAtOnce_isReported() throws Exception {
    Resolver resolver = resolverOn(new HeldPriming(true));

    Resolution www = answer(resolver, "www.example.test.");

    assertThat(www).isInstanceOf(Resolution.Answer.class);
    assertThat(exchanges(www)).containsExactly(". ./NS ANSWER", ". www.example.test./A ANSWER");
    assertThat(www.upstreamQueries()).isEqualTo(2);
    assertThat(transport.asked).containsExactly(ScriptedTree.ROOT + " www.example.test.");
  }

  @Test
  @DisplayName("A resolution ended at its deadline reports the priming it went on beside as under way, its query counted")
  void aResolutionEndedAtItsDeadline_reportsThePrimingUnderWay() throws Exception {
    Resolver resolver = resolverOn(new HeldPriming(false).holdingDelegatedReplies(), Duration.ofMillis(300));

    Resolution timedOut = answer(resolver, "www.example.lab.");

    assertThat(timedOut).isInstanceOfSatisfying(Resolution.Failure.class,
        failure -> assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT));
    assertThat(timedOut.trace()).last().isEqualTo(new TraceEvent.PrimingUnderWay(Name.root, 1));
    assertThat(timedOut.upstreamQueries()).as("its own queries, and the priming's").isEqualTo(transport.asked.size() + 1);
  }

  /** The resolution of {@code name}'s address, which must come within seconds: nothing waits for the held priming. */
  private static Resolution answer(Resolver resolver, String name) throws Exception {
    return resolver.resolveAsync(name, Type.A).get(10, TimeUnit.SECONDS);
  }

  private static List<String> exchanges(Resolution resolution) {
    return resolution.trace().stream().filter(TraceEvent.Exchange.class::isInstance)
        .map(TraceEvent.Exchange.class::cast)
        .map(e -> e.zone() + " " + e.name() + "/" + Type.string(e.type()) + " " + e.outcome()).toList();
  }
}
