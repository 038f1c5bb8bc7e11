package org.dnschase.resolver.server.internal;

import org.xbill.DNS.Message;
import org.xbill.DNS.Record;

/**
 * What one datagram or TCP frame asks of the server, as {@link RequestDecoder} reads it: nothing
 * (it is not a query one may answer), an error answered at once, or a question for the resolver.
 */
public sealed interface Request {

  /**
   * Not answered: too short for a header, or a response (QR=1), which a server never answers
   * lest two servers answer each other forever.
   *
   * @param reason why, for the log
   */
  record Ignored(String reason) implements Request {}

  /**
   * Answered at once, without the resolver: FORMERR, NOTIMP, REFUSED or BADVERS.
   *
   * @param query what could be read of the query: its header, and its question and OPT record
   *     when they parsed
   * @param rcode the answer's rcode, a dnsjava {@link org.xbill.DNS.Rcode} constant (BADVERS
   *     included, which needs the OPT record's extended bits)
   * @param reason why, for the log
   * @param explained the EXTRA-TEXT of the Extended DNS Error (RFC 8914, 0: Other) the answer
   *     carries to a client with EDNS, for a reason its own query does not show it; null for none
   */
  record Rejected(Message query, int rcode, String reason, String explained) implements Request {

    /** Rejected for a reason the query shows its client: no Extended DNS Error. */
    public Rejected(Message query, int rcode, String reason) {
      this(query, rcode, reason, null);
    }
  }

  /**
   * A well-formed query of class IN with one question, for the resolver.
   *
   * @param query the whole query, whose ID, flags, question and EDNS the answer echoes
   * @param question its question
   * @param udpPayload the most octets an answer over UDP may take: the client's EDNS payload size
   *     (at least 512), capped at the server's own, or 512 without EDNS (RFC 6891 §6.2.5)
   */
  record Query(Message query, Record question, int udpPayload) implements Request {}
}
