package org.dnschase.resolver.internal.host;

import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.host.SearchList;
import org.dnschase.resolver.internal.iterate.Questions;
import org.dnschase.resolver.spi.LogText;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.TextParseException;

/** The names a host name given as text is tried as, in order: {@code res_search}'s candidates. */
final class SearchCandidates {

  private SearchCandidates() {}

  /**
   * The candidates for {@code text}: the name alone when it ends in a dot or there is no search
   * list; otherwise the name as it is and with each search domain, as-is first when it has at
   * least {@code ndots} dots, last otherwise. A candidate over 255 octets is left out.
   *
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if the text is empty or not a valid name, with the reason
   */
  static List<Name> of(String text, SearchList search) {
    Name asIs = Questions.name(text);
    if (search == null || search.domains().isEmpty()) {
      return List.of(asIs);
    }
    Name relative = relative(text);
    if (relative.isAbsolute()) {
      return List.of(asIs);
    }
    List<Name> candidates = new ArrayList<>(search.domains().size() + 1);
    // the dots between labels: an escaped dot is part of its label
    boolean asIsFirst = relative.labels() - 1 >= search.ndots();
    if (asIsFirst) {
      candidates.add(asIs);
    }
    for (Name domain : search.domains()) {
      try {
        candidates.add(Name.concatenate(relative, domain));
      } catch (NameTooLongException tooLong) {
        // glibc skips a search domain that makes the name too long; so do we
      }
    }
    if (!asIsFirst) {
      candidates.add(asIs);
    }
    return List.copyOf(candidates);
  }

  private static Name relative(String text) {
    try {
      return Name.fromString(text);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("malformed name '" + LogText.escaped(text) + "': "
          + LogText.escaped(e.getMessage()), e);
    }
  }
}
