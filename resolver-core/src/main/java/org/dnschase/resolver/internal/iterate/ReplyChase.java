package org.dnschase.resolver.internal.iterate;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.dnschase.resolver.BogusReason;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.TrustRank;
import org.dnschase.resolver.internal.chase.RuleDiagnostics;
import org.dnschase.resolver.internal.dnssec.Verdict;
import org.dnschase.resolver.internal.message.RRsets;
import org.dnschase.resolver.internal.reply.Proofs;
import org.dnschase.resolver.internal.reply.ScrubbedReply;
import org.dnschase.resolver.internal.servers.ZoneCuts;
import org.dnschase.resolver.rules.AliasRule;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * Follows a CNAME/DNAME chain inside one reply. Scrubbing already limited the reply to the asked zone,
 * so every hop it holds is the zone's own data, down to the zone cuts we know below it: an in-zone
 * chain of N hops costs one query. Each hop goes through the chain's loop and limit checks. Where
 * the chain leaves the reply (or enters a known child zone), the walk restarts at the last target,
 * cache first; where it ends inside the zone with an authoritative NXDOMAIN or NODATA, that is the
 * outcome (RFC 6604 §3: the rcode belongs to the last name).
 */
final class ReplyChase {

  private final ResolverContext context;

  ReplyChase(ResolverContext context) {
    this.context = context;
  }

  /** Follows the chain; {@code validation} holds the verdicts on the reply's RRsets, null without validation. */
  Step follow(Query q, ScrubbedReply reply, InetSocketAddress server, Name zone, ReplyValidation validation) {
    TrustRank rank = RRsetAcceptance.answerRank(reply);
    Hop.Source source = new Hop.Source.Server(server);
    while (true) {
      Step next = nextHop(q, reply, zone, rank, source, validation);
      if (next == null) {
        return endOfChain(q, reply, zone, rank, validation);
      }
      if (q.outcome() != null || belowKnownCut(q.name(), zone) || parentSide(q, zone)) {
        return next;
      }
      RRset alias = reply.dnameAbove(q.name());
      if (alias == null && isAlias(q, reply)) {
        alias = reply.answer(q.name(), Type.CNAME);
      }
      RRset data = alias != null ? alias : reply.answer(q.name(), q.qtype());
      if (provesLessThanChain(q, validation, data)) {
        return next;
      }
      if (alias == null && data != null && reply.rcode() == Rcode.NXDOMAIN) {
        // RFC 6604 §3: the NXDOMAIN speaks for the chain's last name, which the data contradicts;
        // the rcode is taken, as for the name asked (ResponseClassifier)
        q.journal().report(new Diagnostic(Diagnostic.Oddity.NXDOMAIN_WITH_DATA, q.name(), source + " answered "
            + "NXDOMAIN for the chain's end " + q.name() + " with its " + Type.string(q.qtype()) + " RRset: taken as NXDOMAIN"));
        return endOfChain(q, reply, zone, rank, validation);
      }
      if (alias == null && data != null) {
        Outcome.Data outcome = Outcome.Data.fromReply(RRsetAcceptance.used(context, validation, data), source, reply);
        Step bogus = RRsetAcceptance.accept(context, q, outcome, rank, validation);
        return bogus != null ? bogus : q.finish(outcome);
      }
    }
  }

  /**
   * Whether the reply's CNAME at the current name is to be followed: not for an ANY question,
   * which the CNAME itself answers (RFC 1034 §4.3.2 step 3a).
   */
  private static boolean isAlias(Query q, ScrubbedReply reply) {
    return q.qtype() != Type.ANY && reply.answer(q.name(), Type.CNAME) != null;
  }

  /**
   * RFC 2181 §5.4.1: of a reply to a name that is an alias, only the alias is necessarily the
   * server's authoritative data; what it adds for the alias's target may come from its cache, and
   * "where authoritative answers are required, the client should query again, using the canonical
   * name". A validating resolver requires data proven as well as the chain that leads to it, so a
   * target's RRset that validation found weaker than the chain so far (an unsigned A after a signed
   * DNAME, or data of a zone cut below we do not know of) is not taken from this reply: the target
   * is asked again, cache first, of its own servers, as Unbound asks every target.
   */
  private static boolean provesLessThanChain(Query q, ReplyValidation validation, RRset data) {
    if (validation == null || data == null) {
      return false;
    }
    Verdict chain = q.validation().verdict();
    return chain.weakest(validation.of(data)).status() != chain.status();
  }

