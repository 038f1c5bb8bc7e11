package org.dnschase.resolver.internal.host;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.host.ResolvConf;
import org.dnschase.resolver.host.SearchList;
import org.xbill.DNS.Name;

/** Parses resolv.conf as the GNU C library's {@code res_init} reads it, but strict about what it keeps. */
public final class ResolvConfParser {

  /** The C library's {@code MAXNS}: name servers beyond the third are ignored. */
  static final int MAX_NAME_SERVERS = 3;
  /** The C library's {@code MAXDNSRCH}: search domains beyond the sixth are ignored. */
  static final int MAX_SEARCH_DOMAINS = 6;

  private ResolvConfParser() {}

  /**
   * The file's settings.
   *
   * @throws IllegalArgumentException naming the source and line of the first malformed line
   */
  public static ResolvConf parse(String text, String source) {
    List<InetAddress> nameServers = new ArrayList<>();
    List<Name> search = List.of();
    int ndots = SearchList.DEFAULT_NDOTS;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int line = i + 1;
      String[] words = ConfigText.words(lines[i], "#;");
      if (words.length == 0) {
        continue;
      }
      switch (words[0]) {
        case "nameserver" -> {
          InetAddress server = nameServer(words, source, line);
          if (nameServers.size() < MAX_NAME_SERVERS) {
            nameServers.add(server);
          }
        }
        case "domain" -> search = List.of(domain(words, 1, source, line));
        case "search" -> search = searchDomains(words, source, line);
        case "options" -> ndots = options(words, ndots, source, line);
        default -> { } // sortlist, lookup and the like: nothing a resolver of names needs
      }
    }
    return new ResolvConf(nameServers, search, ndots);
  }

  private static InetAddress nameServer(String[] words, String source, int line) {
    if (words.length != 2) {
      throw ConfigText.lineError(source, line, "nameserver takes one address, got " + (words.length - 1) + " words");
    }
    InetAddress address = ConfigText.address(words[1]);
    if (address == null) {
      throw ConfigText.lineError(source, line, "not an IP address: '" + words[1] + "'");
    }
    return address;
  }

  private static List<Name> searchDomains(String[] words, String source, int line) {
    if (words.length < 2) {
      throw ConfigText.lineError(source, line, "search names no domain");
    }
    List<Name> domains = new ArrayList<>();
    for (int i = 1; i < words.length && domains.size() < MAX_SEARCH_DOMAINS; i++) {
      domains.add(domain(words, i, source, line));
    }
    return List.copyOf(domains);
  }

  private static Name domain(String[] words, int index, String source, int line) {
    if (index >= words.length) {
      throw ConfigText.lineError(source, line, words[0] + " names no domain");
    }
    Name domain = ConfigText.name(words[index]);
    if (domain == null) {
      throw ConfigText.lineError(source, line, "not a domain name: '" + words[index] + "'");
    }
    return domain;
  }

  /** Only {@code ndots:N} matters here; N above 15 is 15, as the C library caps it. */
  private static int options(String[] words, int ndots, String source, int line) {
    int result = ndots;
    for (int i = 1; i < words.length; i++) {
      if (!words[i].startsWith("ndots:")) {
        continue;
      }
      String value = words[i].substring("ndots:".length());
      if (!value.matches("[0-9]{1,9}")) {
        throw ConfigText.lineError(source, line, "ndots must be a number, was '" + value + "'");
      }
      result = Math.min(Integer.parseInt(value), SearchList.MAX_NDOTS);
    }
    return result;
  }
}
