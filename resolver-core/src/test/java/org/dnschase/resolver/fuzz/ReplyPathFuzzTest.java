package org.dnschase.resolver.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.ResolverBuilder;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.cache.TimeSource;
import org.dnschase.resolver.dnssec.Validation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The reply path under hostile and broken servers: a resolution through the lab of {@link
 * FuzzLab} whose replies the fuzzer bends ({@link StructuredReplies}) or writes byte by byte
 * ({@link WireReplies}). Whatever they say, the outcome is typed and never an internal error, it
 * comes within the deadline (on a fake clock that only the exchanges move), nothing is cached that
 * no server speaking for it sent (RFC 2181 §5.4.1), nothing is cached or shown past the cache's
 * TTL caps, and no record of another class than IN is cached or shown.
 */
class ReplyPathFuzzTest {

  private static final Budgets BUDGETS = Budgets.DEFAULTS
      .withDeadline(Duration.ofSeconds(3)).withQueryTimeout(Duration.ofMillis(800));

  @FuzzTest
  void structuredRepliesKeepTheInvariants(FuzzedDataProvider data) {
    FuzzLab.Question question = data.pickValue(FuzzLab.QUESTIONS);
    boolean minimise = data.consumeBoolean();
    FuzzLab lab = data.consumeBoolean() ? FuzzLab.signed() : FuzzLab.unsigned();
    resolveAndCheck(lab, question, minimise, new StructuredReplies(data));
  }

  @FuzzTest
  void wireRepliesKeepTheInvariants(byte[] input) {
    ByteBuffer bytes = ByteBuffer.wrap(input);
    int choice = bytes.hasRemaining() ? bytes.get() & 0xFF : 0;
    FuzzLab.Question question = FuzzLab.QUESTIONS.get((choice & 0x7F) % FuzzLab.QUESTIONS.size());
    resolveAndCheck(FuzzLab.unsigned(), question, (choice & 0x80) != 0, new WireReplies(bytes));
  }

  /**
   * The harness itself: the lab's own replies resolve every question, within every invariant,
   * signed (and validated) or not.
   */
  @ParameterizedTest
  @MethodSource("everyQuestionEveryWay")
  void theLabsOwnRepliesResolveEveryQuestion(FuzzLab.Question question, boolean minimise, boolean signed) {
    FuzzLab fuzzLab = signed ? FuzzLab.signed() : FuzzLab.unsigned();
    Resolution result = resolveAndCheck(fuzzLab, question, minimise, (server, query, lab) ->
        lab == null ? new ReplyScript.Silence() : new ReplyScript.Arrives(lab, Duration.ofMillis(5)));

    if (question.name().toString().startsWith("loop.")) {
      assertThat(result).isInstanceOfSatisfying(Resolution.Failure.class,
          failure -> assertThat(failure.reason()).isEqualTo(FailureReason.LOOP));
    } else {
      assertThat(result).isNotInstanceOf(Resolution.Failure.class);
    }
    if (signed && question.name().subdomain(Name.fromConstantString("example.test."))
        && question.type() != Type.RRSIG && !question.name().toString().startsWith("loop.")) {
      assertThat(result.security()).as("validated from the signed root").isEqualTo(Security.SECURE);
    }
  }

  static Stream<Arguments> everyQuestionEveryWay() {
    return FuzzLab.QUESTIONS.stream().flatMap(q -> Stream.of(Arguments.of(q, false, false),
        Arguments.of(q, true, false), Arguments.of(q, false, true), Arguments.of(q, true, true)));
  }

  static Resolution resolveAndCheck(FuzzLab lab, FuzzLab.Question question, boolean minimise,
      ReplyScript script) {
    AtomicLong clock = new AtomicLong();
    TimeSource ticker = TimeSource.ofNanos(FuzzLab.NOW, clock::get);
    BailiwickLedger ledger = new BailiwickLedger(FuzzLab.rootHints().servers());
    ledger.ownZone(FuzzLab.AUTH_ZONE);
    CheckedCache cache = new CheckedCache(Invariants.newCache(ticker), ledger);
    InMemoryServers servers = new InMemoryServers(lab, clock, BUDGETS.deadline(), script, ledger);
    ResolverBuilder builder = Resolver.builder();
    if (lab.trustAnchor() != null) {
      builder.validation(Validation.trustAnchors(lab.trustAnchor()));
    }
    Resolution result;
    try (Resolver resolver = builder
        .rootHints(FuzzLab.rootHints())
        .authZone(FuzzLab.AUTH_ZONE)
        .transport(servers)
        .timeSource(ticker)
        .cache(cache)
        .budgets(BUDGETS)
        .loopbackOnly()
        .qnameMinimisation(minimise)
        .callbackExecutor(Runnable::run)
        .build()) {
      result = resolver.resolve(question.name(), question.type());
    }
    List<String> violations = new ArrayList<>(Invariants.outcome(result, question));
    violations.addAll(Invariants.deadline(Duration.ofNanos(clock.get()), BUDGETS.deadline(), servers.lateQueries()));
    violations.addAll(cache.outOfBailiwick());
    violations.addAll(cache.otherClass());
    violations.addAll(Invariants.classes(result));
    violations.addAll(Invariants.cachedTtls(cache));
    violations.addAll(Invariants.resultTtls(result));
    assertThat(violations)
        .as("%s (qname minimisation %s, %s lab, %d exchanges) ended %s", question, minimise ? "on" : "off",
            lab.trustAnchor() != null ? "signed" : "unsigned", servers.exchanges(), result)
        .isEmpty();
    return result;
  }
}
