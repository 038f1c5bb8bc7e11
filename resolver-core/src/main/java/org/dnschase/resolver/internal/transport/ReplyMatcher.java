package org.dnschase.resolver.internal.transport;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Decides whether a message is the reply to a query from its first octets, before it is parsed:
 * it must carry the query's ID, have QR set, repeat the question (RFC 5452 §9.1) and the query's
 * opcode, QUERY (RFC 1035 §4.1.1: copied into the response); that it came
 * from the address and port the query went to is the channel handler's check. Anything else is
 * ignored, so a spoofed or stray packet cannot complete a query; and it is ignored after its
 * header and question, so a server that floods an exchange with large messages that are not its
 * reply costs the event loop a few octets' comparison per message, not a parse of each (as
 * Unbound drops them by ID and question name on the wire).
 */
final class ReplyMatcher {

  /** The header's length, where the question starts (RFC 1035 §4.1.1). */
  static final int HEADER = 12;
  private static final int QR = 0x80;
  /** The opcode's four bits in the header's third octet; every query of ours is opcode QUERY, 0. */
  private static final int OPCODE = 0x78;
  /** The question's type and class, after its name. */
  private static final int TYPE_AND_CLASS = 4;

  private ReplyMatcher() {}

  /**
   * The question section of {@code query} (one of ours, so its one question name is uncompressed
   * right after the header): the name's octets, then its type and class.
   */
  static byte[] question(byte[] query) {
    return Arrays.copyOfRange(query, HEADER, nameEnd(query) + TYPE_AND_CLASS);
  }

  /** The offset just past the question name of {@code query}: its labels and the root label. */
  static int nameEnd(byte[] query) {
    int i = HEADER;
    while (query[i] != 0) {
      i += 1 + (query[i] & 0xff);
    }
    return i + 1;
  }

  /**
   * Whether {@code reply} (its remaining octets) has the ID {@code id}, QR set, opcode QUERY, a question, and
   * as its first question {@code question} (as {@link #question} gives it), the name's letters in
   * either case (RFC 4343 §3). A name compressed into the header is not the question.
   */
  static boolean matches(ByteBuffer reply, int id, byte[] question) {
    int at = reply.position();
    if (reply.remaining() < HEADER + question.length
        || (reply.getShort(at) & 0xffff) != id
        || (reply.get(at + 2) & (QR | OPCODE)) != QR
        || reply.getShort(at + 4) == 0) {
      return false;
    }
    int nameLength = question.length - TYPE_AND_CLASS;
    for (int i = 0; i < question.length; i++) {
      byte got = reply.get(at + HEADER + i);
      byte sent = question[i];
      if (got != sent && !(i < nameLength && QuestionCase.isLetter(sent)
          && (got | QuestionCase.CASE_BIT) == (sent | QuestionCase.CASE_BIT))) {
        return false;
      }
    }
    return true;
  }
}
