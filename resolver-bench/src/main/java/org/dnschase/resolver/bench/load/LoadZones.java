package org.dnschase.resolver.bench.load;

import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.xbill.DNS.Name;

/**
 * The load lab's zones on 127.53.x.y: the root, {@code lab.} on two servers, leaf zones
 * {@code z0.lab.} ... each holding hosts, the links of CNAME chains that cross zones, a DNAME to
 * the next zone and CNAMEs that dangle into it; and {@code flood.lab.}, on a server of its own, for
 * the hostile replies. Even leaf zones have two servers, odd ones one, as real zones vary.
 *
 * <p>Names: host {@code h<i>.z<j>.lab.}; chain {@code c<i>-<j>-0.z<j>.lab.} whose link m lives in
 * zone j+m and whose last link points at a host; {@code <anything>.old.z<j>.lab.} renamed to
 * {@code z<j+1>.lab.}; {@code dangle<i>.z<j>.lab.} pointing at a name that does not exist.
 */
final class LoadZones {
  /** Chain lengths, cycled over a zone's chains: mostly short, as CDN chains are, a few long. */
  static final int[] CHAIN_LENGTHS = {1, 1, 2, 2, 3, 4, 6, 8};
  /** Chains and dangling aliases starting in each leaf zone. */
  static final int ALIASES_PER_ZONE = 200;
  /** Hosts of the flooded zone. */
  static final int FLOOD_HOSTS = 50;
  /** The zone whose server floods its replies, and the names the flood's owners are below. */
  static final Name FLOOD_ZONE = Name.fromConstantString("flood.lab.");
  static final Name FLOOD_OWNERS = Name.fromConstantString("x.flood.lab.");
  /** The flooded zone's server. */
  static final String FLOOD_SERVER = "127.53.9.1";

  private static final int TTL = 3600;

  private final int zones;
  private final int hosts;

  LoadZones(int zones, int hostsPerZone) {
    this.zones = zones;
    this.hosts = hostsPerZone;
  }

  int zones() {
    return zones;
  }

  int hosts() {
    return hosts;
  }

  /** Starts every zone's servers on one free port. */
  TestHierarchy start() {
    ZoneTree.Builder tree = ZoneTree.builder()
        .defaults(zone -> zone.ttl(TTL).negativeTtl(300))
        .zone(".", root -> root.server("a.root.lab.", "127.53.0.1").hostmaster("hostmaster."))
        .zone("lab.", lab -> lab.server("ns1", "127.53.1.1").server("ns2", "127.53.1.2")
            .records("a.root A 127.53.0.1"))
        .zone(FLOOD_ZONE.toString(), "ns1", FLOOD_SERVER, floodHosts());
    List<StringBuilder> records = leafRecords();
    for (int j = 0; j < zones; j++) {
      String leafRecords = records.get(j).toString();
      List<String> servers = servers(j);
      tree.zone(zone(j), leaf -> {
        for (int s = 0; s < servers.size(); s++) {
          leaf.server("ns" + (s + 1), servers.get(s));
        }
        leaf.records(leafRecords);
      });
    }
    return TestHierarchy.builder().zones(tree.build()).build();
  }

  /** The leaf zone {@code j}'s name. */
  static String zone(int j) {
    return "z" + j + ".lab.";
  }

  /** The addresses of leaf zone {@code j}'s servers: one, or two for even zones. */
  private static List<String> servers(int j) {
    String first = "127.53." + (10 + j) + ".1";
    return j % 2 == 0 ? List.of(first, "127.53." + (10 + j) + ".2") : List.of(first);
  }

  private static String floodHosts() {
    StringBuilder zone = new StringBuilder();
    for (int i = 0; i < FLOOD_HOSTS; i++) {
      zone.append('h').append(i).append(" A 198.51.100.").append(i).append('\n');
    }
    return zone.toString();
  }

  /** Each leaf zone's own records: hosts, the DNAME, dangling aliases and its links of chains. */
  private List<StringBuilder> leafRecords() {
    List<StringBuilder> texts = new ArrayList<>();
    for (int j = 0; j < zones; j++) {
      StringBuilder zone = new StringBuilder();
      for (int i = 0; i < hosts; i++) {
        zone.append('h').append(i).append(" A 10.").append(j).append('.').append(i / 256).append('.')
            .append(i % 256).append('\n');
      }
      zone.append("old DNAME ").append(zone(next(j, 1))).append('\n');
      for (int i = 0; i < ALIASES_PER_ZONE; i++) {
        zone.append("dangle").append(i).append(" CNAME gone").append(i).append('.')
            .append(zone(next(j, 1))).append('\n');
      }
      texts.add(zone);
    }
    for (int start = 0; start < zones; start++) {
      for (int i = 0; i < ALIASES_PER_ZONE; i++) {
        addChain(texts, start, i);
      }
    }
    return texts;
  }

  /** The links of chain {@code i} of zone {@code start}, each in the zone after the last. */
  private void addChain(List<StringBuilder> texts, int start, int i) {
    int length = chainLength(i);
    for (int link = 0; link < length; link++) {
      String target = link + 1 < length
          ? chainLink(i, start, link + 1)
          : "h" + (i % hosts) + "." + zone(next(start, length));
      texts.get(next(start, link)).append(chainLink(i, start, link)).append(" CNAME ")
          .append(target).append('\n');
    }
  }

  private static int chainLength(int i) {
    return CHAIN_LENGTHS[i % CHAIN_LENGTHS.length];
  }

  /** The absolute name of link {@code link} of chain {@code i} starting in zone {@code start}. */
  String chainLink(int i, int start, int link) {
    return "c" + i + "-" + start + "-" + link + "." + zone(next(start, link));
  }

  private int next(int j, int steps) {
    return (j + steps) % zones;
  }
}
