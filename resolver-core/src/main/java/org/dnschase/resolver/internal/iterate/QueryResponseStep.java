package org.dnschase.resolver.internal.iterate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.TraceEvent;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.TrustRank;
import org.dnschase.resolver.cache.ValidationStatus;
import org.dnschase.resolver.internal.chase.RuleDiagnostics;
import org.dnschase.resolver.internal.dnssec.KeyEntry;
import org.dnschase.resolver.internal.dnssec.Verdict;
import org.dnschase.resolver.internal.message.RRsets;
import org.dnschase.resolver.internal.message.Sections;
import org.dnschase.resolver.internal.reply.Bailiwick;
import org.dnschase.resolver.internal.reply.Proofs;
import org.dnschase.resolver.internal.reply.ResponseClassifier;
import org.dnschase.resolver.internal.reply.ResponseType;
import org.dnschase.resolver.internal.reply.ScrubbedReply;
import org.dnschase.resolver.internal.servers.DelegationGrants;
import org.dnschase.resolver.internal.transport.ReplyFuture;
import org.dnschase.resolver.internal.transport.StillListening;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * {@link QueryState#QUERY_RESPONSE}: scrubs the reply to the zone's bailiwick, classifies it
 * once, has an answer, alias or negative answer validated first when the resolver validates
 * ({@link QueryState#VALIDATE}), caches what it proves at the rank it deserves (RFC 2181 §5.4.1)
 * with its verdict, and decides where to go.
 */
final class QueryResponseStep {

  private final ResolverContext context;
  private final ReplyChase chase;
  private final Referrals referrals;

  /** @param keyPrefetch starts a query of its own for a zone's DNSKEY RRset (Unbound's prefetch-key) */
  QueryResponseStep(ResolverContext context, Consumer<Name> keyPrefetch) {
    this.context = context;
    this.chase = new ReplyChase(context);
    this.referrals = new Referrals(context, keyPrefetch);
  }

  Step handle(Query q) {
    ZoneExchanges.Exchange sent = q.exchanges().last();
    InetSocketAddress server = sent.server();
    long rttNanos = context.ticker.read() - sent.sentAtNanos();
    Throwable error = q.exchanges().error();
    Message received = q.exchanges().reply();
    if (error == null && received.getHeader().getFlag(Flags.TC)) {
      // RFC 2181 §9: a truncated reply is not the server's whole answer; a transport hands one on
      // only when it could not get the rest (TC again over TCP, or no TCP), so the exchange failed.
      error = new IOException("truncated reply (TC=1) from " + server + " and no complete one");
    }
    if (error != null) {
      return exchangeFailed(q, error, server, rttNanos);
    }
    Name zone = q.delegation().zone();
    if (sent.withEdns() && rejectsEdns(received.getRcode())) {
      return retryWithoutEdns(q, sent, zone, rttNanos);
    }
    // an auth zone's own data is what the user configured: its private addresses are meant
    ScrubbedReply reply = Bailiwick.scrub(q.delegation().localAnswers() != null ? received
        : context.config.privateAddresses().filter(received), zone,
        context.cache.ttlCaps(), q.budget().limits().maxNameServers());
    ResponseType type = q.delegation().forwarding() ? ResponseClassifier.classifyForwarded(reply, sent.name(), sent.type())
        : ResponseClassifier.classify(reply, sent.name(), sent.type(), zone);
    // a reply asked again over TCP after a truncated one: the server's round trip is its UDP leg's,
    // as Unbound measures it, not the connection's set-up and query on top (RFC 7766 says nothing)
    long udpLegNanos = q.exchanges().udpLegNanos();
    context.selector.recordRtt(server.getAddress(),
        udpLegNanos == ReplyFuture.NOT_TRUNCATED ? rttNanos : udpLegNanos);
    if (q.journal().tracing()) { // every reply passes here: untraced, it allocates nothing and takes no lock
      q.journal().trace(new TraceEvent.Exchange(server, zone, sent.name(), sent.type(), describe(type, reply),
          Duration.ofNanos(rttNanos)));
    }
    if (reply.dropped() > 0) {
      reportDropped(q, reply.droppedByReason(), server, zone);
    }
    if (ResponseClassifier.withDataDenied(reply, type, sent.name(), sent.type())) {
      q.journal().report(new Diagnostic(Diagnostic.Oddity.NXDOMAIN_WITH_DATA, sent.name(), server + " answered "
          + "NXDOMAIN for " + sent.name() + " with its " + Type.string(sent.type()) + " RRset: taken as NXDOMAIN"));
    }
    if (!q.delegation().forwarding() && ResponseClassifier.onlyAsLastResort(reply, type)) {
      return keepAsLastResort(q, reply, type, server, zone);
    }
    return respond(q, reply, type);
  }

  /**
   * {@link QueryState#LAST_RESORT}: no other server of the zone gave a better reply than the one
   * kept as its last resort, which is used now.
   */
  Step lastResort(Query q) {
    LastResort kept = q.exchanges().takeLastResort();
    return respond(q, kept.reply(), kept.type());
  }

  /** Goes on with a reply to the exchange {@link ZoneExchanges#last()}, scrubbed and classified. */
  private Step respond(Query q, ScrubbedReply reply, ResponseType type) {
    ZoneExchanges.Exchange sent = q.exchanges().last();
    InetSocketAddress server = sent.server();
    Name zone = q.delegation().zone();
    if (!sent.name().equals(q.name())) {
      Step minimised = Minimisation.afterReply(q, type, context.validating() && q.validation().enabled());
      if (minimised != null) {
        return minimised;
      }
    }
    return switch (type) {
      case ANSWER, CNAME, DNAME, NXDOMAIN, NODATA -> context.validating() && q.validation().enabled()
          && !(type == ResponseType.ANSWER && q.qtype() == Type.RRSIG) ? q.validate(reply, type) : use(q, reply, type, null);
      case REFERRAL -> context.validating() && q.validation().enabled() && ReplyValidation.provesDelegation(reply)
          ? q.validate(reply, type) : referrals.follow(q, reply, null);
      case LAME -> lame(q, reply, server, zone);
      case THROWAWAY -> throwaway(q, reply, server, zone);
    };
  }

  /** Goes on with the reply {@link ValidateStep} gave every RRset of a verdict. */
  Step afterValidation(Query q) {
    ReplyValidation validation = q.validation().take();
    if (validation.bogusFromServer(q.exchanges().last().name()) && !q.exchanges().usingLastResort()
        && !q.delegation().forwarding() && !q.options().checkingDisabled()) {
      return bogusFromServer(q, validation);
    }
    return use(q, validation.reply(), validation.type(), validation);
  }

  /**
   * A server whose data for a signed zone was BOGUS in a way that may be its own fault (DNSSEC-lame:
   * it serves an unsigned copy or strips the signatures; or a stale copy whose signatures expired
   * or were made by retired keys) is asked last for the zone, and its reply is kept as the last
   * resort while the zone's other servers are asked, as Unbound does before it finds the data BOGUS.
   */
  private Step bogusFromServer(Query q, ReplyValidation validation) {
    InetSocketAddress server = q.exchanges().last().server();
    Name zone = q.delegation().zone();
    context.selector.recordLame(zone, server.getAddress(), context.ticker.read());
    q.journal().report(new Diagnostic(Diagnostic.Oddity.LAME_SERVER, zone, server + " answered " + q.name()
        + " in the signed zone " + zone + " with data that does not validate (DNSSEC-lame or stale): its other servers first"));
    return q.keepAsLastResort(validation.reply(), validation.type());
  }

  /**
   * Uses an answer, alias or negative answer: {@code validation} holds the verdicts on its
   * RRsets, or is null when the resolver does not validate.
   */
  private Step use(Query q, ScrubbedReply reply, ResponseType type, ReplyValidation validation) {
    InetSocketAddress server = q.exchanges().last().server();
    Name zone = q.delegation().zone();
    return switch (type) {
      case ANSWER -> answer(q, reply, server, validation);
      case CNAME, DNAME -> chase.follow(q, reply, server, zone, validation);
      case NXDOMAIN -> negative(q, reply, true, validation);
      case NODATA -> negative(q, reply, false, validation);
      case REFERRAL -> referrals.follow(q, reply, validation);
      default -> throw new IllegalStateException(type + " is not validated");
    };
  }

  /**
   * The verdict on the reply of {@code zone}'s server with a negative answer for ({@code name},
   * {@code type}): INDETERMINATE where the resolver does not validate.
   */
  static Verdict negativeVerdict(ResolverContext context, Name name, int type, Name zone, boolean nxDomain,
      ReplyValidation validation) {
    if (validation == null) {
      return Verdict.INDETERMINATE;
    }
    return belowInsecureCut(context, name, type, zone) ? Verdict.INSECURE
        : validation.negative(name, type, nxDomain, context.denials);
  }

  /**
   * Whether {@code name} lies in an unsigned zone below the zone asked, proven so (a cut without
   * DS, RFC 4035 §5.2) by an earlier reply of the signed parent: the parent's server that also
   * serves the child speaks for it, unsigned. Not the DS at that cut, which is the parent's.
   */
  private static boolean belowInsecureCut(ResolverContext context, Name name, int type, Name zone) {
    for (Name at = name; at.subdomain(zone) && !at.equals(zone); at = new Name(at, 1)) {
      KeyEntry closest = context.keys.lookup(at); // the closest known keys (an anchor's too) decide
      if (closest != null) {
        return closest instanceof KeyEntry.Untrusted untrusted && untrusted.verdict() == Verdict.INSECURE
            && !(type == Type.DS && at.equals(name));
      }
    }
    return false;
  }

  /** {@code copy}, a copy of {@code rrset} of the reply with another TTL, given the verdict on it. */
  private static RRset sameVerdict(ReplyValidation validation, RRset rrset, RRset copy) {
    if (validation != null && copy != rrset) {
      validation.carryVerdict(rrset, copy);
    }
    return copy;
  }

  private static void reportDropped(Query q, Bailiwick.Dropped dropped, InetSocketAddress server, Name zone) {
    if (dropped.outOfZone() > 0) {
      q.journal().report(new Diagnostic(Diagnostic.Oddity.OUT_OF_BAILIWICK_DROPPED, q.name(), dropped.outOfZone()
          + " RRset(s) outside " + zone + " dropped from the reply of " + server));
    }
    if (dropped.otherClass() > 0) {
      q.journal().report(new Diagnostic(Diagnostic.Oddity.OTHER_CLASS_DROPPED, q.name(), dropped.otherClass()
          + " RRset(s) of another class than " + DClass.string(Bailiwick.QCLASS) + " dropped from the reply of "
          + server));
    }
    if (dropped.oversized() > 0) {
      q.journal().report(new Diagnostic(Diagnostic.Oddity.OVERSIZED_RRSET_DROPPED, q.name(), dropped.oversized()
          + " RRset(s) of more than " + Sections.MAX_RECORDS_PER_RRSET + " records dropped from the reply of "
          + server));
    }
  }

  /** RFC 6891 §7: FORMERR or NOTIMP to a query with an OPT record means "ask me without EDNS". */
  private static boolean rejectsEdns(int rcode) {
    return rcode == Rcode.FORMERR || rcode == Rcode.NOTIMP;
  }

  private Step retryWithoutEdns(Query q, ZoneExchanges.Exchange sent, Name zone, long rttNanos) {
    InetSocketAddress server = sent.server();
    context.selector.recordNoEdns(server.getAddress());
    q.delegation().markUnused(server.getAddress());
    q.journal().trace(new TraceEvent.Exchange(server, zone, sent.name(), sent.type(),
        Rcode.string(q.exchanges().reply().getRcode()) + " to EDNS: asking again without", Duration.ofNanos(rttNanos)));
    return new Step.Next(QueryState.QUERY_TARGETS);
  }

  private Step answer(Query q, ScrubbedReply reply, InetSocketAddress server, ReplyValidation validation) {
    if (q.qtype() == Type.RRSIG) {
      return signatures(q, reply, server);
    }
    RRset rrset = RRsetAcceptance.used(context, validation, reply.answer(q.name(), q.qtype()));
    if (q.qtype() != Type.CNAME && reply.answer(q.name(), Type.CNAME) != null) {
      // an ANY question, or data put before the CNAME: answered at the name, and reported (RFC 1034 §3.6.2)
      q.journal().reportAll(RuleDiagnostics.checkCname(q.name(), q.delegation().zone(), reply.answerAt(q.name()),
          server, false));
    }
    if (q.qtype() == Type.NS && rrset.getName().equals(q.delegation().zone())) {
      // The zone's own NS set, from its own servers: it lasts no longer than the delegation.
      rrset = sameVerdict(validation, rrset, DelegationGrants.withinDelegation(context.cache, rrset, q.isBackground()));
    }
    Outcome.Data data = Outcome.Data.fromReply(rrset, new Hop.Source.Server(server), reply);
    Step bogus = RRsetAcceptance.accept(context, q, data, dataRank(q, reply), validation);
    if (bogus != null) {
      return bogus;
    }
    if (!context.zones.cached(q.name())) {
      return q.finish(data);
    }
    // after the data, as the data is cached
    q.afterSend().defer(() -> {
      if (q.qtype() == Type.NS) {
        Referrals.cacheAddressesOf(context, RRsets.nameServers(data.rrset()), reply, TrustRank.ADDITIONAL_DATA,
            validation);
      }
      cacheZoneNameServers(q, reply, validation);
    });
    return q.finish(data);
  }

  /**
   * The RRSIGs a server gave for an RRSIG question, as it gave them: no signature covers an RRSIG
   * (RFC 4034 §3), so none can be validated, nor vouched for as complete (Unbound answers them
   * unchecked too): INDETERMINATE. Not cached: the cache holds RRSIGs beside the RRsets they sign,
   * where they are checked, and an RRSIG question is rare enough to be asked each time.
   */
  private static Step signatures(Query q, ScrubbedReply reply, InetSocketAddress server) {
    q.validation().note(Verdict.INDETERMINATE);
    return q.finish(new Outcome.Data(reply.answer(q.name(), Type.RRSIG), new Hop.Source.Server(server)));
  }

  private Step negative(Query q, ScrubbedReply reply, boolean nxDomain, ReplyValidation validation) {
    // an NXDOMAIN for a minimised ancestor of the name comes here only to be validated (Minimisation)
    boolean minimised = !q.exchanges().last().name().equals(q.name());
    Name denied = minimised ? q.exchanges().last().name() : q.name();
    int type = minimised ? q.exchanges().last().type() : q.qtype();
    Verdict verdict = negativeVerdict(context, denied, type, q.delegation().zone(), nxDomain, validation);
    if (minimised && verdict != Verdict.SECURE) {
      return q.stopMinimising();
    }
    Step bogus = q.useVerdict(verdict);
    if (bogus != null) {
      return bogus;
    }
    SOARecord soa = RRsets.soa(reply.authority(Type.SOA));
    if (verdict == Verdict.SECURE && soa != null && validation.provenDenial() != null
        && context.denialRanges != null) {
      context.denialRanges.remember(validation.provenDenial(), soa, Proofs.negative(reply));
    }
    Outcome.Negative outcome;
    if (soa != null && q.name().subdomain(soa.getName())) {
      // RFC 2308 §5: the SOA passed on lives as long as the negative answer it proves, capped as
      // the cache caps it, on the answer that fetched it as on those the cache gives later.
      outcome = Outcome.Negative.fromReply(nxDomain, RRsets.withTtl(soa, context.cache.ttlCaps().negative(soa)), reply);
      cacheNegative(context, denied, type, nxDomain, soa, outcome.proof(), RRsetAcceptance.answerRank(reply), verdict);
    } else {
      outcome = Outcome.Negative.fromReply(nxDomain, null, reply);
      if (!nxDomain) { // kept only for a configured minimum TTL (RRsetCache#putNoData)
        cacheNegative(context, denied, type, false, null, List.of(), RRsetAcceptance.answerRank(reply), verdict);
      }
    }
    return q.finish(outcome);
  }

  /**
   * Keeps a reply that may only be the last resort while the zone's other servers are asked; a
   * recursive server answering from its cache is lame for the zone, so it is asked last next time.
   */
  private Step keepAsLastResort(Query q, ScrubbedReply reply, ResponseType type, InetSocketAddress server,
      Name zone) {
    if (ResponseClassifier.fromCacheOfRecursiveServer(reply)) {
      context.selector.recordLame(zone, server.getAddress(), context.ticker.read());
      q.journal().report(new Diagnostic(Diagnostic.Oddity.LAME_SERVER, zone, server + " answered " + q.name()
          + " in " + zone + " from its cache (recursion available, no authority): its other servers first"));
    }
    return q.keepAsLastResort(reply, type);
  }

  private Step lame(Query q, ScrubbedReply reply, InetSocketAddress server, Name zone) {
    context.selector.recordLame(zone, server.getAddress(), context.ticker.read());
    q.journal().report(new Diagnostic(Diagnostic.Oddity.LAME_SERVER, zone, server + " answered "
        + Rcode.string(reply.rcode()) + (reply.authoritative() ? "" : " without authority")
        + " for " + q.name() + " in " + zone));
    return new Step.Next(QueryState.QUERY_TARGETS);
  }

  /**
   * A reply with nothing the resolver can use (an RCODE such as NOTAUTH or BADVERS, a YXDOMAIN
   * without its DNAME): the next server is asked, and a failure names this one and what it said.
   */
  private static Step throwaway(Query q, ScrubbedReply reply, InetSocketAddress server, Name zone) {
    q.journal().report(new Diagnostic(Diagnostic.Oddity.BAD_REPLY, zone, server + " answered "
        + Rcode.string(reply.rcode()) + " for " + q.name() + " in " + zone + ", which is no reply to use"));
    return new Step.Next(QueryState.QUERY_TARGETS);
  }

  private Step exchangeFailed(Query q, Throwable error, InetSocketAddress server, long rttNanos) {
    boolean timedOut = error instanceof TimeoutException;
    if (timedOut) {
      ZoneExchanges.Exchange sent = q.exchanges().last();
      context.selector.recordTimeout(server.getAddress(), sent.sentAtNanos(), sent.waitNanos(),
          q.budget().limits().queryTimeout().toNanos(), context.ticker.read());
    }
    if (error instanceof StillListening listening) {
      q.exchanges().listenLate(q.delegation(), listening);
    }
    q.delegation().markFailed(server.getAddress(), q.budget().limits().maxAttemptsPerServer());
    Name zone = q.delegation().zone();
    q.journal().trace(new TraceEvent.Exchange(server, zone, q.name(), q.qtype(),
        timedOut ? "timeout" : "error: " + error.getMessage(), Duration.ofNanos(rttNanos)));
    q.journal().report(new Diagnostic(timedOut ? Diagnostic.Oddity.SERVER_TIMEOUT : Diagnostic.Oddity.BAD_REPLY,
        zone, server + " for " + q.name() + ": " + error.getMessage()));
    return new Step.Next(QueryState.QUERY_TARGETS);
  }

  /**
   * When so configured ({@code cacheAnswerNameServers}), caches the NS set of the zone asked that
   * an answer carries in its authority section (a forward zone's recursive server speaks for every
   * zone it resolves), and the addresses given for those servers: from an authoritative reply it
   * is authority data (RFC 2181 §5.4.1), which outranks the parent's referral. An NS set equal to
   * the one cached at its rank leaves that one (and its TTL) alone, unless it brings the RRSIGs the
   * cached one lacks (a referral's copy is never signed); a different one takes over its
   * remaining TTL, so a server cannot keep its zone alive by re-announcing it (Unbound's rule),
   * except in a refresh, which the parent's referral led to (Unbound's prefetch leeway). The NS set
   * the query's delegation was read from still counts when it expired while the query was out, as
   * Unbound judges an NS set against its cache as of the query's start: a reply arriving just after
   * the zone's delegation ran out cannot renew it (ghost domains in the time window).
   */
  private void cacheZoneNameServers(Query q, ScrubbedReply reply, ReplyValidation validation) {
    RRset nameServers = reply.authority(Type.NS);
    if (nameServers == null || !context.config.cacheAnswerNameServers() || !(q.delegation().forwarding()
        ? q.name().subdomain(nameServers.getName()) : nameServers.getName().equals(q.delegation().zone()))) {
      return;
    }
    ValidationStatus status = ReplyValidation.besideStatus(validation, nameServers);
    nameServers = RRsetAcceptance.used(context, validation, nameServers);
    TrustRank rank = reply.authoritative() ? TrustRank.AUTHORITY_DATA : TrustRank.REFERRAL_NS;
    // A refresh (a prefetch) counts an NS set in its last tenth as expired (Unbound stores a
    // prefetch's reply counting what expires within its leeway as expired): what the zone's
    // servers say now replaces it, at the TTL they give.
    CacheLookup.Hit cached = context.cache.lookup(nameServers.getName(), Type.NS, DClass.IN) instanceof CacheLookup.Hit hit
        ? hit : readWhenSent(q, nameServers.getName());
    if (cached != null && cached.rank() == rank && !(q.isBackground() && cached.prefetchDue())) {
      // the same set signed, where the cached copy is not, brings the RRSIGs a DO client is owed,
      // and validated, where it was not, its status
      if (RRsets.sameRecords(cached.rrset(), nameServers)
          && (nameServers.sigs().isEmpty() || !cached.rrset().sigs().isEmpty())
          && (status != ValidationStatus.SECURE || cached.status() == ValidationStatus.SECURE)) {
        return;
      }
      if (cached.rrset().getTTL() == 0) {
        return;
      }
      nameServers = RRsets.withTtl(nameServers, cached.rrset().getTTL());
    }
    context.cache.put(nameServers, rank, status);
    Referrals.cacheAddressesOf(context, RRsets.nameServers(nameServers), reply, TrustRank.GLUE, validation);
  }

  /**
   * The NS set of {@code zone} that {@code q}'s delegation was read from, with what is left of its
   * TTL now (0 once it ran out); null when the delegation was not read from the cache for that zone.
   */
  private CacheLookup.Hit readWhenSent(Query q, Name zone) {
    CacheLookup.Hit read = q.delegation().cachedNameServers();
    if (read == null || !read.rrset().getName().equals(zone)) {
      return null;
    }
    long elapsedSeconds = TimeUnit.NANOSECONDS.toSeconds(context.ticker.read() - q.exchanges().last().sentAtNanos());
    return new CacheLookup.Hit(RRsets.withTtl(read.rrset(), Math.max(0, read.rrset().getTTL() - elapsedSeconds)),
        read.rank(), read.storedTtl(), read.status());
  }

  /**
   * Caches that {@code name} does not exist, or has no data of {@code type}, with the verdict on
   * its proof; never a BOGUS one, and no NODATA for ANY, which the cache cannot hold (it is a meta
   * type: a name with no data at all is asked again).
   */
  static void cacheNegative(ResolverContext context, Name name, int type, boolean nxDomain, SOARecord soa,
      List<Record> proof, TrustRank rank, Verdict verdict) {
    if (verdict.isBogus() || !context.zones.cached(name)) {
      return;
    }
    if (nxDomain) {
      context.cache.putNxDomain(name, DClass.IN, soa, proof, rank, verdict.cached());
    } else if (type != Type.ANY) {
      context.cache.putNoData(name, type, DClass.IN, soa, proof, rank, verdict.cached());
    }
  }

  /**
   * The rank the answer's data is cached at: an answer's, but a referral's NS set's for a priming's
   * NS set where the resolver validates. That one was taken unvalidated (its check would wait for
   * the zone's keys, whose look-up waits for the priming), so it only leads to the servers, as a
   * referral's set does, and answers no question (RFC 2181 §5.4.1): asked for, the set is fetched
   * again and validated (RFC 4035 §5).
   */
  private TrustRank dataRank(Query q, ScrubbedReply reply) {
    return context.validating() && !q.validation().enabled() ? TrustRank.REFERRAL_NS : RRsetAcceptance.answerRank(reply);
  }

  private static String describe(ResponseType type, ScrubbedReply reply) {
    return type == ResponseType.LAME || type == ResponseType.THROWAWAY
        ? type + " (" + Rcode.string(reply.rcode()) + ")" : type.toString();
  }
}
