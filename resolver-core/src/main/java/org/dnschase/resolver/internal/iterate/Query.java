package org.dnschase.resolver.internal.iterate;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolver.QueryOptions;
import org.dnschase.resolver.internal.chase.Chain;
import org.dnschase.resolver.internal.dnssec.Verdict;
import org.dnschase.resolver.internal.reply.ResponseType;
import org.dnschase.resolver.internal.reply.ScrubbedReply;
import org.dnschase.resolver.internal.servers.Delegation;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * The state of one query, in three groups: the chase (name asked, current name, chain), the walk
 * (state, delegation, referrals, the exchanges with the zone's servers in {@link ZoneExchanges}, the
 * outcome of its last child query) and the counters shared with its child queries (budget,
 * journal). Handlers read it through its accessors and change it only through its named
 * transitions, each returning the step that follows, and those of its exchanges; only the driver
 * moves the state and hands over what a child or a priming ended with. Nothing of the walk is kept
 * in lambda captures: the tasks a query holds, for after its answer ({@link AfterAnswer}) or its
 * next send ({@link AfterSend}), capture what they work on, never the walk's state.
 */
final class Query {

  private final int id;
  private final int resolutionId;
  private final Name qname;
  private final int qtype;
  /** 0 for the resolution asked by the user; +1 for each nested name-server look-up. */
  private final int depth;
  private final Budget budget;
  private final Journal journal;
  private final Chain chain;
  /** The query this one looks up a name server for, null for a top-level query. */
  private final Query parent;
  /** The zone whose name server this query looks up, null unless it is such a look-up. */
  private final Name forZone;
  /** A query nobody waits for (a prefetch's refresh, a priming), so it is never given a stale answer. */
  private final boolean background;
  /** A background query that others wait for ({@link #awaited}). */
  private boolean awaited;
  /** The question's options, shared with its name-server look-ups; the defaults in the background. */
  private final QueryOptions options;

  private Name name;
  private QueryState state = QueryState.INIT;
  private Delegation delegation;
  private int referrals;
  private boolean primeAttempted;
  /**
   * The priming this query goes on beside without waiting for it, left to start once the query's
   * own next query is on its way ({@link Iteration}); null when none is left.
   */
  private Step.Prime primingLeft;

  /** Whether this query still minimises (RFC 9156); a relaxed fallback turns it off. */
  private boolean minimising = true;
  /** The deepest name on the way to {@code name} below which the servers asked need the full name. */
  private Name provenAbove;

  private Outcome outcome;
  private ChildOutcome childOutcome;
  private final AfterAnswer afterAnswer = new AfterAnswer();
  private final AfterSend afterSend = new AfterSend();
  private final ZoneExchanges exchanges = new ZoneExchanges();

  private final QueryValidation validation;

  /** A question asked by a user, with its options. */
  Query(int id, Name qname, int qtype, QueryOptions options, Budget budget, Journal journal) {
    this(id, qname, qtype, 0, budget, journal, null, null, false, id, options, true);
  }

  private Query(int id, Name qname, int qtype, int depth, Budget budget, Journal journal,
      Query parent, Name forZone, boolean background, int resolutionId, QueryOptions options, boolean validates) {
    this.options = options;
    this.validation = new QueryValidation(validates);
    this.resolutionId = resolutionId;
    this.parent = parent;
    this.forZone = forZone;
    this.id = id;
    this.qname = qname;
    this.qtype = qtype;
    this.depth = depth;
    this.budget = budget;
    this.journal = journal;
    this.background = background;
    this.chain = new Chain(qname);
    this.name = qname;
  }

  /**
   * A query of its own, with its own budget and journal, whose outcome nobody waits for: it
   * starts by asking the servers of {@code startAt}, not at INIT. A prefetch's refresh, which INIT
   * would answer from the very entry it is to replace, and a priming, which asks given servers. A
   * refresh of expired data has no {@code startAt} ({@code null}): it starts at INIT.
   *
   * @param resolutionId the id its log lines go under: its own, or that of the resolution that
   *     started it (a priming)
   */
  static Query background(int id, Name qname, int qtype, Budget budget, Journal journal, Delegation startAt,
      int resolutionId) {
    return background(id, qname, qtype, budget, journal, startAt, resolutionId, true);
  }

