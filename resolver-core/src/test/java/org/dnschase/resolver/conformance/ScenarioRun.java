package org.dnschase.resolver.conformance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.spi.Responses;
import org.dnschase.resolver.testkit.scenario.Adjust;
import org.dnschase.resolver.testkit.scenario.Entry;
import org.dnschase.resolver.testkit.scenario.Scenario;
import org.dnschase.resolver.testkit.scenario.ScenarioConfig;
import org.dnschase.resolver.testkit.scenario.ScriptedServers;
import org.dnschase.resolver.testkit.scenario.Step;
import org.dnschase.resolver.testkit.scenario.ZoneClause;
import java.io.IOException;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Plays one scenario against a fresh resolver (FORMAT §7): steps in file order, the step id
 * selecting the RANGE windows, the clock moved only by TIME_PASSES, each CHECK_ANSWER compared
 * with the response {@link Responses} builds for the last QUERY (in a testbound file, with any
 * answer not yet checked, each of which must be checked by the end). CHECK_OUT_QUERY looks for
 * an upstream query sent and not yet claimed. A CONFIG the resolver cannot honour ({@link
 * ConfigSupport}) fails the run before it starts.
 *
 * <p>A Deckard file waits for each QUERY's answer. A testbound file runs as testbound does: a
 * QUERY starts a resolution and the script goes on; the upstream queries a step sets off are
 * matched against the ranges of the step after it (testbound moves to the next moment before it
 * runs a QUERY, REPLY, TIMEOUT or ERROR); a query no range answers stays pending, offered again to
 * the ranges of every step reached, until one answers it, a REPLY step or a CHECK_OUT_QUERY with
 * {@code copy_id} answers it, or TIMEOUT or ERROR fails it; the
 * resolver works on (its callbacks run by the runner) after each step, until nothing is left to
 * run. A CHECK_ANSWER none of the answers so far matches waits a little for resolutions still
 * under way (the resolver's own timers run on real time, such as its stale answer timeout).
 */
final class ScenarioRun {

  /** Upstream exchanges complete at once; a resolution still running after this is stuck. */
  private static final long RESOLVE_TIMEOUT_SECONDS = 10;
  /** How long a testbound CHECK_ANSWER waits for resolutions under way: past the resolver's short timers. */
  private static final long CHECK_WAIT_MILLIS = 2_000;
  /** Deckard gives every query an OPT record with this payload size (FORMAT §5.1). */
  private static final int CLIENT_EDNS_PAYLOAD = 4096;

  private final Scenario scenario;
  private final ScenarioClock clock;
  private final AtomicInteger currentStep = new AtomicInteger();
  private final ScriptedServers servers;
  private final ScenarioTransport transport;
  private final List<StepFailure> failures = new ArrayList<>();
  private final boolean qnameMinimisation;
  private final boolean testbound;
  /** The answers not checked yet: the last one in a Deckard file, every one in a testbound file. */
  private final List<Message> answers = new ArrayList<>();
  private final RRsetCache cache;
  /** testbound's {@code minimal-responses: no}: answers carry their zone's NS set and its addresses. */
  private final boolean referralData;
  /** testbound's {@code ede: yes}: answers carry the Extended DNS Error (RFC 8914) a server front-end adds. */
  private final boolean extendedErrors;
  /**
   * Where the resolver completes answers and starts the work it does after one (refreshes): run
   * by the runner, so that, as in testbound, an answer is built before what follows it runs.
   */
  private final BlockingQueue<Runnable> callbacks = new LinkedBlockingQueue<>();
  /** testbound: resolutions started and not finished; touched only on the runner's thread. */
  private int underWay;

  ScenarioRun(Scenario scenario, Strictness strictness, boolean qnameMinimisation) {
    this.scenario = scenario;
    this.clock = new ScenarioClock(scenario.config().startTime().orElseGet(Instant::now));
    this.qnameMinimisation = qnameMinimisation;
    this.testbound = scenario.config().dialect() == ScenarioConfig.Dialect.TESTBOUND;
    this.servers = new ScriptedServers(scenario);
    this.transport = new ScenarioTransport(servers, currentStep::get, strictness, testbound,
        testbound ? null : RootHintPriming.of(scenario.config()));
    this.cache = ResolverSetup.cache(scenario.config(), clock);
    this.referralData = testbound && !scenario.config().flag("minimal-responses", true);
    this.extendedErrors = scenario.config().flag("ede", false);
  }

  /** Plays every step and returns what went wrong: empty when the scenario passed. */
  List<StepFailure> play() {
    List<String> unsupported = ConfigSupport.unsupported(scenario.name(), scenario.config());
    if (!unsupported.isEmpty()) {
      unsupported.forEach(reason -> failures.add(new StepFailure(0, "CONFIG " + reason)));
      return List.copyOf(failures);
    }
    Resolver built;
    try {
      built = ResolverSetup.builder(scenario.config(), transport, clock, cache)
          .callbackExecutor(callbacks::add)
          .qnameMinimisation(qnameMinimisation).qnameMinimisationType(minimisedQuestionType()).build();
    } catch (IllegalArgumentException | IllegalStateException e) { // the builder refuses a setting
      failures.add(new StepFailure(0, "CONFIG refused by the resolver's builder: " + e.getMessage()));
      return List.copyOf(failures);
    }
    try (Resolver resolver = built) {
      List<Step> steps = scenario.steps();
      for (int i = 0; i < steps.size(); i++) {
        Step step = steps.get(i);
        currentStep.set(step.id());
        if (testbound) {
          // testbound's moment has come: the queries still pending are offered to the ranges
          // its id selects; then the moment is done, and what it sets off is matched against the
          // moment after it (testbound advances before a QUERY, REPLY, TIMEOUT or ERROR is run).
          transport.answerPendingFromRanges();
          settle();
          if (!(step instanceof Step.TimePasses)) {
            currentStep.set(i + 1 < steps.size() ? steps.get(i + 1).id() : step.id());
          }
        }
        switch (step) {
          case Step.Query query -> query(resolver, query);
          case Step.CheckAnswer check -> check(check);
          case Step.TimePasses time -> clock.advance(time.elapse());
          // Deckard's one-shot answers are used by the scripted servers; testbound's answer now.
          case Step.Reply reply -> reply(reply);
          case Step.CheckOutQuery checkOut -> checkOutQuery(checkOut);
          // The resolver's work is run after every step: there is no traffic left to settle.
          case Step.Settle settle -> { }
          case Step.Expire expire -> expire(expire);
        }
        settle();
      }
    }
    if (testbound) {
      int lastStep = currentStep.get();
      answers.forEach(answer -> failures.add(new StepFailure(lastStep,
          "an answer was never checked: " + answer.getQuestion() + " " + Rcode.string(answer.getRcode()))));
    }
    failures.addAll(transport.unforeseen());
    int lastStep = currentStep.get();
    servers.unusedMandatoryEntries()
        .forEach(entry -> failures.add(new StepFailure(lastStep, "MANDATORY " + entry + " never used")));
    return List.copyOf(failures);
  }

  /** Every exchange and resolution of the run, to print beside the failures. */
  List<String> transcript() {
    return transport.transcript();
  }

  private void query(Resolver resolver, Step.Query step) {
    if (!testbound) {
      answers.clear();
    }
    Message query = step.entry().raw().isPresent() ? rawQuery(step) : clientQuery(step.entry());
    if (query == null) {
      return;
    }
    Record question = query.getQuestion();
    if (question == null) {
      fail(step, "STEP " + step.id() + " QUERY (line " + step.line() + ") has no question");
      return;
    }
    // RD=0: a client allowed to snoop asks what the cache holds (testbound's allow_snoop); CD and
    // DO go with the question, as a server front-end passes them on.
    OPTRecord opt = query.getOPT();
    Resolver.QueryOptions options = Resolver.QueryOptions.DEFAULTS
        .withCacheOnly(!query.getHeader().getFlag(Flags.RD))
        .withCheckingDisabled(query.getHeader().getFlag(Flags.CD))
        .withDnssecOk(opt != null && (opt.getFlags() & ExtendedFlags.DO) != 0);
    if (testbound) {
      underWay++;
      resolver.resolveAsync(question.getName(), question.getType(), options).whenComplete((resolution, error) -> {
        underWay--;
        if (error != null) {
          fail(step, "STEP " + step.id() + " QUERY " + ScenarioTransport.describe(question) + " failed: " + error);
        } else {
          answer(resolver, step, query, resolution);
        }
      });
      return;
    }
    try {
      answer(resolver, step, query, await(resolver.resolveAsync(question.getName(), question.getType(), options)));
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      fail(step, "STEP " + step.id() + " QUERY " + ScenarioTransport.describe(question) + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(step, "STEP " + step.id() + " interrupted");
    }
  }

  /**
   * Keeps the response to {@code query} that {@code resolution} makes, as a server front-end builds
   * it; none for a question turned away as overloaded, which Unbound drops (our server answers it
   * SERVFAIL with an Extended DNS Error).
   */
  private void answer(Resolver resolver, Step.Query step, Message query, Resolution resolution) {
    transport.note("step " + step.id() + " resolved " + ScenarioTransport.describe(query.getQuestion()) + ": "
        + summary(resolution));
    if (resolution instanceof Resolution.Failure failure && failure.reason() == FailureReason.OVERLOADED) {
      return;
    }
    if (testbound && CacheReferral.applies(query, resolution)) {
      referral(resolver, query);
      return;
    }
    Message response = Responses.toMessage(resolution, query, servfailAnswer());
    if (extendedErrors) {
      Responses.ExtendedErrors.add(response, resolution);
    }
    if (referralData || testbound && ReferralData.carriesDenial(response)) {
      ReferralData.add(response, cache, transport.delivered(), isStale(resolution), forwardZoneOf(query.getQuestion().getName()),
          secure(resolution));
    } else if (testbound) {
      withoutNameServers(response);
      ReferralData.addToNameServerAnswer(response, cache, isStale(resolution), secure(resolution));
    }
    answers.add(ScenarioTransport.wire(response));
  }

  /**
   * testbound's {@code minimal-responses: yes} (Unbound's default): a negative answer's authority
   * section holds its SOA proof only, not the zone's NS set beside it, which Responses adds (RFC
   * 2308 §3 allows both).
   */
  private static void withoutNameServers(Message response) {
    for (Record record : response.getSection(Section.AUTHORITY)) {
      if (record.getType() == Type.NS) {
        response.removeRecord(record, Section.AUTHORITY);
      }
    }
  }

  /**
   * Unbound's referral for an RD=0 question the cache could not answer ({@link CacheReferral}):
   * from the cache, or once the root is primed (resolved while the script goes on) from its NS set.
   */
  private void referral(Resolver resolver, Message query) {
    Message fromCache = CacheReferral.fromCache(query, cache);
    if (fromCache != null) {
      answers.add(ScenarioTransport.wire(fromCache));
      return;
    }
    underWay++;
    resolver.resolveAsync(Name.root, Type.NS).whenComplete((priming, error) -> {
      underWay--;
      if (priming instanceof Resolution.Answer rootServers) {
        answers.add(ScenarioTransport.wire(CacheReferral.primed(query, cache, rootServers.rrset())));
      } else {
        failures.add(new StepFailure(currentStep.get(), "priming the root for an RD=0 question failed: "
            + (priming == null ? error : summary(priming))));
      }
    });
  }

  /** The resolution, running the resolver's callbacks meanwhile; a stuck one times out. */
  private Resolution await(CompletableFuture<Resolution> resolution)
      throws ExecutionException, TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RESOLVE_TIMEOUT_SECONDS);
    while (!resolution.isDone()) {
      Runnable callback = callbacks.poll(10, TimeUnit.MILLISECONDS);
      if (callback != null) {
        callback.run();
      } else if (System.nanoTime() - deadline > 0) {
        throw new TimeoutException("no answer in " + RESOLVE_TIMEOUT_SECONDS + " s");
      }
    }
    return resolution.get();
  }

  /** Runs what the resolver does after an answer (its refreshes), until nothing is left. */
  private void settle() {
    for (Runnable callback = callbacks.poll(); callback != null; callback = callbacks.poll()) {
      callback.run();
    }
  }

  /** The deepest forward zone at or above {@code name}, whose server answers for it; null when none is. */
  private Name forwardZoneOf(Name name) {
    ScenarioConfig config = scenario.config();
    Name deepest = config.value("forward-addr").isPresent() ? Name.root : null;
    for (ZoneClause zone : config.forwardZones()) {
      if (name.subdomain(zone.name()) && (deepest == null || zone.name().subdomain(deepest))) {
        deepest = zone.name();
      }
    }
    return deepest;
  }

  private static boolean isStale(Resolution resolution) {
    return resolution.diagnostics().stream().anyMatch(d -> d.kind() == Diagnostic.Oddity.STALE_ANSWER);
  }

  /** Whether the resolver validated the answer, which then carries only the addresses it found secure. */
  private static boolean secure(Resolution resolution) {
    return resolution.security() == Security.SECURE;
  }

  /**
   * Each suite foresees the minimised questions of the resolver it was written for: Knot
   * Resolver's NS (Deckard), Unbound's A (testbound).
   */
  private int minimisedQuestionType() {
    return testbound ? Type.A : Type.NS;
  }

  /**
   * Each suite checks the SERVFAIL of the resolver it was written for: Deckard's, Knot Resolver's
   * partial chain (iter_dname_insec lists a DNAME loop's cycle; Deckard's copies of
   * val_cname_loop1 and 3 stopped matching the answer section for it), testbound's, Unbound's
   * empty one (val_cname_loop2 matches all).
   */
  private Responses.ServfailAnswer servfailAnswer() {
    return scenario.config().dialect() == ScenarioConfig.Dialect.DECKARD
        ? Responses.ServfailAnswer.PARTIAL_CHAIN : Responses.ServfailAnswer.EMPTY;
  }

  /**
   * Deckard sends RAW bytes as they are and awaits no answer: a server front-end drops what does
   * not parse as a recursive query with exactly one question and no TC bit (without snooping
   * rights an RD=0 query is refused) and resolves what does. Returns null when there is nothing
   * to resolve.
   */
  private Message rawQuery(Step.Query step) {
    byte[] bytes = step.entry().raw().orElseThrow();
    try {
      Message query = new Message(bytes);
      Header header = query.getHeader();
      if (header.getFlag(Flags.QR) || header.getFlag(Flags.TC) || !header.getFlag(Flags.RD)
          || header.getOpcode() != Opcode.QUERY || header.getCount(Section.QUESTION) != 1) {
        transport.note("step " + step.id() + " RAW query dropped: not a recursive query with a question");
        return null;
      }
      return query;
    } catch (IOException e) {
      transport.note("step " + step.id() + " RAW query dropped: " + e.getMessage());
      return null;
    }
  }

  /**
   * Deckard compares the last answer; testbound any answer not checked yet (the first that
   * matches is taken; when none does, the differences shown are the oldest one's).
   */
  private void check(Step.CheckAnswer step) {
    String where = "STEP " + step.id() + " CHECK_ANSWER (line " + step.line() + "): ";
    awaitMatchingAnswer(step.entry());
    if (answers.isEmpty()) {
      fail(step, where + "there is no answer to check");
      return;
    }
    for (int i = 0; i < answers.size(); i++) {
      if (step.entry().matches(answers.get(i))) {
        answers.remove(i);
        return;
      }
    }
    Message answer = testbound ? answers.remove(0) : answers.get(answers.size() - 1);
    step.entry().differences(answer).forEach(difference -> fail(step, where + difference));
  }

  /** testbound: the resolver has sent an upstream query the entry matches (a no-op in Deckard). */
  private void checkOutQuery(Step.CheckOutQuery step) {
    if (!testbound) {
      return;
    }
    Message sent = transport.claimSent(step.entry()::matches);
    if (sent == null) {
      fail(step, "STEP " + step.id() + " CHECK_OUT_QUERY (line " + step.line() + "): no upstream query sent "
          + "matches " + step.entry());
    } else if (step.entry().has(Adjust.COPY_ID)) {
      transport.answerCheckedOut(sent, step);
    }
  }

  /**
   * testbound: while no answer so far matches {@code expected} and resolutions are under way,
   * runs the resolver's callbacks as they come, for at most {@link #CHECK_WAIT_MILLIS}.
   */
  private void awaitMatchingAnswer(Entry expected) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CHECK_WAIT_MILLIS);
    try {
      while (underWay > 0 && answers.stream().noneMatch(expected::matches) && System.nanoTime() - deadline < 0) {
        Runnable callback = callbacks.poll(10, TimeUnit.MILLISECONDS);
        if (callback != null) {
          callback.run();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** testbound: the REPLY step answers the oldest pending query it matches. */
  private void reply(Step.Reply step) {
    if (testbound && !transport.answerPending(step)) {
      fail(step, "STEP " + step.id() + " REPLY (line " + step.line() + "): no pending upstream query matches "
          + step.entry());
    }
  }

  private void expire(Step.Expire step) {
    if (!transport.expireOldestPending(!step.type().equals("ERROR"))) {
      fail(step, "STEP " + step.id() + " " + step.type() + " (line " + step.line() + "): no upstream query is "
          + "pending");
    }
  }

  private void fail(Step step, String text) {
    failures.add(new StepFailure(step.id(), text));
  }

  /** The entry as a client's query: a fresh ID, the entry's header, and Deckard's OPT (DO if listed). */
  private static Message clientQuery(Entry entry) {
    Message query = entry.message();
    query.getHeader().setID(ThreadLocalRandom.current().nextInt(0x10000));
    query.addRecord(new OPTRecord(CLIENT_EDNS_PAYLOAD, 0, 0, entry.dnssecOk() ? ExtendedFlags.DO : 0),
        Section.ADDITIONAL);
    return query;
  }

  private static String summary(Resolution resolution) {
    String chain = resolution.chain().isEmpty() ? "" : " chain " + resolution.chain().size() + " hop(s)";
    return switch (resolution) {
      case Resolution.Answer answer -> "answer " + answer.records().size() + " record(s)" + chain;
      case Resolution.NoData noData -> "NODATA" + chain;
      case Resolution.NxDomain nxDomain -> "NXDOMAIN" + chain;
      case Resolution.Failure failure -> failure.reason() + " (" + failure.detail() + ")" + chain;
    };
  }
}
