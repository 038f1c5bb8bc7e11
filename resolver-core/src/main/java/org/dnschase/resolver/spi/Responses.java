package org.dnschase.resolver.spi;

import static org.xbill.DNS.ExtendedErrorCodeOption.DNSKEY_MISSING;
import static org.xbill.DNS.ExtendedErrorCodeOption.DNSSEC_BOGUS;
import static org.xbill.DNS.ExtendedErrorCodeOption.NETWORK_ERROR;
import static org.xbill.DNS.ExtendedErrorCodeOption.NOT_AUTHORITATIVE;
import static org.xbill.DNS.ExtendedErrorCodeOption.NOT_READY;
import static org.xbill.DNS.ExtendedErrorCodeOption.NO_REACHABLE_AUTHORITY;
import static org.xbill.DNS.ExtendedErrorCodeOption.OTHER;
import static org.xbill.DNS.ExtendedErrorCodeOption.RRSIGS_MISSING;
import static org.xbill.DNS.ExtendedErrorCodeOption.SIGNATURE_EXPIRED;
import static org.xbill.DNS.ExtendedErrorCodeOption.SIGNATURE_NOT_YET_VALID;
import static org.xbill.DNS.ExtendedErrorCodeOption.STALE_ANSWER;
import static org.xbill.DNS.ExtendedErrorCodeOption.STALE_NXDOMAIN_ANSWER;