  /** Takes the alias the reply holds for the current name, or returns null when it holds none. */
  private Step nextHop(Query q, ScrubbedReply reply, Name zone, TrustRank rank, Hop.Source source,
      ReplyValidation validation) {
    RRset dname = RRsetAcceptance.used(context, validation, reply.dnameAbove(q.name()));
    if (dname != null) {
      // the aliases cached so far first: a DNAME's look-ups (a CNAME beside it) and reports follow theirs
      q.afterSend().run();
      // RFC 6672 §5.3.1: the synthesised CNAME is as good as the DNAME it comes from
      Step bogus = RRsetAcceptance.accept(context, q, dname, rank, validation);
      if (bogus != null) {
        return bogus;
      }
      Optional<Hop> hop = Hops.dname(q.name(), dname, zone, source);
      if (hop.isEmpty()) {
        return q.failTooLong(dname);
      }
      Step forged = checkSynthesis(q, reply, hop.get(), source, validation != null && validation.of(dname) == Verdict.SECURE);
      if (forged != null) {
        return forged;
      }
      reportCoOwnedAlias(q, dname.getName(), Type.CNAME, source);
      return answeredBySynthesis(q.qtype()) ? answerWithSynthesis(q, hop.get(), source) : q.restart(hop.get());
    }
    if (!isAlias(q, reply)) {
      return null;
    }
    RRset alias = RRsetAcceptance.used(context, validation, reply.answer(q.name(), Type.CNAME));
    q.journal().reportAll(RuleDiagnostics.checkCname(q.name(), zone, reply.answerAt(q.name()), source));
    reportCoOwnedAlias(q, q.name(), Type.DNAME, source);
    List<Record> proof = Proofs.wildcard(reply, alias);
    // Cached once the next query has left, unless the target lies below the alias: the walk at the
    // target reads the cache at the target and its ancestors, and never at the alias's owner then.
    boolean afterSend = !RRsets.cnameTarget(alias).subdomain(q.name());
    Step bogus = RRsetAcceptance.accept(context, q, alias, proof, rank, validation, afterSend);
    if (bogus != null) {
      return bogus;
    }
    // RFC 4035 §3.1.3: the reply's NSEC and NSEC3 records go with the alias, proving what they
    // prove of its target (a wildcard expansion, an unsigned delegation on the way to it)
    q.validation().noteHopProof(Proofs.denials(reply));
    Hop hop = Hops.cname(q.name(), alias, zone, source);
    if (validation != null && validation.of(alias) == Verdict.SECURE) {
      keepInsecureCuts(validation, alias.sigs().get(0).getSigner(), hop.target());
    }
    return q.restart(hop);
  }

  /**
   * Keeps what the reply's SECURE NSEC or NSEC3 records of {@code zone}, which signed the alias,
   * prove of the cuts between it and the alias's {@code target}: a delegation without DS is an
   * unsigned zone (RFC 4035 §5.2), whose data is INSECURE when the target's answer comes from the
   * same servers, as Referrals keeps it from a referral.
   */
  private void keepInsecureCuts(ReplyValidation validation, Name zone, Name target) {
    for (int strip = target.labels() - zone.labels() - 1; strip >= 0 && target.subdomain(zone); strip--) {
      Name cut = strip == 0 ? target : new Name(target, strip);
      if (context.keys.lookup(cut) != null) {
        continue;
      }
      ReplyValidation.DelegationKeys keys = validation.delegation(zone, cut, context.denials);
      if (keys != null && keys.ds() == null) {
        context.keys.store(keys.entry(), keys.ttl());
        return;
      }
    }
  }

  /**
   * Whether a question of {@code qtype} under a DNAME is answered by the CNAME synthesised from
   * it: a CNAME question (RFC 6672 §3.1), and an ANY question, which matches the CNAME as it
   * matches one at an alias (RFC 1034 §4.3.2 step 3a), whatever the target owns.
   */
  static boolean answeredBySynthesis(int qtype) {
    return qtype == Type.CNAME || qtype == Type.ANY;
  }

