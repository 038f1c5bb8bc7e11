package org.dnschase.resolver.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dnschase.resolver.internal.iterate.Questions;
import org.dnschase.resolver.spi.LogText;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Search domains with {@code ndots}, applied to names given without a trailing dot as the GNU C
 * library's {@code res_search} applies them: a name with at least {@code ndots} dots is tried as
 * it is first, then with each domain appended; a name with fewer dots is tried with each domain
 * first, then as it is. The first candidate with an address wins; NXDOMAIN, NODATA and failures
 * move on to the next. A name with a trailing dot is absolute and tried alone.
 *
 * @param domains the domains appended, in order, each absolute
 * @param ndots how many dots make a name tried as it is first, 0..15
 */
public record SearchList(List<Name> domains, int ndots) {

  /** The C library's default. */
  public static final int DEFAULT_NDOTS = 1;
  /** The C library's cap ({@code RES_MAXNDOTS}): larger values in resolv.conf are taken as 15. */
  public static final int MAX_NDOTS = 15;

  /** Copies the domains and checks them and {@code ndots}. */
  public SearchList {
    domains = List.copyOf(domains);
    for (Name domain : domains) {
      if (!domain.isAbsolute()) {
        throw new IllegalArgumentException("search domain must be absolute: " + domain);
      }
    }
    if (ndots < 0 || ndots > MAX_NDOTS) {
      throw new IllegalArgumentException("ndots must be 0.." + MAX_NDOTS + ", was " + ndots);
    }
  }

  /**
   * Search domains given as text, with or without the trailing dot.
   *
   * @param domains the domains, in order
   * @param ndots how many dots make a name tried as it is first, 0..15
   * @return the search list
   * @throws IllegalArgumentException if a domain is malformed, naming it
   */
  public static SearchList of(List<String> domains, int ndots) {
    List<Name> names = new ArrayList<>(domains.size());
    for (String domain : domains) {
      names.add(domain(domain));
    }
    return new SearchList(names, ndots);
  }

  /**
   * The search domains and {@code ndots} of a resolv.conf file.
   *
   * @param conf the parsed file
   * @return the search list
   */
  public static SearchList from(ResolvConf conf) {
    return new SearchList(conf.search(), conf.ndots());
  }

  private static Name domain(String text) {
    Objects.requireNonNull(text, "domain");
    if (text.isEmpty() || text.equals(".")) {
      throw new IllegalArgumentException("search domain is empty");
    }
    try {
      return Questions.fromText(text);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("malformed search domain '" + LogText.escaped(text) + "': "
          + LogText.escaped(e.getMessage()), e);
    }
  }
}
