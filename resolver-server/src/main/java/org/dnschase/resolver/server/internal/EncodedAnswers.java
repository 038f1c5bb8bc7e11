package org.dnschase.resolver.server.internal;

import java.util.Arrays;
import org.dnschase.resolver.Resolution;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.OPTRecord;

/**
 * The octets of recent answers, so that a question the resolver answers with the very outcome it
 * gave before is answered with a copy of the octets written then, with the query's ID and its
 * spelling of the question patched in, as Unbound answers from its message cache. A resolution
 * cache hit hands out one immutable outcome per snapshot of its data, so the same outcome comes
 * back for every cached question until a TTL moves on; building and encoding its message cost
 * more than the rest of such an answer.
 *
 * <p>An answer depends on the outcome and on what it echoes of the query: its ID, the question's
 * spelling (RFC 4343 §4.1), RD and CD, EDNS and DO, AD (which a secure outcome's answer sets for
 * a client that set DO or AD), and the room it must fit in. The ID and the
 * spelling are patched (compressed names that point into the question take its spelling either
 * way); the rest is the query's shape, and a kept answer is used only for a query of the same
 * shape. The question's octets are patched only when the query spelt it out at the same offset
 * with the same length, the same name in another case; otherwise the answer is encoded anew.
 *
 * <p>Each outcome has two slots, chosen by two parts of its identity hash, and its answer is kept
 * in one of them: an empty one, else either, in turn. With one slot, two outcomes asked in turn
 * that hashed alike would push each other out on every question (a few dozen pairs among a few
 * hundred names); with two, both stay. At most {@link #SLOTS} outcomes are kept beyond the
 * resolver's own. Threads share the slots without locks: an entry is immutable, and a slot read
 * while another thread replaces it gives either entry, each of them whole.
 */
final class EncodedAnswers {

  /** Outcomes whose answers are kept: enough for the names a busy server answers many times a second. */
  static final int SLOTS = 8192;

  /** Where the question starts: right after the header (RFC 1035 §4.1.1). */
  private static final int QUESTION = Header.LENGTH;

  /** One answer written: for this outcome and query shape, these octets, the question ending at {@code questionEnd}. */
  private record Entry(Resolution outcome, int shape, byte[] wire, int questionEnd) {}

  private final Entry[] slots = new Entry[SLOTS];
  /** Which of two full slots the next answer replaces; racy, as any alternation will do. */
  private int turn;

  /**
   * The answer kept for {@code outcome} and {@code shape}, patched for the query: its ID and its
   * spelling of the question.
   *
   * @param outcome the resolver's outcome
   * @param shape the query's shape, {@link #shape}
   * @param queryWire the query's octets
   * @return the answer's octets, or null when none is kept for them (then encode it and {@link #keep} it)
   */
  byte[] kept(Resolution outcome, int shape, byte[] queryWire) {
    int hash = System.identityHashCode(outcome);
    byte[] kept = kept(slots[first(hash)], outcome, shape, queryWire);
    return kept != null ? kept : kept(slots[second(hash)], outcome, shape, queryWire);
  }

  /**
   * Keeps {@code wire}, the answer encoded for {@code outcome} to a query of {@code shape}.
   *
   * @param outcome the resolver's outcome
   * @param shape the query's shape, {@link #shape}
   * @param wire the answer's octets, never changed afterwards
   * @param questionEnd where the question ends in them (and in the query's octets)
   */
  void keep(Resolution outcome, int shape, byte[] wire, int questionEnd) {
    int hash = System.identityHashCode(outcome);
    int first = first(hash);
    int second = second(hash);
    int slot = slots[first] == null ? first : slots[second] == null || (turn++ & 1) == 0 ? second : first;
    slots[slot] = new Entry(outcome, shape, wire, questionEnd);
  }

  private static int first(int hash) {
    return hash & (SLOTS - 1);
  }

  private static int second(int hash) {
    return (hash >>> 16 ^ hash * 31) & (SLOTS - 1);
  }

  /** The entry's answer patched for the query, if the entry is this outcome's for this shape. */
  private static byte[] kept(Entry entry, Resolution outcome, int shape, byte[] queryWire) {
    return entry != null && entry.outcome == outcome && entry.shape == shape ? patched(entry, queryWire) : null;
  }

  /**
   * What of a query an answer echoes, besides its ID and question: RD, CD, AD, EDNS, DO, and the room.
   *
   * @param header the query's header
   * @param opt the query's OPT record, or null
   * @param room the octets the answer may take
   * @return the shape, equal for two queries exactly when their answers to one outcome are
   */
  static int shape(Header header, OPTRecord opt, int room) {
    int flags = (header.getFlag(Flags.RD) ? 1 : 0) | (header.getFlag(Flags.CD) ? 2 : 0)
        | (header.getFlag(Flags.AD) ? 4 : 0) | (opt != null ? 8 : 0)
        | (opt != null && (opt.getFlags() & ExtendedFlags.DO) != 0 ? 16 : 0);
    return room << 5 | flags;
  }

  /**
   * A copy of the kept answer with the query's ID and question octets, or null when the query's
   * question is not the kept one's in another case at the same place (a compressed question).
   */
  private static byte[] patched(Entry kept, byte[] queryWire) {
    int end = kept.questionEnd;
    if (queryWire.length < end || kept.wire.length < end || !sameIgnoringCase(queryWire, kept.wire, end)) {
      return null;
    }
    byte[] wire = kept.wire.clone();
    wire[0] = queryWire[0];
    wire[1] = queryWire[1];
    System.arraycopy(queryWire, QUESTION, wire, QUESTION, end - QUESTION);
    return wire;
  }

  /**
   * Whether the octets from the question to {@code end} agree, ASCII letters compared without case:
   * compared whole first (a vectorized compare), as a question mostly comes again in the spelling
   * kept, then octet by octet from the first that differs.
   */
  private static boolean sameIgnoringCase(byte[] a, byte[] b, int end) {
    int differs = Arrays.mismatch(a, QUESTION, end, b, QUESTION, end);
    if (differs < 0) {
      return true;
    }
    for (int i = QUESTION + differs; i < end; i++) {
      if (a[i] != b[i] && lower(a[i]) != lower(b[i])) {
        return false;
      }
    }
    return true;
  }

  private static int lower(byte octet) {
    return octet >= 'A' && octet <= 'Z' ? octet + ('a' - 'A') : octet;
  }
}