  /**
   * RFC 6672 §3.1: a CNAME question under a DNAME is answered by the CNAME synthesised from it,
   * after the DNAME hop that vouches for it (§5.3.1: the synthesis is never signed itself); the
   * target is not followed.
   */
  static Step answerWithSynthesis(Query q, Hop synthesis, Hop.Source source) {
    Name owner = q.name();
    Step restarted = q.restart(synthesis);
    if (q.outcome() != null) {
      return restarted; // a loop or the hop limit
    }
    RRset cname = new RRset(new CNAMERecord(owner, DClass.IN, synthesis.ttl().toSeconds(), synthesis.target()));
    return q.finish(new Outcome.Data(cname, source));
  }

  /**
   * RFC 4035 §3.1.4.1: the DS RRset at a zone's apex is its parent's data. A chain that reaches the
   * apex of the zone that answered with a DS question goes on at the parent's servers: what the
   * zone's reply holds there, a NODATA as a rule, speaks for the child side only.
   */
  private static boolean parentSide(Query q, Name zone) {
    return q.qtype() == Type.DS && q.name().equals(zone);
  }

  /**
   * Whether the cache knows a zone cut strictly between {@code zone} and {@code name}: then the
   * name belongs to that child zone, and its servers, not this reply, speak for it.
   */
  private boolean belowKnownCut(Name name, Name zone) {
    Name cut = ZoneCuts.enclosingZone(context.cache, name);
    return !cut.equals(zone) && cut.subdomain(zone);
  }

  /**
   * RFC 6672 §2.4: a name may not own both a CNAME and a DNAME. A reply rarely shows both, so the
   * other one is looked for in the cache, where an earlier reply may have left it.
   */
  private void reportCoOwnedAlias(Query q, Name owner, int otherType, Hop.Source source) {
    if (context.cache.lookup(owner, otherType, DClass.IN) instanceof CacheLookup.Hit) {
      q.journal().report(new Diagnostic(AliasRule.CNAME_AND_DNAME, owner, owner
          + " owns both a CNAME and a DNAME (the " + Type.string(otherType) + " was cached earlier, the other came from "
          + source + ")"));
    }
  }

  /**
   * RFC 6672 §3.2: the CNAME a server puts beside a DNAME must be the DNAME's; ours is used. When
   * the DNAME is SECURE, a reply whose unsigned CNAME contradicts it is forged or broken: the DNAME
   * stays cached as validated, but this answer is BOGUS (as Unbound finds it); the step that ends
   * the query so, or null.
   */
  private static Step checkSynthesis(Query q, ScrubbedReply reply, Hop synthesised, Hop.Source source,
      boolean secureDname) {
    RRset given = reply.answer(q.name(), Type.CNAME);
    if (given == null || RRsets.cnameTarget(given).equals(synthesised.target())) {
      return null;
    }
    String detail = source + " sent " + q.name() + " CNAME " + RRsets.cnameTarget(given) + " but the DNAME gives "
        + synthesised.target();
    q.journal().report(new Diagnostic(Diagnostic.Oddity.DNAME_SYNTHESIS_MISMATCH, q.name(),
        detail + "; the DNAME's was used"));
    return secureDname ? q.useVerdict(Verdict.bogus(BogusReason.NO_SIGNATURE, "the unsigned CNAME contradicts its "
        + "signed DNAME: " + detail)) : null;
  }

  private Step endOfChain(Query q, ScrubbedReply reply, Name zone, TrustRank rank, ReplyValidation validation) {
    SOARecord soa = RRsets.soa(reply.authority(Type.SOA));
    boolean provenHere = reply.authoritative() && q.name().subdomain(zone) && soa != null
        && q.name().subdomain(soa.getName());
    if (!provenHere || (reply.rcode() != Rcode.NXDOMAIN && reply.rcode() != Rcode.NOERROR)) {
      return new Step.Next(QueryState.INIT);
    }
    boolean nxDomain = reply.rcode() == Rcode.NXDOMAIN;
    Verdict verdict = QueryResponseStep.negativeVerdict(context, q.name(), q.qtype(), zone, nxDomain, validation);
    if (verdict.isBogus()) {
      // a proof that fails for the chain's last name may answer another question (a server that
      // matched the name alone): that name is asked of its servers, as Unbound always does
      return new Step.Next(QueryState.INIT);
    }
    Step bogus = q.useVerdict(verdict);
    if (bogus != null) {
      return bogus;
    }
    Outcome.Negative outcome = Outcome.Negative.fromReply(nxDomain, soa, reply);
    QueryResponseStep.cacheNegative(context, q.name(), q.qtype(), nxDomain, soa, outcome.proof(), rank, verdict);
    return q.finish(outcome);
  }
}
