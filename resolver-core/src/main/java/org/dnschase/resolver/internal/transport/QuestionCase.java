package org.dnschase.resolver.internal.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

/**
 * 0x20 (draft-vixie-dnsext-dns0x20, Unbound's use-caps-for-id): the question name of a query goes
 * out with the case of each letter drawn at random, and a reply counts only if its question
 * repeats that spelling exactly, one more bit per letter that an off-path attacker must guess
 * besides the ID and the port. Once a reply matched, the name as the resolver asked it is written
 * back over the echoed one before the reply is parsed: records compressed against the question
 * then carry the asked spelling, and the random case reaches no result and no cache key.
 */
final class QuestionCase {

  /** Where the question name starts: right after the 12-octet header (RFC 1035 §4.1.1). */
  private static final int QUESTION_OFFSET = ReplyMatcher.HEADER;
  /** The bit that tells a lower-case ASCII letter from its upper case. */
  static final int CASE_BIT = 0x20;

  /** How a reply's question name compares with the one sent. */
  enum Echo {
    /** Octet for octet the name sent. */
    EXACT,
    /** The same name, some letter in another case: a server that does not echo case, or a forgery. */
    OTHER_CASE,
    /** Another name, or none: not a reply to this question. */
    OTHER_NAME
  }

  private final byte[] asked;
  private final byte[] sent;
  private final CaseRandomization from;

  private QuestionCase(byte[] asked, byte[] sent, CaseRandomization from) {
    this.asked = asked;
    this.sent = sent;
    this.from = from;
  }

  /**
   * Draws a random case for every letter of the question name in {@code query}, in place; the
   * query is one of ours, so its name is uncompressed right after the header.
   */
  static QuestionCase randomize(byte[] query, Random random, CaseRandomization from) {
    int end = ReplyMatcher.nameEnd(query);
    byte[] asked = Arrays.copyOfRange(query, QUESTION_OFFSET, end);
    byte[] bits = new byte[(end - QUESTION_OFFSET + 7) / 8];
    random.nextBytes(bits);
    for (int i = QUESTION_OFFSET; i < end; i++) {
      if (isLetter(query[i])) {
        int bit = i - QUESTION_OFFSET;
        boolean upper = (bits[bit / 8] & (1 << (bit % 8))) != 0;
        query[i] = (byte) (upper ? query[i] & ~CASE_BIT : query[i] | CASE_BIT);
      }
    }
    return new QuestionCase(asked, Arrays.copyOfRange(query, QUESTION_OFFSET, end), from);
  }

  /** How the question name of {@code reply} (its remaining octets) compares with the one sent. */
  Echo echo(ByteBuffer reply) {
    int start = reply.position() + QUESTION_OFFSET;
    if (reply.remaining() < QUESTION_OFFSET + sent.length) {
      return Echo.OTHER_NAME;
    }
    Echo echo = Echo.EXACT;
    for (int i = 0; i < sent.length; i++) {
      byte got = reply.get(start + i);
      if (got != sent[i]) {
        if (!isLetter(sent[i]) || (got | CASE_BIT) != (sent[i] | CASE_BIT)) {
          return Echo.OTHER_NAME;
        }
        echo = Echo.OTHER_CASE;
      }
    }
    return echo;
  }

  /** Writes the name as the resolver asked it over the question name of {@code reply}. */
  void restore(ByteBuffer reply) {
    reply.put(reply.position() + QUESTION_OFFSET, asked);
  }

  /** The server's replies spelt the question otherwise until its exchange timed out. */
  void notEchoedBy(InetSocketAddress server) {
    from.notEchoedBy(server);
  }

  /**
   * An ASCII letter (RFC 4343 §3: only these compare without case). Label length octets, at
   * most 63, never are.
   */
  static boolean isLetter(byte octet) {
    int lower = octet | CASE_BIT;
    return lower >= 'a' && lower <= 'z';
  }
}
