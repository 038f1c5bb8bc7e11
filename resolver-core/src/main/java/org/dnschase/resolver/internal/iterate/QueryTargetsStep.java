package org.dnschase.resolver.internal.iterate;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.internal.message.Queries;
import org.dnschase.resolver.internal.servers.ConfiguredZones;
import org.dnschase.resolver.internal.servers.LocalAnswers;
import org.dnschase.resolver.internal.servers.RecentFailures;
import org.dnschase.resolver.internal.servers.Delegation;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.internal.transport.DefaultTransport;
import org.dnschase.resolver.internal.transport.ReplyFuture;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * {@link QueryState#QUERY_TARGETS}: sends the query to the best server of the delegation not yet
 * asked, or, when no address is left, looks up the address of a name server as a child query
 * (a glueless delegation). Fails once the delegation is used up. The last reply's work kept for
 * after the send ({@link AfterSend}) runs right after it, while the server works on the query;
 * every other way out runs it first, before reading the cache, the parent side's glue or the
 * grants it may write.
 */
final class QueryTargetsStep {

  private final ResolverContext context;
  private final RecentFailures recentFailures;
  /** Starts a background look-up of (name, type) from INIT, one at a time per question. */
  private final BiConsumer<Name, Integer> fetchAhead;

  QueryTargetsStep(ResolverContext context, BiConsumer<Name, Integer> fetchAhead) {
    this.context = context;
    this.recentFailures = context.recentFailures;
    this.fetchAhead = fetchAhead;
  }

  Step handle(Query q) {
    LocalAnswers local = q.delegation().localAnswers();
    if (local != null) { // an auth zone's data answers, once; sending nothing, it spends no budget
      q.afterSend().run();
      return q.delegation().untouched() ? answerLocally(q, local) : allFailed(q);
    }
    if (q.options().cacheOnly()) {
      return q.failNotCached(q.delegation().zone());
    }
    if (q.budget().pastDeadline()) {
      return q.fail(FailureReason.TIMEOUT, "deadline of " + q.budget().limits().deadline()
          + " passed while asking the servers of " + q.delegation().zone());
    }
    // RFC 9520 §3: a question that ran into a cyclic dependency a moment ago sends nothing now.
    Optional<String> knownCycle = recentFailures.cycleFor(q.name(), q.qtype());
    if (knownCycle.isPresent()) {
      return q.failOnCycle("failed on a cyclic dependency less than "
          + Defaults.FAILURE_TTL.toSeconds() + " s ago: " + knownCycle.get());
    }
    // Checked before a name-server look-up too: a look-up that ran out of the shared budget must
    // end the resolution as QUERY_BUDGET_EXCEEDED, not as a zone whose servers all failed.
    if (q.budget().queriesSent() >= q.budget().limits().maxQueries()) {
      return budgetExceeded(q);
    }
    if (q.delegation().queriesSpent()) {
      return allFailed(q);
    }
    if (q.delegation().untouched()) {
      fetchHostsAhead(q);
    }
    InetAddress address = nextAllowedAddress(q);
    if (address == null) {
      q.afterSend().run();
      return lookUpNameServer(q);
    }
    return send(q, address, false);
  }

  /**
   * A forward or stub zone's servers given by name (forward-host, stub-host) whose addresses the
   * cache knows nothing of are looked up in the background as soon as the zone is first asked,
   * as Unbound's target-fetch-policy fetches them: when the servers given by address fail, the
   * fail-over finds theirs cached instead of starting the look-up only then.
   */
  private void fetchHostsAhead(Query q) {
    ConfiguredZones.Zone zone = q.delegation().configuredZone();
    if (zone == null) {
      return;
    }
    q.afterSend().run();
    for (Name host : zone.hosts()) {
      for (int type : new int[] {Type.A, Type.AAAA}) {
        if (context.cache.lookup(host, type, DClass.IN) == CacheLookup.Miss.INSTANCE) {
          fetchAhead.accept(host, type);
        }
      }
    }
  }

  /**
   * Has {@code local} answer the query's name and type, never minimised (the data is the resolver's
   * own: no server sees the name), as a server's reply.
   */
  private Step answerLocally(Query q, LocalAnswers local) {
    q.delegation().markUsed(LocalAnswers.THIS_HOST.getAddress());
    q.exchanges().expectReply(new ZoneExchanges.Exchange(LocalAnswers.THIS_HOST, q.name(), q.qtype(), false,
        context.ticker.read(), 0));
    q.exchanges().replied(local.reply(q.name(), q.qtype()), null);
    return new Step.Next(QueryState.QUERY_RESPONSE);
  }

  /** Sends the query to {@code address}; {@code retry} when that server gave no reply to an earlier one. */
  private Step send(Query q, InetAddress address, boolean retry) {
    if (!q.budget().trySpendQuery()) {
      return budgetExceeded(q);
    }
    q.delegation().markSent(address);
    InetSocketAddress server = q.delegation().socketAddress(address, context.config.upstreamPort());
    int ednsPayloadSize = context.selector.speaksEdns(address) ? context.config.ednsPayloadSize() : 0;
    boolean forwarding = q.delegation().forwarding();
    Name asked = Minimisation.nextName(q, q.delegation().zone(), context.config.qnameMinimisation() && !forwarding);
    int askedType = Minimisation.typeFor(q, asked, context.config.minimisedQuestionType());
    Message query = Queries.query(asked, askedType, ednsPayloadSize, forwarding, context.validating());
    long ceilingNanos = Math.min(q.budget().limits().queryTimeout().toNanos(), q.budget().remainingNanos());
    long waitNanos = context.selector.timeoutNanos(address, ceilingNanos);
    q.exchanges().expectReply(new ZoneExchanges.Exchange(server, asked, askedType, ednsPayloadSize > 0,
        context.ticker.read(), waitNanos));
    // The exchange is recorded under the server's own address, which the delegation and the server
    // selection know it by; the datagram goes where it is reached (NAT64).
    InetSocketAddress reached = new InetSocketAddress(context.reach(address), server.getPort());
    // over TCP a connection's set-up and the query are two round trips; a reply nobody waits for
    // (the root's priming beside a walk, a refresh) is read once no other reply is due
    CompletableFuture<Message> reply = q.delegation().overTcp()
        ? context.transport.exchangeOverTcp(reached, query, Duration.ofNanos(Math.min(ceilingNanos, 2 * waitNanos)))
        : q.isBackground() && !q.awaited()
            ? DefaultTransport.exchangeUnhurried(context.transport, reached, query, Duration.ofNanos(waitNanos))
            : context.transport.exchange(reached, query, Duration.ofNanos(waitNanos));
    // an earlier attempt at the question whose wait ran out may still answer first (LateReplies)
    CompletableFuture<Message> first = q.exchanges().firstReply(reply, q.delegation());
    q.budget().awaiting(first);
    Step.Await await = new Step.Await(context.metrics.exchange(server, q.delegation().zone(), asked, askedType, retry,
        first), (message, error) -> {
          context.metrics.exchangeEnded(error);
          q.exchanges().replied(message, error, ReplyFuture.udpLegNanos(reply));
        }, QueryState.QUERY_RESPONSE);
    q.afterSend().run(); // on its way: the last reply's caching and bookkeeping overlap the server's work
    return await;
  }

  private static Step budgetExceeded(Query q) {
    return q.fail(FailureReason.QUERY_BUDGET_EXCEEDED, "sent " + q.budget().queriesSent()
        + " upstream queries, the limit, before " + q.name() + " was resolved");
  }

  /** The best unused address the upstream filter allows; refused ones are used up and reported. */
  private InetAddress nextAllowedAddress(Query q) {
    while (true) {
      List<InetAddress> unused = q.delegation().unusedAddresses();
      if (unused.isEmpty()) {
        return null;
      }
      // A server lame for this zone lately is asked only when no other is left.
      List<InetAddress> notLame = context.selector.notLame(unused, q.delegation().zone(), context.ticker.read());
      InetAddress best = context.selector.choose(notLame.isEmpty() ? unused : notLame);
      if (!context.allowed(best)) {
        q.delegation().markUsed(best);
        q.journal().report(new Diagnostic(Diagnostic.Oddity.UPSTREAM_NOT_ALLOWED, q.delegation().zone(),
            best.getHostAddress() + " is not allowed by the upstream filter ("
                + context.config.upstreamFilterDescription() + ")"));
      } else if (admitted(q, best)) {
        return best;
      }
    }
  }

  /**
   * Whether {@code address} may be asked now: not when it is marked down, unless this query is its
   * probe ({@link org.dnschase.resolver.internal.servers.ServerSelector#admits}); one that is not
   * is set aside for the rest of the delegation, and named if the zone fails.
   */
  private boolean admitted(Query q, InetAddress address) {
    long now = context.ticker.read();
    // the probe's longest wait: a truncated reply's question asked over TCP takes twice the ceiling more
    if (context.selector.admits(address, now, 3 * q.budget().limits().queryTimeout().toNanos())) {
      return true;
    }
    q.delegation().markDown(address, context.selector.whyDown(address, now));
    return false;
  }

  private Step lookUpNameServer(Query q) {
    Optional<Name> next = q.delegation().nextNameToLookUp(context::allowed).or(() -> inZoneLastResort(q));
    if (next.isEmpty()) {
      return delegationUsedUp(q);
    }
    Name nameServer = next.get();
    Name zone = q.delegation().zone();
    Optional<String> overLimit = gluelessLimit(q);
    if (overLimit.isPresent()) {
      return parentSideFallback(q)
          .orElseGet(() -> retryOr(q, () -> q.fail(FailureReason.GLUELESS_LIMIT, overLimit.get())));
    }
    q.delegation().startLookUp(nameServer, q.budget().queriesSent());
    if (q.depth() + 1 > q.budget().limits().maxDepth()) {
      return retryOr(q, () -> q.fail(FailureReason.DEPTH_LIMIT, "looking up name server " + nameServer
          + " of " + zone + " would nest deeper than " + q.budget().limits().maxDepth()));
    }
    Optional<String> known = recentFailures.cycleFor(nameServer, Type.A);
    if (known.isPresent()) {
      q.delegation().noteCycle(known.get());
      return new Step.Next(QueryState.QUERY_TARGETS);
    }
    Optional<NameServerCycle> cycle = NameServerCycle.through(q, nameServer, zone);
    if (cycle.isPresent()) {
      recentFailures.remember(cycle.get().nameServers(), Type.A, FailureReason.CYCLIC_DEPENDENCY,
          cycle.get().description());
      q.delegation().noteCycle(cycle.get().description());
      return new Step.Next(QueryState.QUERY_TARGETS);
    }
    return lookUp(q, nameServer);
  }

  /**
   * Unbound's parent-side fallback: a delegation read from the cache (the child's own NS set, which
   * replaced its parent's) whose name servers reached the look-up limit (its NXNS fallback), or all
   * failed (its last resort), is asked of the parent zone again: the referral's servers, with its
   * glue, may work where the child's names do not resolve or depend on themselves. The referral's
   * delegation is never read from the cache, so this happens once per zone and question; the
   * look-up limits hold throughout. Empty when there is no such parent side.
   */
  private Optional<Step> parentSideFallback(Query q) {
    Delegation delegation = q.delegation();
    if (!delegation.readFromCache() || delegation.configuredZone() != null || delegation.zone().equals(Name.root)) {
      return Optional.empty();
    }
    return Optional.of(fetchAgainFromParent(q));
  }

  /**
   * An in-zone name server without glue to look up once nothing else is left (Unbound's
   * fetch_glue); never one this query or an enclosing one is looking up already: that would be
   * the same look-up again, not a cyclic dependency to remember.
   */
  private Optional<Name> inZoneLastResort(Query q) {
    Delegation delegation = q.delegation();
    Optional<Name> name = delegation.nextInZoneNameToLookUp(context::allowed);
    while (name.isPresent() && NameServerCycle.through(q, name.get(), delegation.zone()).isPresent()) {
      delegation.markLookedUp(name.get());
      name = delegation.nextInZoneNameToLookUp(context::allowed);
    }
    return name;
  }

  /**
   * Why no further name-server look-up may start (NXNSAttack): a referral may name any number of
   * glueless servers that do not resolve, and each look-up costs queries to someone.
   */
  private static Optional<String> gluelessLimit(Query q) {
    int perDelegation = q.budget().limits().maxGluelessPerDelegation();
    if (q.delegation().lookUps() >= perDelegation) {
      return Optional.of("looked up " + q.delegation().lookUps() + " of the " + q.delegation().nameServers().size()
          + " name servers of " + q.delegation().zone() + ", the limit of " + perDelegation
          + " per delegation, without a usable answer for " + q.name());
    }
    int failed = q.budget().failedGlueless();
    if (failed >= q.budget().limits().maxFailedGlueless()) {
      // a priming that ran beside the resolution brings its failures only when it ends: the count may pass the limit
      return Optional.of(failed + " name-server look-ups failed in this resolution (a priming it joined included),"
          + " and none starts once " + q.budget().limits().maxFailedGlueless() + " have, before a server of "
          + q.delegation().zone() + " answered for " + q.name());
    }
    return Optional.empty();
  }

  /**
   * Asks again a server whose last exchange brought no reply, once no fresh server and no
   * name-server look-up is left, else ends as {@code otherwise}: a lost datagram, or a burst of
   * them, must not fail the resolution while the deadline and the query budget allow more. The
   * candidate with the lowest estimate goes first; each timeout doubled its estimate, so a server
   * that keeps failing sinks behind one that lost a single reply, and waits longer each time
   * (Unbound's retries, up to {@link org.dnschase.resolver.Budgets#maxAttemptsPerServer()} per address).
   */
  private Step retryOr(Query q, Supplier<Step> otherwise) {
    while (true) {
      List<InetAddress> retryable = q.delegation().retryableAddresses();
      if (retryable.isEmpty()) {
        return otherwise.get();
      }
      InetAddress again = context.selector.choose(retryable);
      if (admitted(q, again)) {
        return send(q, again, true);
      }
    }
  }

  /**
   * Every server and name-server name of the delegation is used up: tries the addresses parent
   * zones gave as glue where the child's own replaced them, then asks the parent zone for the
   * delegation again where that could help, then asks again the servers that brought no reply,
   * then uses the reply kept as the zone's last resort, then asks the parent zone for a cached
   * delegation whose name servers' names were looked up in vain ({@link #parentSideFallback}), else
   * says why, a cycle first.
   */
  private Step delegationUsedUp(Query q) {
    for (Name nameServer : q.delegation().nameServers()) {
      q.delegation().addAddresses(nameServer, context.parentSideGlue.addressesOf(nameServer));
    }
    if (!q.delegation().unusedAddresses().isEmpty()) {
      return new Step.Next(QueryState.QUERY_TARGETS);
    }
    if (q.delegation().worthFetchingAgain(context::allowed)) {
      return fetchAgainFromParent(q);
    }
    return retryOr(q, () -> allFailed(q));
  }

  private Step allFailed(Query q) {
    if (q.hasLastResort()) {
      return new Step.Next(QueryState.LAST_RESORT);
    }
    ConfiguredZones.Zone configured = q.delegation().configuredZone();
    if (configured != null && configured.first()) {
      return q.walkFrom(context.zones.fallBack(context.cache, q.name(), configured));
    }
    // Servers whose names did not resolve (or depend on themselves) may have glue at the parent;
    // servers reached at their addresses that failed have nothing more to give there.
    Optional<Step> parentSide = q.delegation().anyNameLookedUp() ? parentSideFallback(q) : Optional.empty();
    if (parentSide.isPresent()) {
      return parentSide.get();
    }
    if (q.delegation().cycle() != null) {
      recentFailures.remember(List.of(q.name()), q.qtype(), FailureReason.CYCLIC_DEPENDENCY, q.delegation().cycle());
      return q.failOnCycle("the name servers of " + q.delegation().zone()
          + " depend on themselves: " + q.delegation().cycle());
    }
    return q.fail(FailureReason.ALL_SERVERS_FAILED, "no server of " + q.delegation().zone()
        + " gave a usable answer for " + q.name() + " (" + (configured != null ? configured
            : "name servers: " + q.delegation().nameServers()) + ")"
        + (q.delegation().down() == null ? "" : "; " + q.delegation().down()));
  }

  /**
   * The last resort for a cached delegation whose in-zone glue expired while its other servers
   * fail, or whose servers fail altogether: the walk goes on from the closest cut above the zone,
   * a configured zone's or a cached one, whose referral brings the parent's servers and glue back
   * (the referral's delegation is never fetched again, so this ends).
   */
  private Step fetchAgainFromParent(Query q) {
    return q.walkFrom(context.zones.closestCut(context.cache, new Name(q.delegation().zone(), 1)));
  }

  /** Looks up the address of {@code nameServer} as a child query, the A first. */
  private static Step lookUp(Query q, Name nameServer) {
    return new Step.Spawn(nameServer, Type.A, q.delegation().zone(), QueryState.NAME_SERVER_ADDRESS);
  }
}