import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.BogusReason;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Security;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * Turns a {@link Resolution} into the response a recursive resolver sends the client that asked:
 * what a server front-end, a conformance runner or a {@code dig}-like tool needs.
 *
 * <ul>
 *   <li>Rcode as RFC 6604 says: that of the last name in the chain. {@code Answer} and
 *       {@code NoData} are NOERROR, {@code NxDomain} is NXDOMAIN, a {@code Failure} is SERVFAIL,
 *       except {@link FailureReason#YXDOMAIN}, which is YXDOMAIN (RFC 6672 §2.2), and {@link
 *       FailureReason#NOT_CACHED}, which is REFUSED: a question without recursion desired that the
 *       cache cannot answer is refused, as Unbound refuses it (RFC 1034 §4.3.1 leaves a server
 *       that will not recurse free to; SERVFAIL would tell the client the server is failing).
 *   <li>Answer section: the chain's records in order, then the final RRset (RFC 6604 §2). A
 *       SERVFAIL carries no records by default ({@link ServfailAnswer}). A YXDOMAIN carries the
 *       chain and then the DNAME whose substitution was too long.
 *   <li>Authority section: the SOA that proves a negative answer (RFC 2308 §3), when there is
 *       one, followed by the zone's NS records when the server that proved it sent them.
 *   <li>DNSSEC records, only when the query set DO (RFC 3225 §3, RFC 4035 §3.2.1): each RRset of
 *       the answer section followed by its RRSIGs (a DNAME's, never for the CNAME synthesised
 *       from it, which is unsigned: RFC 6672 §5.3.1), and in the authority section the {@link
 *       Resolution#proof() proof} of a negative answer or a wildcard expansion: the SOA's RRSIGs,
 *       the NSEC or NSEC3 records and theirs (RFC 4035 §3.1.3). A client without DO gets none.
 *   <li>Header: the query's ID and opcode, QR and RA set, RD and CD echoed (RFC 1035 §4.1.1,
 *       RFC 4035 §3.2.2), AA only for an outcome {@linkplain Resolution#locallyServed() locally
 *       served} (the data is ours there only, as Unbound marks its local zones' answers); AD when
 *       the outcome is {@link Security#SECURE} and the query set DO or AD (RFC 4035 §3.2.3, RFC 6840 §5.7,
 *       §5.8), with CD as without: a SECURE outcome was validated whatever the client checks.
 *   <li>EDNS: an OPT record if the query had one (RFC 6891 §7), with the DO bit copied
 *       (RFC 3225 §3).
 * </ul>
 *
 * {@snippet class=org.dnschase.resolver.Snippets region=respond}
 */
public final class Responses {

  /** What a SERVFAIL response carries in its answer section; resolvers differ here. */
  public enum ServfailAnswer {
    /**
     * Nothing, as Unbound answers: SERVFAIL says there is no answer, and a partial chain would be
     * data a client could take for one.
     */
    EMPTY,
    /**
     * The chain followed before the failure, as Knot Resolver answers: it shows where the
     * resolution broke, a loop's cycle included (RFC 1034 §3.6.2).
     */
    PARTIAL_CHAIN
  }

  private Responses() {}

  /**
   * The response to {@code query} for {@code resolution}, a SERVFAIL without records.
   *
   * @param resolution the outcome to answer with
   * @param query the client's query, whose ID, flags, question and EDNS the response echoes
   * @return the response
   * @throws IllegalArgumentException if the query has no question, or asks for another name or
   *     type than the resolution answers
   */
  public static Message toMessage(Resolution resolution, Message query) {
    return toMessage(resolution, query, ServfailAnswer.EMPTY);
  }

  /**
   * The response to {@code query} for {@code resolution}, a SERVFAIL's answer section as
   * {@code servfail} says.
   *
   * @param resolution the outcome to answer with
   * @param query the client's query, whose ID, flags, question and EDNS the response echoes
   * @param servfail what a SERVFAIL's answer section carries
   * @return the response
   * @throws IllegalArgumentException if the query has no question, or asks for another name or
   *     type than the resolution answers
   */
  public static Message toMessage(Resolution resolution, Message query, ServfailAnswer servfail) {
    Record question = query.getQuestion();
    if (question == null || !question.getName().equals(resolution.qname())
        || question.getType() != resolution.qtype()) {
      throw new IllegalArgumentException("the query asks " + (question == null ? "nothing"
          : question.getName() + "/" + question.getType()) + ", the resolution answers "
          + resolution.qname() + "/" + resolution.qtype());
    }
    OPTRecord queryOpt = query.getOPT();
    boolean dnssecOk = queryOpt != null && (queryOpt.getFlags() & ExtendedFlags.DO) != 0;
    Message response = new Message(query.getHeader().getID());
    setHeader(response.getHeader(), query.getHeader(), dnssecOk, rcode(resolution), resolution.security());
    if (resolution.locallyServed()) {
      response.getHeader().setFlag(Flags.AA);
    }
    // The client's own spelling of the name goes back to it (RFC 4343 §4.1).
    response.addRecord(question, Section.QUESTION);
    // loops, not forEach with capturing lambdas: a fresh answer passes here too rarely for C2, and
    // in C1's code forEach alone took 3% of the sampled CPU from the last reply to the answer's send
    for (Record record : answerSection(resolution, servfail, dnssecOk)) {
      response.addRecord(record, Section.ANSWER);
    }
    for (Record record : authoritySection(resolution, dnssecOk)) {
      response.addRecord(record, Section.AUTHORITY);
    }
    if (queryOpt != null) {
      response.addRecord(new OPTRecord(Defaults.EDNS_PAYLOAD_SIZE, 0, 0,
          queryOpt.getFlags() & ExtendedFlags.DO), Section.ADDITIONAL);
    }
    return response;
  }

  /**
   * The response code for {@code resolution} (a dnsjava {@link Rcode} constant).
   *
   * @param resolution the outcome
   * @return NOERROR, NXDOMAIN, YXDOMAIN, REFUSED or SERVFAIL
   */
  public static int rcode(Resolution resolution) {
    return switch (resolution) {
      case Resolution.Answer answer -> Rcode.NOERROR;
      case Resolution.NoData noData -> Rcode.NOERROR;
      case Resolution.NxDomain nxDomain -> Rcode.NXDOMAIN;
      case Resolution.Failure failure -> rcode(failure.reason());
    };
  }

  /**
   * The response code for a failure (a dnsjava {@link Rcode} constant): YXDOMAIN for a DNAME
   * substitution that grew too long (RFC 6672 §2.2), REFUSED for a cache-only question the cache
   * could not answer (RD=0: Unbound's REFUSED with Extended DNS Error 20, Not Authoritative),
   * SERVFAIL for every other reason.
   *
   * @param reason why the resolution failed
   * @return YXDOMAIN, REFUSED or SERVFAIL
   */
  public static int rcode(FailureReason reason) {
    return switch (reason) {
      case YXDOMAIN -> Rcode.YXDOMAIN;
      case NOT_CACHED -> Rcode.REFUSED;
      default -> Rcode.SERVFAIL;
    };
  }

  private static List<Record> answerSection(Resolution resolution, ServfailAnswer servfailAnswer, boolean dnssecOk) {
    boolean servfail = resolution instanceof Resolution.Failure failure && failure.reason() != FailureReason.YXDOMAIN;
    if (servfail && servfailAnswer == ServfailAnswer.EMPTY) {
      return List.of();
    }
    return dnssecOk ? SignedSections.answer(resolution) : resolution.answerSection();
  }

  /**
   * A negative answer's SOA, then for a DO client the records that prove it or a wildcard
   * expansion, then the zone's NS records where the server gave them.
   */
  private static List<Record> authoritySection(Resolution resolution, boolean dnssecOk) {
    Resolution.Negative negative = resolution instanceof Resolution.Negative n && n.soa() != null ? n : null;
    if (negative == null && !dnssecOk) {
      return List.of();
    }
    List<Record> authority = new ArrayList<>();
    if (negative != null) {
      authority.add(negative.soa());
    }
    if (dnssecOk) {
      authority.addAll(resolution.proof());
    }
    if (negative != null) {
      authority.addAll(negative.nameServers());
    }
    return authority;
  }

  /** The response's header to a query with {@code queryHeader}, which set DO (RFC 3225) when {@code dnssecOk}. */
  private static void setHeader(Header header, Header queryHeader, boolean dnssecOk, int rcode,
      Security security) {
    header.setOpcode(queryHeader.getOpcode());
    header.setRcode(rcode);
    header.setFlag(Flags.QR);
    header.setFlag(Flags.RA);
    if (queryHeader.getFlag(Flags.RD)) {
      header.setFlag(Flags.RD);
    }
    if (queryHeader.getFlag(Flags.CD)) {
      header.setFlag(Flags.CD);
    }
    if (security == Security.SECURE && (dnssecOk || queryHeader.getFlag(Flags.AD))) {
      header.setFlag(Flags.AD);
    }
  }

  /**
   * The one table from an outcome to the Extended DNS Error (RFC 8914) its answer carries: a
   * failure says why the resolver gave up, a stale answer says it is stale. For a server front-end
   * or a conformance runner, beside {@link Responses}. The EXTRA-TEXT names
   * the reason and the failure's detail (a loop's cycle, the servers that failed), cut to {@link
   * #MAX_TEXT} characters so the option never crowds out the answer.
   */
  public static final class ExtendedErrors {

    /** The longest EXTRA-TEXT sent, in characters. */
    public static final int MAX_TEXT = 200;

    private ExtendedErrors() {}

    /**
     * The INFO-CODE for a failure reason. Only reasons RFC 8914 §4 has a code for get one; the
     * others are "Other", and the text says which.
     *
     * @param reason why the resolution failed
     * @return the INFO-CODE
     */
    public static int code(FailureReason reason) {
      return switch (reason) {
        // §4.23: "the resolver could not reach any of the authoritative name servers"
        case ALL_SERVERS_FAILED, TIMEOUT -> NO_REACHABLE_AUTHORITY;
        // §4.15: "not fully functional": stopping, the resolver answers nothing more
        case CLOSED -> NOT_READY;
        // §4.21: not authoritative, and recursion was not desired (RD=0): the cache could not answer
        case NOT_CACHED -> NOT_AUTHORITATIVE;
        // §4.7: "the resolver attempted to perform DNSSEC validation, but validation ended in the Bogus state"
        case DNSSEC_BOGUS -> DNSSEC_BOGUS;
        case HOP_LIMIT, LOOP, QUERY_BUDGET_EXCEEDED, REFERRAL_LIMIT, DEPTH_LIMIT, GLUELESS_LIMIT,
            CYCLIC_DEPENDENCY, YXDOMAIN, OVERLOADED, INTERNAL_ERROR -> OTHER;
      };
    }

    /**
     * The INFO-CODE for data found BOGUS: the most precise code RFC 8914 §4 has for why, else
     * "DNSSEC Bogus" (§4.7), as Unbound chooses them.
     *
     * @param reason why validation found the data bogus
     * @return the INFO-CODE
     */
    public static int code(BogusReason reason) {
      return switch (reason) {
        // §4.8, §4.9: the signature's validity period does not hold now
        case SIGNATURE_EXPIRED -> SIGNATURE_EXPIRED;
        case SIGNATURE_NOT_YET_VALID -> SIGNATURE_NOT_YET_VALID;
        // §4.10: no DNSKEY matches the DS (or the RRSIG's key tag), or the keys could not be had
        case DS_MATCHES_NO_KEY, NO_MATCHING_KEY, KEYS_UNAVAILABLE -> DNSKEY_MISSING;
        // §4.24: the parent's servers failed the DS look-up, "unable to resolve because of network
        // errors", as Unbound reports a failed DS fetch
        case DS_UNAVAILABLE -> NETWORK_ERROR;
        // §4.11: "the resolver could not find RRSIG records" for data of a signed zone
        case NO_SIGNATURE -> RRSIGS_MISSING;
        // A denial that does not prove what the answer claims is "DNSSEC Bogus" (§4.7), as Unbound
        // gives it: the NSEC or NSEC3 records usually came, they prove something else (§4.13's
        // "NSEC Missing" would send the operator looking for records that are there)
        case MISSING_PROOF, BAD_SIGNATURE, VERIFICATION_LIMIT -> DNSSEC_BOGUS;
      };
    }

    /**
     * Adds to {@code answer} the Extended DNS Error {@code resolution} calls for, if any.
     *
     * @param answer the answer built from {@code resolution}, changed in place
     * @param resolution the outcome
     * @return {@code answer}
     */
    public static Message add(Message answer, Resolution resolution) {
      if (resolution instanceof Resolution.Failure failure) {
        int code = failure.bogusReason() != null ? code(failure.bogusReason()) : code(failure.reason());
        return withExtendedError(answer, code,
            text(failure.reason() + ": " + failure.detail()));
      }
      for (Diagnostic diagnostic : resolution.diagnostics()) {
        if (diagnostic.kind() == Diagnostic.Oddity.STALE_ANSWER) {
          int code = resolution instanceof Resolution.NxDomain ? STALE_NXDOMAIN_ANSWER : STALE_ANSWER;
          return withExtendedError(answer, code, text(diagnostic.detail()));
        }
      }
      return answer;
    }

    /**
     * Adds an Extended DNS Error (RFC 8914) to {@code answer}'s OPT record. An answer without one
     * (the query had no EDNS) is left as it is: EDNS options go only to clients that speak EDNS.
     *
     * @param answer the answer, changed in place
     * @param code an RFC 8914 INFO-CODE
     * @param text the EXTRA-TEXT, for people reading {@code dig}'s output
     * @return {@code answer}
     */
    public static Message withExtendedError(Message answer, int code, String text) {
      OPTRecord opt = answer.getOPT();
      if (opt == null) {
        return answer;
      }
      List<EDNSOption> options = new ArrayList<>(opt.getOptions());
      options.add(new ExtendedErrorCodeOption(code, text));
      answer.removeRecord(opt, Section.ADDITIONAL);
      answer.addRecord(new OPTRecord(opt.getPayloadSize(), opt.getExtendedRcode(), opt.getVersion(),
          opt.getFlags(), options), Section.ADDITIONAL);
      return answer;
    }

    /**
     * {@code text} as an EXTRA-TEXT: cut to {@link #MAX_TEXT} characters, the cut marked.
     *
     * @param text the text
     * @return the text, at most {@link #MAX_TEXT} characters long
     */
    public static String text(String text) {
      return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 3) + "...";
    }
  }
}
