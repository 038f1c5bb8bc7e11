package org.dnschase.resolver.server.internal;

import java.util.Arrays;
import org.xbill.DNS.Header;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;

/**
 * The questions of recent plain queries, by their octets as sent (with the plain OPT record after
 * them, if any): a question asked again in the
 * same spelling is known without parsing its name again, and with the very {@link Name} instance
 * read the first time, whose hash dnsjava keeps in it and which the resolution cache holds as its
 * key once that instance was asked, so the cache's look-up ends at an identity check instead of
 * hashing and comparing the name label by label.
 *
 * <p>Only the octets of a question {@link PlainQuery#read} took (spelt out, class IN, followed by
 * nothing or a plain OPT record) are kept, and a question is taken from here only when its octets
 * equal the kept ones exactly, case included (RFC 4343 §4.1: the answer echoes the spelling). Each
 * question has one slot, chosen by a hash of its octets; a new one replaces the old. Threads share the slots
 * without locks: an entry is immutable, and a slot read while another thread replaces it gives
 * either entry, each of them whole.
 */
final class QuestionNames {

  /** Questions kept: enough for the names a busy server is asked many times a second. */
  static final int SLOTS = 8192;

  /** Where the question starts: right after the header (RFC 1035 §4.1.1). */
  private static final int QUESTION = Header.LENGTH;

  /**
   * A question read.
   *
   * @param octets its octets: name, type, class
   * @param hash their hash
   * @param name its name, as spelt
   * @param type its type
   * @param opt the OPT record after it, or null
   */
  record Entry(byte[] octets, int hash, Name name, int type, OPTRecord opt) {}

  private final Entry[] slots = new Entry[SLOTS];

  /**
   * The name and type of the question (and the OPT record) that fill {@code wire} from the end of
   * its header, if those very octets were kept.
   *
   * @param wire a query's octets
   * @return the entry, or null
   */
  Entry find(byte[] wire) {
    int hash = hash(wire);
    Entry entry = slots[hash & (SLOTS - 1)];
    return entry != null && entry.hash == hash
        && Arrays.equals(entry.octets, 0, entry.octets.length, wire, QUESTION, wire.length) ? entry : null;
  }

  /**
   * Keeps the question that fills {@code wire} from the end of its header, read as {@code name}
   * and {@code type}, with {@code opt} after it.
   */
  void keep(byte[] wire, Name name, int type, OPTRecord opt) {
    int hash = hash(wire);
    slots[hash & (SLOTS - 1)] = new Entry(Arrays.copyOfRange(wire, QUESTION, wire.length), hash, name, type, opt);
  }

  private static int hash(byte[] wire) {
    int hash = 1;
    for (int i = QUESTION; i < wire.length; i++) {
      hash = 31 * hash + wire[i];
    }
    return hash ^ hash >>> 13;
  }
}
