package org.dnschase.resolver.internal.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.dnschase.resolver.spi.Replies;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The reply one query waits for (RFC 5452 §9.1): with the query's ID, QR set and the question
 * repeated, in the random case it went out in when 0x20 is on; that it came from the server's
 * address and port is the socket's check. Whatever carries the datagrams (a channel on an event
 * loop, or a plain socket while Netty starts) offers each one here; anything else is ignored, so a
 * stray or spoofed packet cannot end the exchange. A reply that is this query's but malformed ends
 * it as a bad reply ({@link #match}): forging one takes the ID, port and question a forged answer
 * would, and costs the resolver only the next server.
 */
final class ExpectedReply {

  private final InetSocketAddress server;
  private final int id;
  private final Record question;
  /** The question section as sent, which the reply's must repeat ({@link ReplyMatcher#question}). */
  private final byte[] questionSent;
  /** The random case the question went out in (0x20), or null when it went out as asked. */
  private final QuestionCase spelling;
  /** Whether a reply that was otherwise this exchange's spelt the question in another case. */
  private volatile boolean otherCaseSeen;

  ExpectedReply(InetSocketAddress server, int id, Record question, byte[] questionSent, QuestionCase spelling) {
    this.server = server;
    this.id = id;
    this.question = question;
    this.questionSent = questionSent;
    this.spelling = spelling;
  }

  InetSocketAddress server() {
    return server;
  }

  Record question() {
    return question;
  }

  QuestionCase spelling() {
    return spelling;
  }

  /**
   * The reply in {@code datagram} (its remaining octets), or null when it is not this query's:
   * another ID, another question, or the question in another case than sent. Only a datagram whose
   * header and question are this query's is parsed. Octets after its last record are ignored, as
   * Unbound, BIND and Knot Resolver ignore them; an address record that cannot be an address is
   * left out of it ({@link Replies#read}).
   *
   * @throws MalformedReplyException when it is this query's reply by its ID and question, but does
   *     not parse, or holds more than one OPT record or one outside the additional section (RFC 6891
   *     §6.1.1: its extended RCODE, EDNS flags and payload size would be a guess): the server's
   *     reply is a bad one, and the exchange ends with it at once rather than waiting out its
   *     timeout for a good one the server will not send (Unbound's iterator goes to the next server
   *     after a reply that does not parse)
   */
  Message match(ByteBuffer datagram) throws MalformedReplyException {
    if (!ReplyMatcher.matches(datagram, id, questionSent) || (spelling != null && !spelledAsSent(datagram))) {
      return null;
    }
    Message reply;
    try {
      // dnsjava copies what it keeps, so the datagram's buffer may be reused afterwards
      reply = Replies.read(datagram);
    } catch (IOException | RuntimeException e) {
      throw new MalformedReplyException(server, "it does not parse (" + e.getMessage() + ")");
    }
    int opts = optRecords(reply);
    if (opts > 1 || (opts == 1 && reply.getOPT() == null)) {
      throw new MalformedReplyException(server, opts == 1 ? "an OPT record outside the additional section"
          : opts + " OPT records, where RFC 6891 §6.1.1 allows one");
    }
    return reply;
  }

  /** The OPT records in the reply's sections, wherever they are. */
  private static int optRecords(Message reply) {
    int opts = 0;
    for (int section = Section.ANSWER; section <= Section.ADDITIONAL; section++) {
      for (Record record : reply.getSection(section)) {
        if (record.getType() == Type.OPT) {
          opts++;
        }
      }
    }
    return opts;
  }

  /**
   * 0x20: whether the reply's question repeats the random case exactly; if so the name as asked
   * is put back in it. One that spells it in another case is dropped like a forgery (the exchange
   * keeps waiting), and noted when its ID is ours: the server may not echo case.
   */
  private boolean spelledAsSent(ByteBuffer datagram) {
    switch (spelling.echo(datagram)) {
      case EXACT -> {
        spelling.restore(datagram);
        return true;
      }
      case OTHER_CASE -> otherCaseSeen = true; // the ID is ours: the matcher checked it first
      case OTHER_NAME -> { }
    }
    return false;
  }

  /**
   * The failure of an exchange that got no reply in {@code timeoutNanos}; a server whose replies
   * all spelt the question otherwise is first marked as one that does not echo case, so that
   * whoever asks it next, on the failure's own callbacks too, asks without 0x20.
   */
  TimeoutException timedOut(long timeoutNanos) {
    return new TimeoutException("no reply from " + server + " in " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
        + " ms" + caseNotEchoed());
  }

  /**
   * The failure of an exchange whose own connection carried a message that is not its reply; a
   * server that spelt the question otherwise is first marked as for {@link #timedOut}.
   */
  IOException notTheReply() {
    return new IOException(server + " sent a message over TCP that is not the reply to its query (another ID"
        + " or question)" + caseNotEchoed());
  }

  /** Marks a server whose replies spelt the question otherwise, and says so for the failure's message. */
  private String caseNotEchoed() {
    if (!otherCaseSeen) {
      return "";
    }
    spelling.notEchoedBy(server);
    return "; its replies did not repeat the question's random case (0x20)";
  }
}