  private static Query background(int id, Name qname, int qtype, Budget budget, Journal journal,
      Delegation startAt, int resolutionId, boolean validates) {
    Query query = new Query(id, qname, qtype, 0, budget, journal, null, null, true, resolutionId,
        QueryOptions.DEFAULTS, validates);
    if (startAt != null) {
      query.delegation = startAt;
      query.state = startAt.toPrime() ? QueryState.PRIME : QueryState.QUERY_TARGETS;
    }
    return query;
  }

  /**
   * A priming of {@code zone} from {@code servers}: a {@link #background} query for its NS set,
   * whose reply is not validated: checking it would need the zone's keys, whose look-up would wait
   * for this very priming. The NS set serves to reach the servers only, as a referral's does.
   * {@code awaited} when the queries that need it wait for it (a stub zone's), unlike the root's,
   * which they go on beside.
   */
  static Query priming(int id, Name zone, Budget budget, Journal journal, Delegation servers, int resolutionId,
      boolean awaited) {
    Query priming = background(id, zone, Type.NS, budget, journal, servers, resolutionId, false);
    priming.awaited = awaited;
    return priming;
  }

  /**
   * The id of the question this query works for, that its log lines go under: the top-level
   * query's, whose look-up this may be, or the resolution's that started a priming.
   */
  int resolutionId() {
    return resolutionId;
  }

  /**
   * The child question of {@code spawn}, sharing this query's budget and journal, one level
   * deeper; the driver runs it and hands its outcome back with {@link #childEnded}. A name server's
   * address is looked up with checking disabled (RFC 4035 §3.2.2): it only says where to send the
   * questions, whose answers are validated on their own up the zone's chain of trust, so an address
   * found BOGUS is still used (and, BOGUS, never kept), as Unbound does not validate these look-ups.
   */
  Query child(int childId, Step.Spawn spawn) {
    QueryOptions childOptions = spawn.resumeAt() == QueryState.NAME_SERVER_ADDRESS
        ? options.withCheckingDisabled(true) : options;
    return new Query(childId, spawn.name(), spawn.type(), depth + 1, budget, journal, this, spawn.forZone(), false,
        resolutionId, childOptions, true);
  }

  /* ---- what the handlers read ---- */

  int id() {
    return id;
  }

  /** The name asked by whoever started this query. */
  Name qname() {
    return qname;
  }

  int qtype() {
    return qtype;
  }

  /** {@return the query this one looks something up for, null for the user's question} */
  Query parent() {
    return parent;
  }

  /** The zone whose name server this query looks up, null unless it is such a look-up. */
  Name forZone() {
    return forZone;
  }

  /** The name the walk is at now: {@link #qname()}, or the target of the chain's last hop. */
  Name name() {
    return name;
  }

  int depth() {
    return depth;
  }

  /** The options of the question this query works for. */
  QueryOptions options() {
    return options;
  }

  Budget budget() {
    return budget;
  }

  Journal journal() {
    return journal;
  }

  Chain chain() {
    return chain;
  }

  boolean isBackground() {
    return background;
  }

  /**
   * Whether other queries wait for this background one to end: a stub zone's priming. A refresh
   * and the root's priming, which the queries that need it go on beside, nobody waits for.
   */
  boolean awaited() {
    return awaited;
  }

  QueryState state() {
    return state;
  }

  /** The zone cut whose servers are being asked; null before the walk found one. */
  Delegation delegation() {
    return delegation;
  }

  boolean primeAttempted() {
    return primeAttempted;
  }

  /** Leaves {@code priming}, which this query does not wait for, to start after its own next send. */
  void leavePriming(Step.Prime priming) {
    primingLeft = priming;
  }

  /** The priming left to start, no longer left; null when none is. */
  Step.Prime takePrimingLeft() {
    Step.Prime left = primingLeft;
    primingLeft = null;
    return left;
  }

  boolean minimising() {
    return minimising;
  }

  Name provenAbove() {
    return provenAbove;
  }

  /** The exchanges with the servers of the zone being asked, and the reply kept as its last resort. */
  ZoneExchanges exchanges() {
    return exchanges;
  }

