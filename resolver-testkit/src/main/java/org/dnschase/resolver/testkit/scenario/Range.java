package org.dnschase.resolver.testkit.scenario;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;

/**
 * A {@code RANGE} block (FORMAT §4): scripted servers at {@code addresses}, active while the
 * step being played has an id in [{@code from}, {@code to}], answering from {@code entries}.
 *
 * @param addresses the union of the RANGE_BEGIN address and the ADDRESS lines (Deckard); empty
 *     means every destination
 * @param line the line of RANGE_BEGIN
 */
public record Range(int from, int to, Set<InetAddress> addresses, List<Entry> entries, int line) {

  public Range {
    addresses = Set.copyOf(addresses);
    entries = List.copyOf(entries);
  }

  /** Whether this range serves {@code destination} while step {@code step} is played. */
  public boolean serves(InetAddress destination, int step) {
    return from <= step && step <= to && (addresses.isEmpty() || addresses.contains(destination));
  }
}
