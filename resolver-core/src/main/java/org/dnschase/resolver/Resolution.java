package org.dnschase.resolver;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * The outcome of resolving one (name, type): an {@link Answer}, a {@link NoData}, an
 * {@link NxDomain} or a {@link Failure}. Outcomes are values to match on, never exceptions. The two
 * negative answers are both a {@link Negative}, for callers that treat them alike.
 *
 * <p>As RFC 6604 says, the outcome is that of the last name in the chain. Every kind carries the
 * {@linkplain #chain() chain} of CNAME/DNAME hops that led there, the {@linkplain #ttl() effective
 * TTL} (the minimum over the chain and the final data), the {@linkplain #diagnostics()
 * diagnostics}, the number of upstream queries it cost and, when asked for, the {@linkplain
 * #trace() trace}.
 */
public sealed interface Resolution {

  /** {@return the name asked for} */
  Name qname();

  /** {@return the type asked for (a dnsjava {@link org.xbill.DNS.Type} constant)} */
  int qtype();

  /** {@return the CNAME/DNAME hops followed, in order; empty when the name had no alias} */
  List<Hop> chain();

  /** {@return the effective TTL: the minimum over the chain's records and the final data; zero for failures} */
  Duration ttl();

  /** {@return the rule violations and oddities seen on the way} */
  List<Diagnostic> diagnostics();

  /** {@return every cache hit and upstream exchange, in order; empty unless tracing was asked for} */
  List<TraceEvent> trace();

  /**
   * {@return how many queries this resolution sent upstream, name-server look-ups included, and the
   * root's priming it started or joined: all of that priming's queries when it ended before the
   * resolution did, those sent so far when it was still under way (see {@link
   * TraceEvent.PrimingUnderWay}); a priming that several resolutions joined is counted by each}
   */
  int upstreamQueries();

  /**
   * {@return the DNSSEC status of the outcome (RFC 4035 §4.3): that of the chain's weakest hop,
   * the final data or negative answer included; {@link Security#INDETERMINATE} when the resolver
   * does not validate}
   */
  Security security();

  /**
   * The DNSSEC records that prove the outcome, as a server passes them on in the authority
   * section to a client that set DO (RFC 4035 §3.1.3, §3.2.1): for a negative answer the SOA's
   * RRSIGs and the NSEC or NSEC3 records that deny the name or type, each with its RRSIGs; for an
   * answer synthesised from a wildcard, those that prove no closer name exists. Empty when the
   * servers sent none (an unsigned zone, or a question asked without DO), and for failures.
   *
   * @return the proof's records, with the TTLs they had when used
   */
  default List<Record> proof() {
    return List.of();
  }

  /**
   * Whether the resolver answered from a zone it serves itself ({@link
   * org.dnschase.resolver.zones.SpecialUseName}), with no
   * query and no cache: the data is the resolver's own, so a server marks the answer authoritative
   * (AA, RFC 1035 §4.1.1), as Unbound marks its local zones' answers. False for everything cached
   * or asked of a server, an auth zone's data included (read as a server's reply and cached), and
   * for failures.
   *
   * @return true for an answer of a locally served zone
   */
  default boolean locallyServed() {
    return false;
  }

  /** {@return the name the outcome belongs to: the last target of the chain, or the query name} */
  default Name finalName() {
    List<Hop> chain = chain();
    return chain.isEmpty() ? qname() : chain.get(chain.size() - 1).target();
  }

  /**
   * The chain as records in order, with the TTLs they had when used, as a resolver puts them
   * before the final data in an answer section: each CNAME; for a DNAME hop the DNAME and then the
   * CNAME it synthesises (RFC 6672 §3.1); for HTTPS/SVCB service aliases the AliasMode record. A
   * record that several hops used (a DNAME applied twice) is listed once.
   *
   * @return the chain's records, each once, in order
   */
  default List<Record> chainRecords() {
    return AnswerSection.chainRecords(chain());
  }

  /**
   * What this outcome puts in an answer section (RFC 6604 §2): the chain's records, then, for an
   * {@link Answer}, the final RRset and, for a {@link Failure} that stopped at a record, that
   * record.
   *
   * @return the answer section's records, in order
   */
  default List<Record> answerSection() {
    return chainRecords();
  }

  /**
   * The final RRset of type {@code qtype} at {@link #finalName()}; for a CNAME question at a name
   * under a DNAME (RFC 6672 §3.1), the CNAME synthesised at the name asked, after the DNAME hop;
   * for an RRSIG question its RRSIGs of one covered type, unchecked, as an RRset's {@link RRset#sigs()}.
   *
   * <p>Immutable, like every outcome, so one instance may be handed to many callers (a fully
   * cached chain is); dnsjava's {@link RRset} can be changed, so the answer keeps its own and
   * {@link #rrset()} hands out copies.
   *
   * @param qname the name asked for
   * @param qtype the type asked for (a dnsjava {@link org.xbill.DNS.Type} constant)
   * @param rrset the final RRset, of type {@code qtype} at the final name
   * @param chain the CNAME/DNAME hops followed, in order
   * @param ttl the effective TTL: the minimum over the chain's records and the final data
   * @param diagnostics the rule violations and oddities seen on the way
   * @param trace every cache hit and upstream exchange, in order; empty unless tracing was asked
   *     for
   * @param upstreamQueries how many queries the resolution sent upstream
   * @param security the DNSSEC status, {@link Security#INDETERMINATE} when not validated
   * @param proof for a wildcard expansion, the NSEC or NSEC3 records (with their RRSIGs) that
   *     prove no closer name exists (RFC 4035 §3.1.3.3); empty otherwise
   * @param locallyServed whether the data is that of a zone the resolver serves itself ({@link
   *     Resolution#locallyServed()})
   */
  record Answer(Name qname, int qtype, RRset rrset, List<Hop> chain, Duration ttl,
      List<Diagnostic> diagnostics, List<TraceEvent> trace, int upstreamQueries, Security security,
      List<Record> proof, boolean locallyServed) implements Resolution {
    /** Copies the RRset and the lists, so the outcome cannot change; the security status is required. */
    public Answer {
      Objects.requireNonNull(rrset, "rrset");
      Objects.requireNonNull(security, "security");
      rrset = new RRset(rrset);
      chain = List.copyOf(chain);
      diagnostics = List.copyOf(diagnostics);
      trace = List.copyOf(trace);
      proof = List.copyOf(proof);
    }

    /** {@return a copy of the final RRset; {@link #records()} reads it without one} */
    @Override
    public RRset rrset() {
      return new RRset(rrset);
    }

    /** {@return the records of the final RRset, in the order received; an RRSIG question's RRSIGs} */
    public List<Record> records() {
      return qtype == Type.RRSIG ? List.copyOf(rrset.sigs()) : rrset.rrs(false);
    }

    /**
     * {@return the chain's records, then the final RRset; a CNAME question under a DNAME, whose
     * final RRset is the CNAME the DNAME hop synthesised, shows it once}
     */
    @Override
    public List<Record> answerSection() {
      return AnswerSection.of(chain, records());
    }
  }

  /**
   * A negative answer (RFC 2308): {@link NoData} or {@link NxDomain}, with the {@link Authority}
   * that proves it. Match on {@code Negative} to handle both in one arm.
   */
  sealed interface Negative extends Resolution permits NoData, NxDomain {

    /** {@return what proves the answer: its SOA, the zone's NS records, the DNSSEC proof, the negative TTL} */
    Authority authority();

    /** {@return the SOA that proves the answer, with the TTL it was read with; null when the server sent none} */
    default SOARecord soa() {
      return authority().soa();
    }

    /**
     * {@return the zone's NS records when the server that proved the answer put them beside the
     * SOA (RFC 2308 §2, type 1), as a resolver passes them on; empty when the answer came from the
     * cache, which keeps the SOA alone}
     */
    default List<Record> nameServers() {
      return authority().nameServers();
    }

    /**
     * {@return the negative TTL (RFC 2308 §5): min(SOA TTL, SOA MINIMUM), capped as the cache
     * caps negative answers, so it promises no longer than the cache keeps the answer; zero
     * without an SOA. {@link #ttl()} is the smaller of this and the chain's TTLs}
     */
    default Duration negativeTtl() {
      return authority().negativeTtl();
    }

    /**
     * {@return the SOA's RRSIGs and the NSEC or NSEC3 records (with their RRSIGs) that deny the
     * name (RFC 4035 §3.1.3.2) or the type (§3.1.3.1, §3.1.3.4); empty when the server sent none}
     */
    @Override
    default List<Record> proof() {
      return authority().proof();
    }

    /**
     * What proves a negative answer, as a server puts it in the authority section (RFC 2308 §2,
     * RFC 4035 §3.1.3), and how long the answer holds: the part {@link NoData} and {@link
     * NxDomain} have alike.
     *
     * @param soa the SOA that proves it, null when the server sent none ({@link Negative#soa()})
     * @param nameServers the zone's NS records beside the SOA; empty when the answer came from the
     *     cache ({@link Negative#nameServers()})
     * @param negativeTtl the negative TTL, zero without an SOA ({@link Negative#negativeTtl()})
     * @param proof the DNSSEC records that prove it; empty when the server sent none ({@link
     *     Negative#proof()})
     */
    record Authority(SOARecord soa, List<Record> nameServers, Duration negativeTtl, List<Record> proof) {
      /** Copies the lists, so the proof cannot change; the negative TTL is required. */
      public Authority {
        Objects.requireNonNull(negativeTtl, "negativeTtl");
        nameServers = List.copyOf(nameServers);
        proof = List.copyOf(proof);
      }
    }
  }

  /**
   * The final name exists but has no data of type {@code qtype} (RFC 2308 §2.2).
   *
   * @param qname the name asked for
   * @param qtype the type asked for (a dnsjava {@link org.xbill.DNS.Type} constant)
   * @param authority the SOA, NS records and DNSSEC proof that prove it, and the negative TTL
   * @param chain the CNAME/DNAME hops followed, in order
   * @param ttl the effective TTL: the minimum over the chain's records and the negative TTL
   * @param diagnostics the rule violations and oddities seen on the way
   * @param trace every cache hit and upstream exchange, in order; empty unless tracing was asked
   *     for
   * @param upstreamQueries how many queries the resolution sent upstream
   * @param security the DNSSEC status, {@link Security#INDETERMINATE} when not validated
   * @param locallyServed whether the answer is that of a zone the resolver serves itself ({@link
   *     Resolution#locallyServed()})
   */
  record NoData(Name qname, int qtype, Authority authority, List<Hop> chain, Duration ttl,
      List<Diagnostic> diagnostics, List<TraceEvent> trace, int upstreamQueries, Security security,
      boolean locallyServed) implements Negative {
    /** Copies the lists, so the outcome cannot change; the authority and security status are required. */
    public NoData {
      Objects.requireNonNull(authority, "authority");
      Objects.requireNonNull(security, "security");
      chain = List.copyOf(chain);
      diagnostics = List.copyOf(diagnostics);
      trace = List.copyOf(trace);
    }
  }

  /**
   * The final name does not exist (RFC 2308 §2.1); with a chain, RFC 6604 applies.
   *
   * @param qname the name asked for
   * @param qtype the type asked for (a dnsjava {@link org.xbill.DNS.Type} constant)
   * @param authority the SOA, NS records and DNSSEC proof that prove it, and the negative TTL
   * @param chain the CNAME/DNAME hops followed, in order
   * @param ttl the effective TTL: the minimum over the chain's records and the negative TTL
   * @param diagnostics the rule violations and oddities seen on the way
   * @param trace every cache hit and upstream exchange, in order; empty unless tracing was asked
   *     for
   * @param upstreamQueries how many queries the resolution sent upstream
   * @param security the DNSSEC status, {@link Security#INDETERMINATE} when not validated
   * @param locallyServed whether the answer is that of a zone the resolver serves itself ({@link
   *     Resolution#locallyServed()})
   */
  record NxDomain(Name qname, int qtype, Authority authority, List<Hop> chain, Duration ttl,
      List<Diagnostic> diagnostics, List<TraceEvent> trace, int upstreamQueries, Security security,
      boolean locallyServed) implements Negative {
    /** Copies the lists, so the outcome cannot change; the authority and security status are required. */
    public NxDomain {
      Objects.requireNonNull(authority, "authority");
      Objects.requireNonNull(security, "security");
      chain = List.copyOf(chain);
      diagnostics = List.copyOf(diagnostics);
      trace = List.copyOf(trace);
    }
  }

  /**
   * The resolution could not finish. The chain holds the hops followed before it stopped; for a
   * {@link FailureReason#LOOP} the {@code detail} names the cycle.
   *
   * @param qname the name asked for
   * @param qtype the type asked for (a dnsjava {@link org.xbill.DNS.Type} constant)
   * @param reason why it stopped
   * @param detail what happened, in words, for logs and people; a loop's cycle
   * @param chain the CNAME/DNAME hops followed, in order
   * @param stoppedAt the record the resolution could not follow: for {@link FailureReason#YXDOMAIN}
   *     the DNAME whose substitution would be too long, which RFC 6672 §2.2 returns beside the
   *     rcode; null otherwise
   * @param diagnostics the rule violations and oddities seen on the way
   * @param trace every cache hit and upstream exchange, in order; empty unless tracing was asked
   *     for
   * @param upstreamQueries how many queries the resolution sent upstream
   * @param security the DNSSEC status: {@link Security#BOGUS} for {@link FailureReason#DNSSEC_BOGUS}
   * @param bogusReason why the data was BOGUS, given exactly when {@code reason} is {@link
   *     FailureReason#DNSSEC_BOGUS}; null otherwise
   * @param stoppedAtSignatures the RRSIGs that came with {@code stoppedAt}, which a client that set
   *     DO gets after it (RFC 4035 §3.2.1); empty for none
   */
  record Failure(Name qname, int qtype, FailureReason reason, String detail, List<Hop> chain,
      Record stoppedAt, List<Diagnostic> diagnostics, List<TraceEvent> trace, int upstreamQueries,
      Security security, BogusReason bogusReason, List<Record> stoppedAtSignatures) implements Resolution {
    /**
     * Copies the lists, so the outcome cannot change; reason, detail and security status are
     * required, and a bogus reason exactly with {@link FailureReason#DNSSEC_BOGUS}.
     */
    public Failure {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(security, "security");
      Objects.requireNonNull(detail, "detail");
      if ((reason == FailureReason.DNSSEC_BOGUS) != (bogusReason != null)) {
        throw new IllegalArgumentException("a bogus reason goes with DNSSEC_BOGUS and only with it: "
            + reason + ", " + bogusReason);
      }
      chain = List.copyOf(chain);
      diagnostics = List.copyOf(diagnostics);
      trace = List.copyOf(trace);
      stoppedAtSignatures = List.copyOf(stoppedAtSignatures);
    }

    /**
     * {@return the chain's records, then the record the resolution stopped at, if any and not
     * listed already (a DNAME the chain applied before its synthesis grew too long)}
     */
    @Override
    public List<Record> answerSection() {
      return stoppedAt == null ? chainRecords() : AnswerSection.of(chain, List.of(stoppedAt));
    }

    /** Failures are not cacheable answers: zero. */
    @Override
    public Duration ttl() {
      return Duration.ZERO;
    }
  }
}
