package org.dnschase.resolver.internal.iterate;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.internal.chase.Chain;
import org.dnschase.resolver.internal.servers.Delegation;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * The state of one query, in three groups: the chase (name asked, current name, chain), the walk
 * (state, delegation, referrals, the exchange in flight) and the shared counters (budget,
 * journal). Handlers change it; nothing is kept in lambda captures.
 */
final class Query {

  final int id;
  final Name qname;
  final int qtype;
  /** 0 for the resolution asked by the user; +1 for each nested name-server look-up. */
  final int depth;
  final Budget budget;
  final Journal journal;
  final Chain chain;
  /** The query this one looks up a name server for, null for a top-level query. */
  final Query parent;
  /** The zone whose name server this query looks up, null unless it is such a look-up. */
  final Name forZone;

  Name name;
  QueryState state = QueryState.INIT;
  Delegation delegation;
  int referrals;
  boolean primeAttempted;

  /** Whether this query still minimises (RFC 9156); a relaxed fallback turns it off. */
  boolean minimising = true;
  /** The deepest name on the way to {@code name} below which the servers asked need the full name. */
  Name provenAbove;

  InetSocketAddress server;
  Name sentName;
  int sentType;
  boolean sentWithEdns;
  long sentAtNanos;
  Message reply;
  Throwable error;

  Outcome outcome;
  /** A prefetch's refresh: nobody waits for its outcome, so it is never given a stale answer. */
  boolean refresh;

  Query(int id, Name qname, int qtype, int depth, Budget budget, Journal journal) {
    this(id, qname, qtype, depth, budget, journal, null, null);
  }

  private Query(int id, Name qname, int qtype, int depth, Budget budget, Journal journal,
      Query parent, Name forZone) {
    this.parent = parent;
    this.forZone = forZone;
    this.id = id;
    this.qname = qname;
    this.qtype = qtype;
    this.depth = depth;
    this.budget = budget;
    this.journal = journal;
    this.chain = new Chain(qname);
    this.name = qname;
  }

  /** A name-server look-up on behalf of this query, sharing its budget and journal. */
  Query child(int childId, Name nameServer, int type) {
    return new Query(childId, nameServer, type, depth + 1, budget, journal, this, null);
  }

  /** A look-up of the address of {@code nameServer}, a name server of {@code zone}. */
  Query nameServerLookup(int childId, Name nameServer, int type, Name zone) {
    return new Query(childId, nameServer, type, depth + 1, budget, journal, this, zone);
  }

  /** A cyclic dependency: the name servers on it, and the look-ups as "name (for zone) -> ...". */
  record Cycle(List<Name> nameServers, String description) {}

  /**
   * The cycle closed by looking up {@code nameServer} for {@code zone} from this query, when an
   * enclosing look-up already looks up that name: the new look-up would need itself (tsuNAME).
   */
  Optional<Cycle> cycleThrough(Name nameServer, Name zone) {
    ArrayDeque<String> path = new ArrayDeque<>();
    ArrayDeque<Name> names = new ArrayDeque<>();
    path.addFirst(nameServer + " (for " + zone + ")");
    for (Query ancestor = this; ancestor != null; ancestor = ancestor.parent) {
      if (ancestor.forZone == null) {
        continue;
      }
      path.addFirst(ancestor.qname + " (for " + ancestor.forZone + ")");
      names.addFirst(ancestor.qname);
      if (ancestor.qname.equals(nameServer) && ancestor.qtype == Type.A) {
        return Optional.of(new Cycle(List.copyOf(names), String.join(" -> ", path)));
      }
    }
    return Optional.empty();
  }

  /**
   * The one restart path: records the hop and starts the walk afresh at its target (new name,
   * no delegation, referral count reset). Returns the next step, FINISHED when the chain refused
   * the hop (a loop, or the hop limit).
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
    return new Step.Next(QueryState.INIT);
  }

  void expectReply(InetSocketAddress target, Name askedName, int askedType, long nowNanos) {
    server = target;
    sentName = askedName;
    sentType = askedType;
    sentAtNanos = nowNanos;
    reply = null;
    error = null;
  }

  /** Stores what the transport delivered; called on the transport's thread before the driver resumes. */
  Void replied(Message message, Throwable failure) {
    reply = message;
    error = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    return null;
  }

  Step finish(Outcome result) {
    outcome = result;
    return new Step.Next(QueryState.FINISHED);
  }

  Step fail(FailureReason reason, String detail) {
    return finish(new Outcome.Failed(reason, detail));
  }

  /** RFC 6672 §2.2: {@code dname} would rewrite the name past 255 octets. */
  Step failTooLong(RRset dname) {
    return finish(new Outcome.Failed(FailureReason.YXDOMAIN, Hops.yxDomainDetail(name, dname), dname.first()));
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
