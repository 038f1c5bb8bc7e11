package org.dnschase.resolver.host;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.dnschase.resolver.internal.host.ConfigText;
import org.dnschase.resolver.internal.host.ResolvConfParser;
import org.xbill.DNS.Name;

/**
 * What a resolv.conf file says, as the GNU C library reads it: {@code nameserver} lines (the first
 * three, as {@code MAXNS}), the search list ({@code search}, or {@code domain} for a single
 * domain; the last of them wins) and {@code options ndots:N} (capped at 15). Other keywords and
 * options ({@code sortlist}, {@code timeout}, {@code rotate}, ...) are read and ignored; lines
 * starting with {@code #} or {@code ;} are comments. Unlike the C library, which skips what it
 * cannot read, a malformed line is an error naming the file and the line.
 *
 * @param nameServers the name servers, in order, at most three
 * @param search the search domains, absolute, in order
 * @param ndots the {@code ndots} option, 0..15 (1 when not given)
 */
public record ResolvConf(List<InetAddress> nameServers, List<Name> search, int ndots) {

  /** The usual place of the file. */
  public static final Path SYSTEM_PATH = Path.of("/etc/resolv.conf");

  /** Copies the lists. */
  public ResolvConf {
    nameServers = List.copyOf(nameServers);
    search = List.copyOf(search);
  }

  /**
   * Reads and parses a resolv.conf file.
   *
   * @param file the file
   * @return what it says
   * @throws java.io.UncheckedIOException if the file cannot be read, naming it
   * @throws IllegalArgumentException if a line is malformed, naming the file and the line
   */
  public static ResolvConf read(Path file) {
    return parse(ConfigText.read(file), file.toString());
  }

  /**
   * Parses resolv.conf text.
   *
   * @param text the file's content
   * @param source where it came from, for error messages
   * @return what it says
   * @throws IllegalArgumentException if a line is malformed, naming the source and the line
   */
  public static ResolvConf parse(String text, String source) {
    return ResolvConfParser.parse(text, source);
  }

  /** {@return the search domains and {@code ndots} as a search list} */
  public SearchList searchList() {
    return SearchList.from(this);
  }
}
