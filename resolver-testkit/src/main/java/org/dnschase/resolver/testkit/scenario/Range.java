package org.dnschase.resolver.testkit.scenario;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;

/**
 * A {@code RANGE} block (FORMAT §4): scripted servers at {@code addresses}, active while the
 * step being played has an id in [{@code from}, {@code to}], answering from {@code entries}.
 *
 * @param from the first step id of the window
 * @param to the last step id of the window
 * @param addresses the union of the RANGE_BEGIN address and the ADDRESS lines (Deckard); empty
 *     means every destination
 * @param entries the answer templates, in file order
 * @param line the line of RANGE_BEGIN
 */
public record Range(int from, int to, Set<InetAddress> addresses, List<Entry> entries, int line) {

  /** Copies the addresses and entries. */
  public Range {
    addresses = Set.copyOf(addresses);
    entries = List.copyOf(entries);
  }

  /**
   * Whether this range serves {@code destination} while step {@code step} is played.
   *
   * @param destination the server address a query was sent to
   * @param step the id of the step being played
   * @return true if this range answers that query
   */
  public boolean serves(InetAddress destination, int step) {
    return from <= step && step <= to && (addresses.isEmpty() || addresses.contains(destination));
  }
}
