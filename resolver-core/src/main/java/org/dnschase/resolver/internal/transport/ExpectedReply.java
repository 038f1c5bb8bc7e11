package org.dnschase.resolver.internal.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;

/**
 * The reply one query waits for (RFC 5452 §9.1): with the query's ID, QR set and the question
 * repeated, in the random case it went out in when 0x20 is on; that it came from the server's
 * address and port is the socket's check. Whatever carries the datagrams (a channel on an event
 * loop, or a plain socket while Netty starts) offers each one here; anything else is ignored, so a
 * stray or spoofed packet cannot end the exchange.
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
   * another ID, another question, the question in another case than sent, or unparseable. Only a
   * datagram whose header and question are this query's is parsed.
   */
  Message match(ByteBuffer datagram) {
    if (!ReplyMatcher.matches(datagram, id, questionSent) || (spelling != null && !spelledAsSent(datagram))) {
      return null;
    }
    try {
      // dnsjava copies what it keeps, so the datagram's buffer may be reused afterwards
      return new Message(datagram);
    } catch (IOException | RuntimeException e) {
      return null;
    }
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
        + " or question, or unparseable)" + caseNotEchoed());
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