  /** How the query ended; null while it is at work. */
  Outcome outcome() {
    return outcome;
  }

  /** How the last child query ended; null before the first ended. */
  ChildOutcome childOutcome() {
    return childOutcome;
  }

  /** What validation keeps for this query: its verdict so far and the reply being validated. */
  QueryValidation validation() {
    return validation;
  }

  /** The driver's: the child query it ran for this one ended as {@code child} did. */
  void childEnded(Query child) {
    childOutcome = new ChildOutcome(child.qname, child.qtype, child.chain.hops(), child.outcome,
        child.validation.verdict());
  }

  /**
   * The driver's: the priming this query waited for or went on beside ended; its work is reported
   * and counted as this query's (see {@link Budget#charge}).
   */
  void primingEnded(Query priming) {
    budget.charge(priming.budget);
    journal.absorb(priming.journal);
  }

  /** The driver's: the state it runs next. */
  void moveTo(QueryState next) {
    state = next;
  }

  /* ---- the transitions: each handler changes the query only through these ---- */

  /**
   * The one restart path: records the hop and starts the walk afresh at its target (new name,
   * no delegation, referral count reset, no outcome). Returns the next step, FINISHED when the
   * chain refused the hop (a loop, or the hop limit).
   */
  Step restart(Hop hop) {
    Optional<Chain.Refusal> refusal = chain.add(hop, budget.limits().maxHops());
    if (refusal.isPresent()) {
      return finish(failureFor(refusal.get()));
    }
    name = hop.target();
    delegation = null;
    provenAbove = null;
    referrals = 0;
    outcome = null;
    return new Step.Next(QueryState.INIT);
  }

  /**
   * Starts the walk at {@code cut}, the closest zone cut known: its servers are asked next. With
   * no cut (null, not even the root known) the root is primed first, and so is a stub zone that
   * must be ({@link Delegation#toPrime()}).
   */
  Step walkFrom(Delegation cut) {
    delegation = cut;
    return new Step.Next(cut == null || cut.toPrime() ? QueryState.PRIME : QueryState.QUERY_TARGETS);
  }

  /** Whether one more referral would pass the budget's limit of referrals per walk. */
  boolean referralLimitReached() {
    return referrals >= budget.limits().maxReferrals();
  }

  /** Follows a referral: one more referral counted, and the servers of {@code next} asked next. */
  Step descendTo(Delegation next) {
    referrals++;
    delegation = next;
    return new Step.Next(QueryState.QUERY_TARGETS);
  }

  /**
   * Starts the priming of {@code zone} (the root, or a stub zone) from the servers {@code servers}
   * gives when it starts, or joins the one under way, once per query; then looks again, once it
   * ended if it {@code waits}.
   */
  Step prime(Name zone, Supplier<Delegation> servers, boolean waits) {
    primeAttempted = true;
    return new Step.Prime(zone, servers, QueryState.PRIME, waits);
  }

  /**
   * Starts the priming of {@code zone} from the servers {@code servers} gives when it starts, or
   * joins the one under way, once per query, and goes on beside it from {@code cut} at once.
   */
  Step primeBeside(Name zone, Supplier<Delegation> servers, Delegation cut) {
    primeAttempted = true;
    delegation = cut;
    return new Step.Prime(zone, servers, QueryState.QUERY_TARGETS, false);
  }

  /**
   * RFC 9156: the server asked a minimised question holds the name asked, so the names below
   * {@code ancestor} belong to its zone: it is asked again, with the full name.
   */
  Step askFullNameBelow(Name ancestor) {
    provenAbove = ancestor;
    delegation.markUnused(exchanges.last().server().getAddress());
    return new Step.Next(QueryState.QUERY_TARGETS);
  }

  /** RFC 9156 relaxed mode: stops minimising this query and asks the same server the full name. */
  Step stopMinimising() {
    minimising = false;
    delegation.markUnused(exchanges.last().server().getAddress());
    return new Step.Next(QueryState.QUERY_TARGETS);
  }

  /** Validates {@code reply}, classified as {@code type}, before it is used. */
  Step validate(ScrubbedReply reply, ResponseType type) {
    validation.start(reply, type);
    return new Step.Next(QueryState.VALIDATE);
  }

