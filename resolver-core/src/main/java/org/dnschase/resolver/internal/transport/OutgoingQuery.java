package org.dnschase.resolver.internal.transport;

import java.net.InetSocketAddress;
import java.util.function.IntSupplier;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;

/**
 * A query as it goes out to one server: its wire form with a fresh random ID (RFC 5452 §4.3) and,
 * with 0x20 on, its question name in a random case, and the reply that form waits for.
 *
 * @param wire the octets sent
 * @param expected what the reply to them must be
 */
record OutgoingQuery(byte[] wire, ExpectedReply expected) {

  /** {@code query} for {@code server}: ID from {@code ids}, case from {@code caseRandomization} (null: as asked). */
  static OutgoingQuery of(InetSocketAddress server, Message query, IntSupplier ids,
      CaseRandomization caseRandomization) {
    byte[] wire = query.toWire();
    QuestionCase spelling = caseRandomization == null ? null : caseRandomization.spell(server, wire);
    return stamped(server, query.getQuestion(), wire, spelling, ids);
  }

  /** The same question asked again (over TCP after a truncated reply): same case, a fresh ID. */
  OutgoingQuery again(IntSupplier ids) {
    return stamped(expected.server(), expected.question(), wire.clone(), expected.spelling(), ids);
  }

  /** Writes a fresh ID into {@code wire} (its first two octets) and the reply that expects it. */
  private static OutgoingQuery stamped(InetSocketAddress server, Record question, byte[] wire,
      QuestionCase spelling, IntSupplier ids) {
    int id = ids.getAsInt();
    wire[0] = (byte) (id >>> 8);
    wire[1] = (byte) id;
    return new OutgoingQuery(wire, new ExpectedReply(server, id, question, ReplyMatcher.question(wire), spelling));
  }
}
