package org.dnschase.resolver.spi;

import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
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
 *       except {@link FailureReason#YXDOMAIN}, which is YXDOMAIN (RFC 6672 §2.2).
 *   <li>Answer section: the chain's records in order, then the final RRset (RFC 6604 §2). A
 *       SERVFAIL carries no records by default ({@link ServfailAnswer}). A YXDOMAIN carries the
 *       chain and then the DNAME whose substitution was too long.
 *   <li>Authority section: the SOA that proves a negative answer (RFC 2308 §3), when there is
 *       one, followed by the zone's NS records when the server that proved it sent them.
 *   <li>Header: the query's ID and opcode, QR and RA set, RD and CD echoed (RFC 1035 §4.1.1,
 *       RFC 4035 §3.2.2), never AA (the data is not ours); AD when the outcome is {@link
 *       Resolution.Security#SECURE} and the query set DO or AD (RFC 4035 §3.2.3, RFC 6840 §5.8).
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
    Message response = new Message(query.getHeader().getID());
    setHeader(response.getHeader(), query, rcode(resolution), resolution.security());
    // The client's own spelling of the name goes back to it (RFC 4343 §4.1).
    response.addRecord(question, Section.QUESTION);
    answerSection(resolution, servfail).forEach(record -> response.addRecord(record, Section.ANSWER));
    authoritySection(resolution).forEach(record -> response.addRecord(record, Section.AUTHORITY));
    OPTRecord queryOpt = query.getOPT();
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
   * @return NOERROR, NXDOMAIN, YXDOMAIN or SERVFAIL
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
   * substitution that grew too long (RFC 6672 §2.2), SERVFAIL for every other reason.
   *
   * @param reason why the resolution failed
   * @return YXDOMAIN or SERVFAIL
   */
  public static int rcode(FailureReason reason) {
    return reason == FailureReason.YXDOMAIN ? Rcode.YXDOMAIN : Rcode.SERVFAIL;
  }

  private static List<Record> answerSection(Resolution resolution, ServfailAnswer servfailAnswer) {
    boolean servfail = resolution instanceof Resolution.Failure failure && failure.reason() != FailureReason.YXDOMAIN;
    return servfail && servfailAnswer == ServfailAnswer.EMPTY ? List.of() : resolution.answerSection();
  }

  /** A negative answer's proof: its SOA, then the zone's NS records where the server gave them. */
  private static List<Record> authoritySection(Resolution resolution) {
    List<Record> authority = new ArrayList<>();
    if (resolution instanceof Resolution.Negative negative && negative.soa() != null) {
      authority.add(negative.soa());
      authority.addAll(negative.nameServers());
    }
    return authority;
  }

  private static void setHeader(Header header, Message query, int rcode, Resolution.Security security) {
    Header queryHeader = query.getHeader();
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
    OPTRecord opt = query.getOPT();
    boolean dnssecOk = opt != null && (opt.getFlags() & ExtendedFlags.DO) != 0;
    if (security == Resolution.Security.SECURE && (dnssecOk || queryHeader.getFlag(Flags.AD))) {
      header.setFlag(Flags.AD);
    }
  }
}