  /**
   * Takes {@code found} into the chain's verdict, or ends the query on data found BOGUS, unless
   * the question disabled checking (CD, RFC 4035 §3.2.2): returns the failure, or null when the
   * data is used (marked BOGUS under CD).
   */
  Step useVerdict(Verdict found) {
    validation.note(found);
    return found.isBogus() && !options.checkingDisabled() ? finish(Outcome.Failed.bogus(found)) : null;
  }

  /** Keeps the reply just had as the zone's last resort, unless it has one, and asks its other servers. */
  Step keepAsLastResort(ScrubbedReply scrubbed, ResponseType type) {
    exchanges.keepAsLastResort(delegation, scrubbed, type);
    return new Step.Next(QueryState.QUERY_TARGETS);
  }

  /** Whether a server of the zone being asked gave a reply kept as its last resort. */
  boolean hasLastResort() {
    return exchanges.hasLastResort(delegation);
  }

  /** Ends the query on a cyclic dependency among name servers, described by {@code detail}. */
  Step failOnCycle(String detail) {
    return finish(new Outcome.CyclicDependency(detail));
  }

  /**
   * Ends the query with {@code result}: data that may be a service alias is looked at first
   * ({@link QueryState#SERVICE_ALIAS}), a failure may give way to stale data ({@link
   * QueryState#SERVE_STALE}), anything else is final.
   */
  Step finish(Outcome result) {
    outcome = result;
    return new Step.Next(switch (result) {
      case Outcome.Data data when ServiceAliases.mayAlias(qtype) -> QueryState.SERVICE_ALIAS;
      case Outcome.Failed failed when failed.reason() != FailureReason.DNSSEC_BOGUS -> QueryState.SERVE_STALE;
      default -> QueryState.FINISHED;
    });
  }

  /**
   * Ends the query with {@code result} as it is, past {@link QueryState#SERVE_STALE}: stale data
   * (RFC 8767), or a failure that stale data was already looked for.
   */
  Step finishFinal(Outcome result) {
    outcome = result;
    return new Step.Next(QueryState.FINISHED);
  }

  /**
   * The work this query leaves for after its outcome has been handed over; the driver starts it
   * once told the outcome was handed over for a user's question.
   */
  AfterAnswer afterAnswer() {
    return afterAnswer;
  }

  /** The work of the last reply's step that waits until the next query has been sent. */
  AfterSend afterSend() {
    return afterSend;
  }

  /** Whether this query's outcome is handed over once it finishes: not a user's question still unanswered. */
  boolean answered() {
    return depth > 0 || background || afterAnswer.answered();
  }

  Step fail(FailureReason reason, String detail) {
    return finish(new Outcome.Failed(reason, detail));
  }

  /** A cache-only question got as far as the cache could take it: the servers of {@code zone} are not asked. */
  Step failNotCached(Name zone) {
    return fail(FailureReason.NOT_CACHED, name + " " + Type.string(qtype) + " is not in the cache, and the question"
        + " is cache only: the servers of " + zone + " were not asked");
  }

  /** RFC 6672 §2.2: {@code dname} would rewrite the name past 255 octets. */
  Step failTooLong(RRset dname) {
    return finish(new Outcome.Failed(FailureReason.YXDOMAIN, Hops.yxDomainDetail(name, dname), dname.first(), null,
        List.copyOf(dname.sigs())));
  }

  private Outcome failureFor(Chain.Refusal refusal) {
    return switch (refusal) {
      case Chain.Refusal.Loop loop -> new Outcome.Failed(FailureReason.LOOP, "alias loop: "
          + loop.cycle().get(0).owner() + loop.cycle().stream()
              .map(hop -> " -" + hop.kind() + "-> " + hop.target()).collect(Collectors.joining()));
      case Chain.Refusal.HopLimit limit -> new Outcome.Failed(FailureReason.HOP_LIMIT,
          "chain from " + qname + " needs more than " + limit.limit() + " hops; stopped at " + name);
    };
  }

  @Override
  public String toString() {
    return "q#" + id + " " + name + "/" + Type.string(qtype);
  }
}
