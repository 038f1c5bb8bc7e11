package org.dnschase.resolver.testkit.scenario;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;

/**
 * One {@code ENTRY} (FORMAT §5): a DNS message with its MATCH and ADJUST options. Depending on
 * where it stands it is a client query (STEP QUERY), an expected answer (STEP CHECK_ANSWER) or an
 * answer template (in a RANGE, or STEP REPLY).
 */
public final class Entry {

  private final int line;
  private final Set<Match> matches;
  private final Set<Adjust> adjusts;
  private final Message message;
  private final Map<Integer, List<Record>> emptyRrsets;
  private final boolean dnssecOk;
  private final boolean mandatory;
  private final int extendedError;
  private final byte[] raw;

  Entry(int line, Set<Match> matches, Set<Adjust> adjusts, Message message, Map<Integer, List<Record>> emptyRrsets,
      boolean dnssecOk, boolean mandatory, int extendedError, byte[] raw) {
    this.line = line;
    this.matches = matches.isEmpty() ? EnumSet.noneOf(Match.class) : EnumSet.copyOf(matches);
    this.adjusts = adjusts.isEmpty() ? EnumSet.noneOf(Adjust.class) : EnumSet.copyOf(adjusts);
    this.message = message;
    this.emptyRrsets = Map.copyOf(emptyRrsets);
    this.dnssecOk = dnssecOk;
    this.mandatory = mandatory;
    this.extendedError = extendedError;
    this.raw = raw == null ? null : raw.clone();
  }

  /** {@return the extended DNS error code {@code MATCH ede=} expects; {@link #ANY_EXTENDED_ERROR} for {@code any}} */
  public int extendedError() {
    return extendedError;
  }

  /** {@code MATCH ede=any}: an extended DNS error of any code. */
  public static final int ANY_EXTENDED_ERROR = -1;

  /**
   * The bytes of a {@code RAW} entry (Deckard: a client query sent as is, however malformed),
   * or empty when the entry is a message.
   *
   * @return a copy of the raw bytes, or empty
   */
  public java.util.Optional<byte[]> raw() {
    return java.util.Optional.ofNullable(raw).map(byte[]::clone);
  }

  /** {@return the line of ENTRY_BEGIN} */
  public int line() {
    return line;
  }

  /** {@return the MATCH options as written (empty: the entry matches any message, as in testbound)} */
  public Set<Match> matches() {
    return Set.copyOf(matches);
  }

  /**
   * Whether the entry's ADJUST line lists {@code adjust}.
   *
   * @param adjust an ADJUST option
   * @return true if the entry is adjusted so
   */
  public boolean has(Adjust adjust) {
    return adjusts.contains(adjust);
  }

  /**
   * A copy of the entry's message: the header from its REPLY line (exactly the listed flags),
   * the question and the sections in file order. EDNS is not part of it; see {@link #dnssecOk()}.
   *
   * @return a fresh copy of the message
   */
  public Message message() {
    return message.clone();
  }

  /**
   * The RRsets of no records a section lists (a line with an owner and a type but no data, as
   * dnspython reads it): they add nothing to a message built from the entry, and a message
   * compared with it never carries them.
   *
   * @param section a {@link org.xbill.DNS.Section} number
   * @return the owner, class and type of each, as question records
   */
  List<Record> emptyRrsets(int section) {
    return emptyRrsets.getOrDefault(section, List.of());
  }

  /** {@return whether the REPLY line lists {@code DO}: the EDNS DO bit of this message} */
  public boolean dnssecOk() {
    return dnssecOk;
  }

  /** {@return whether the entry is MANDATORY (Deckard): the scenario fails if it is never used} */
  public boolean mandatory() {
    return mandatory;
  }

  /** {@return the first question, or null when the entry has none} */
  public Record question() {
    return message.getQuestion();
  }

  /**
   * Compares {@code received} with this entry under its MATCH options (FORMAT §6, Deckard's
   * semantics).
   *
   * @param received the message to compare
   * @return the differences found, one line each; empty when the message matches
   */
  public List<String> differences(Message received) {
    return differences(received, false);
  }

  /**
   * As {@link #differences(Message)}, for a message that came over TCP when {@code overTcp}.
   *
   * @param received the message to compare
   * @param overTcp whether it came over TCP
   * @return the differences found, one line each; empty when the message matches
   */
  public List<String> differences(Message received, boolean overTcp) {
    return MessageComparison.differences(Match.expand(matches), this, received, overTcp);
  }

  /**
   * Whether {@code received} matches under the MATCH options; an entry without MATCH matches anything.
   *
   * @param received the message to compare
   * @return true when it matches
   */
  public boolean matches(Message received) {
    return differences(received).isEmpty();
  }

  /**
   * As {@link #matches(Message)}, for a message that came over TCP when {@code overTcp}.
   *
   * @param received the message to compare
   * @param overTcp whether it came over TCP
   * @return true when it matches
   */
  public boolean matches(Message received, boolean overTcp) {
    return differences(received, overTcp).isEmpty();
  }

  @Override
  public String toString() {
    Record question = question();
    return "ENTRY at line " + line + (question == null ? "" : " (" + question.getName() + " "
        + org.xbill.DNS.Type.string(question.getType()) + ")");
  }
}
