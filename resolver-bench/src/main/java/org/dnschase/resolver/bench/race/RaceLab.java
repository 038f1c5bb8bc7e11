package org.dnschase.resolver.bench.race;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneExport;
import org.dnschase.resolver.testkit.ZoneTree;

/**
 * The race's lab, written as files for NSD, Unbound, our server and {@code dnsperf} ({@code
 * resolver-bench/race.sh} runs it): the root, {@code lab.} and two leaf zones, {@code alpha.lab.}
 * and {@code beta.lab.}, each on its own 127.53.x.y server. Each leaf zone holds hosts, and for
 * every length in {@link #HOPS} a chain of CNAMEs that changes zone at every link and ends in two
 * A records. Every name exists twice: once for the measurement ({@code c}hains, {@code h}osts,
 * {@code n}on-existent names) and once for the warm-up ({@code w}, {@code x}, {@code m}), so a JVM
 * warmed on the second set has never seen the first.
 *
 * <p>Written to the directory given as the only argument:
 * <ul>
 *   <li>{@code zones/}: every zone's master file ({@link ZoneExport});
 *   <li>{@code servers.tsv}: one line per server address and zone it serves: address, origin,
 *       file name;
 *   <li>{@code root.hints}: the lab's root hints, for both resolvers;
 *   <li>{@code chains.tsv}, {@code warm-chains.tsv}: chain length and the name that starts it;
 *   <li>{@code mix.txt}, {@code warmup.txt}: {@code dnsperf} input, one {@code name type} a line,
 *       in a seeded shuffle: hosts (A), the chains (A), non-existent names (NXDOMAIN) and hosts'
 *       AAAA (NODATA).
 * </ul>
 *
 * <p>Every TTL is a day, so nothing expires during the race.
 */
public final class RaceLab {

  /** The chain lengths raced; 11 is the most Unbound follows (its 11 restarts). */
  static final int[] HOPS = {1, 2, 4, 8, 11};

  /** Hosts per leaf zone and set. */
  private static final int HOSTS = 200;

  /** Non-existent names asked per leaf zone and set. */
  private static final int MISSING = 25;

  /** How often each chain appears in a mix, so chains are a sixth of the questions. */
  private static final int CHAIN_REPEATS = 20;

  private static final String[] LEAVES = {"alpha", "beta"};

  /** The prefixes of one set of names: chains, hosts, non-existent names. */
  private record NameSet(String chain, String host, String missing) {}

  private static final NameSet MEASURED = new NameSet("c", "h", "n");
  private static final NameSet WARMUP = new NameSet("w", "x", "m");

  private RaceLab() {}

  /**
   * Writes the lab to {@code args[0]}.
   *
   * @param args the output directory, created if missing
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: RaceLab OUTPUT_DIR");
      System.exit(2);
    }
    write(Path.of(args[0]));
  }

  /**
   * Writes what the lab's servers serve, for NSD and the resolvers: {@code zones/} (every zone's
   * master file, and {@code root.key} when the root is signed, {@link ZoneExport}), {@code
   * servers.tsv} (one line per server address and zone: address, origin, file name) and {@code
   * root.hints}.
   */
  static void writeServed(TestHierarchy lab, Path out) throws IOException {
    Files.createDirectories(out.resolve("zones"));
    ZoneExport export = ZoneExport.of(lab);
    export.writeTo(out.resolve("zones"));
    StringBuilder servers = new StringBuilder();
    export.servers().forEach((address, origins) -> origins.forEach(origin -> servers
        .append(address.getHostAddress()).append('\t').append(origin).append('\t')
        .append(ZoneExport.fileName(origin)).append('\n')));
    Files.writeString(out.resolve("servers.tsv"), servers);
    Files.writeString(out.resolve("root.hints"), lab.rootHintsText());
  }

  static void write(Path out) throws IOException {
    ZoneTree tree = ZoneTree.builder()
        .root("a.root.lab.", "127.53.0.1")
        // Unbound looks the root server's name up in lab. too, and fails if it is missing there
        .zone("lab.", "ns1", "127.53.1.1", "a.root A 127.53.0.1")
        .zone("alpha.lab.", "ns", "127.53.10.1", leafRecords("alpha"))
        .zone("beta.lab.", "ns", "127.53.11.1", leafRecords("beta"))
        .build();
    try (TestHierarchy lab = TestHierarchy.builder().zones(tree).build()) {
      writeServed(lab, out);
    }
    Files.writeString(out.resolve("chains.tsv"), chainStarts(MEASURED));
    Files.writeString(out.resolve("warm-chains.tsv"), chainStarts(WARMUP));
    Files.write(out.resolve("mix.txt"), mix(MEASURED, 16));
    Files.write(out.resolve("warmup.txt"), mix(WARMUP, 61));
  }

  /** The records of leaf zone {@code leaf}, for both sets of names. */
  private static String leafRecords(String leaf) {
    StringBuilder zone = new StringBuilder();
    for (NameSet set : List.of(MEASURED, WARMUP)) {
      for (int hops : HOPS) {
        for (int link = 0; link <= hops; link++) {
          if (!leafOf(link).equals(leaf)) {
            continue;
          }
          String owner = set.chain + hops + "-" + link;
          if (link < hops) {
            zone.append(owner).append(" CNAME ").append(chainLink(set, hops, link + 1)).append('\n');
          } else {
            zone.append(owner).append(" A 192.0.2.1\n").append(owner).append(" A 192.0.2.2\n");
          }
        }
      }
      for (int i = 0; i < HOSTS; i++) {
        zone.append(set.host).append(i).append(" A 198.51.100.").append(i % 250 + 1).append('\n');
      }
    }
    return zone.toString();
  }

  /** Even links of a chain live in alpha.lab, odd ones in beta.lab. */
  private static String leafOf(int link) {
    return LEAVES[link % 2];
  }

  private static String chainLink(NameSet set, int hops, int link) {
    return set.chain + hops + "-" + link + "." + leafOf(link) + ".lab.";
  }

  private static String chainStarts(NameSet set) {
    StringBuilder lines = new StringBuilder();
    for (int hops : HOPS) {
      lines.append(hops).append('\t').append(chainLink(set, hops, 0)).append('\n');
    }
    return lines.toString();
  }

  private static List<String> mix(NameSet set, long seed) {
    List<String> lines = new ArrayList<>();
    for (String leaf : LEAVES) {
      for (int i = 0; i < HOSTS; i++) {
        lines.add(set.host + i + "." + leaf + ".lab. A");
      }
      for (int i = 0; i < MISSING; i++) {
        lines.add(set.missing + i + "." + leaf + ".lab. A");
        lines.add(set.host + i + "." + leaf + ".lab. AAAA");
      }
    }
    for (int hops : HOPS) {
      for (int i = 0; i < CHAIN_REPEATS; i++) {
        lines.add(chainLink(set, hops, 0) + " A");
      }
    }
    Collections.shuffle(lines, new Random(seed));
    return lines;
  }
}
