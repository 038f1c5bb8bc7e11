package org.dnschase.resolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dnschase.resolver.internal.ConfigFiles;
import org.dnschase.resolver.spi.LogText;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * The root name servers a resolution starts from: their names and addresses. The default is the
 * IANA root; labs and private roots give their own.
 *
 * <p>Hints are only the starting point: the resolver primes them (asks one of them for the root NS
 * RRset) and then uses what the root says.
 */
public final class RootHints {

  /** named.root's TTL, for hint lines that give none: hints are not cached, the value is moot. */
  private static final long HINTS_DEFAULT_TTL = 3_600_000;

  private final Map<Name, List<InetAddress>> servers;

  private RootHints(Map<Name, List<InetAddress>> servers) {
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("root hints need at least one server");
    }
    Map<Name, List<InetAddress>> copy = new LinkedHashMap<>();
    servers.forEach((name, addresses) -> {
      if (!name.isAbsolute()) {
        throw new IllegalArgumentException("root server name must be absolute: " + name);
      }
      if (addresses.isEmpty()) {
        throw new IllegalArgumentException("root server " + name + " has no address");
      }
      copy.put(name, List.copyOf(addresses));
    });
    this.servers = Collections.unmodifiableMap(copy);
  }

  /**
   * Hints from root server names and their addresses, in the order given.
   *
   * @param servers each root server's name with its addresses
   * @return the hints
   */
  public static RootHints of(Map<Name, List<InetAddress>> servers) {
    return new RootHints(servers);
  }

  /**
   * Hints from master-file text: NS records for the root name and A/AAAA records for the server
   * names, as in a {@code named.root} file.
   *
   * @param masterFileText the hints in master-file format
   * @return the hints
   * @throws IllegalArgumentException if the text does not parse or names no server with an address
   */
  public static RootHints parse(String masterFileText) {
    return parse(masterFileText.getBytes(StandardCharsets.UTF_8));
  }

  private static RootHints parse(byte[] masterFile) {
    List<Name> order = new ArrayList<>();
    Map<Name, List<InetAddress>> addresses = new LinkedHashMap<>();
    try (Master master = new Master(new java.io.ByteArrayInputStream(masterFile), Name.root, HINTS_DEFAULT_TTL)) {
      master.disableIncludes();
      master.expandGenerate(false); // one $GENERATE line could stand for billions of records
      for (Record record = master.nextRecord(); record != null; record = master.nextRecord()) {
        if (record instanceof NSRecord ns && ns.getName().equals(Name.root)) {
          order.add(ns.getTarget());
        } else if (record instanceof ARecord a) {
          addresses.computeIfAbsent(a.getName(), k -> new ArrayList<>()).add(a.getAddress());
        } else if (record instanceof AAAARecord aaaa) {
          addresses.computeIfAbsent(aaaa.getName(), k -> new ArrayList<>()).add(aaaa.getAddress());
        }
      }
    } catch (IOException e) {
      // dnsjava names text without a file "<none>"; the caller names the file, if any
      String where = String.valueOf(e.getMessage());
      throw new IllegalArgumentException("root hints do not parse: " + LogText.escaped(
          where.startsWith("<none>:") ? "line " + where.substring("<none>:".length()) : where), e);
    } catch (RuntimeException e) { // dnsjava's Master trips on some malformed text (e.g. "" as a name)
      throw new IllegalArgumentException("root hints do not parse: " + LogText.escaped(e.toString()), e);
    }
    Map<Name, List<InetAddress>> servers = new LinkedHashMap<>();
    for (Name name : order) {
      List<InetAddress> found = addresses.get(name);
      if (found != null) {
        servers.put(name, found);
      }
    }
    return new RootHints(servers);
  }

  /**
   * Hints from a root hints file, such as a {@code named.root}, read as {@link #parse(String)}
   * reads the text. Master-file text is octets (RFC 1035 §5.1): the file is read as its octets,
   * not decoded, so a byte that is no UTF-8, in a comment say, is one like any other.
   *
   * @param file the hints file
   * @return the hints
   * @throws IOException if the file cannot be read, its message naming the file and saying why
   * @throws IllegalArgumentException if its text does not parse or names no server with an address
   */
  public static RootHints read(Path file) throws IOException {
    byte[] text;
    try {
      ConfigFiles.requireRegular(file);
      text = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IOException("cannot read " + LogText.escaped(file.toString()) + ": "
          + LogText.escaped(ConfigFiles.reason(e)), e);
    }
    return parse(text);
  }

  /**
   * The IANA root servers (named.root of 2024), the default of every resolver.
   *
   * @return the IANA hints
   */
  public static RootHints iana() {
    return IanaRoot.HINTS;
  }

  /**
   * The root server names with their addresses, in order.
   *
   * @return the servers, in order
   */
  public Map<Name, List<InetAddress>> servers() {
    return servers;
  }

  /**
   * Every address of every root server, in order.
   *
   * @return the addresses, in order
   */
  public List<InetAddress> addresses() {
    List<InetAddress> all = new ArrayList<>();
    servers.values().forEach(all::addAll);
    return all;
  }

  @Override
  public String toString() {
    return "RootHints" + servers;
  }

  /** Holds the IANA set, parsed on first use. */
  private static final class IanaRoot {
    static final RootHints HINTS = load();

    private static RootHints load() {
      try (var in = RootHints.class.getResourceAsStream("named.root")) {
        if (in == null) {
          throw new IllegalStateException("named.root is missing from the resolver-core jar");
        }
        return parse(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
