package org.dnschase.resolver.testkit.scenario;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code MATCH} options this replayer implements, with Deckard's meaning (FORMAT §6.1). The
 * entry's message is the expected side, the message received is compared with it.
 */
public enum Match {
  /** Opcodes equal. */
  OPCODE("opcode"),
  /** First question's type equal. */
  QTYPE("qtype"),
  /** First question's name equal, case-insensitive. */
  QNAME("qname"),
  /** First question's name equal, letter case included. */
  QCASE("qcase"),
  /** The received name equals or is below the expected one; an expected entry without question accepts any. */
  SUBDOMAIN("subdomain"),
  /** {@link #QTYPE} and {@link #QNAME} (Deckard; the class is not compared). */
  QUESTION("question"),
  /** The same set of header flags QR AA TC RD RA AD CD. */
  FLAGS("flags"),
  /** Rcodes equal. */
  RCODE("rcode"),
  /** Answer sections equal as multisets, TTLs ignored (FORMAT §6.3). */
  ANSWER("answer"),
  /** Authority sections equal as multisets, TTLs ignored. */
  AUTHORITY("authority"),
  /** Additional sections equal as multisets, TTLs and OPT ignored. */
  ADDITIONAL("additional"),
  /** Deckard's {@code all}: opcode, qtype, qname, flags, rcode and the three sections. */
  ALL("all"),
  /** (testbound) Section comparisons include the TTLs. */
  TTL("ttl"),
  /** (testbound) The message came over TCP; on a client query, a request to send it so (ignored). */
  TCP("TCP"),
  /** (testbound) The message came over UDP. */
  UDP("UDP"),
  /**
   * (testbound {@code ede=<code>|any}) The message's EDNS carries an extended DNS error (RFC 8914)
   * of that code, or of any code; the code is the entry's {@link Entry#extendedError()}.
   */
  EDE("ede");

  private final String option;

  Match(String option) {
    this.option = option;
  }

  /** {@return the option as written after MATCH} */
  public String option() {
    return option;
  }

  /** The option spelled {@code text}, if this replayer implements it. */
  static Optional<Match> of(String text) {
    if (text.startsWith("ede=")) {
      return Optional.of(EDE);
    }
    for (Match match : values()) {
      if (match.option.equals(text)) {
        return Optional.of(match);
      }
    }
    return Optional.empty();
  }

  /** The options with {@link #ALL} and {@link #QUESTION} replaced by what they stand for. */
  static Set<Match> expand(Set<Match> matches) {
    Set<Match> expanded = matches.isEmpty() ? EnumSet.noneOf(Match.class) : EnumSet.copyOf(matches);
    if (expanded.remove(ALL)) {
      expanded.addAll(EnumSet.of(OPCODE, QTYPE, QNAME, FLAGS, RCODE, ANSWER, AUTHORITY, ADDITIONAL));
    }
    if (expanded.remove(QUESTION)) {
      expanded.addAll(EnumSet.of(QTYPE, QNAME));
    }
    return expanded;
  }
}
