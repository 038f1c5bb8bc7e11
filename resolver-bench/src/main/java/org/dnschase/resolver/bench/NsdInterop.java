package org.dnschase.resolver.bench;

import java.io.File;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneExport;
import org.xbill.DNS.Name;

/**
 * The interop half of the side-by-side: the lab of the timing table, exported as zone files and
 * served by NSD on the same addresses and port once the testkit's servers are closed. Our resolver
 * and Unbound resolve every chain again, cold, and one row per chain length says whether each
 * answer through NSD is the one it had through the testkit, whether ours and Unbound's agree, and
 * how many queries each sent upstream, through NSD and through the testkit. A resolver that only
 * works against the testkit, or a testkit that answers what a real server would not, shows here.
 */
final class NsdInterop {

  /** Answers and query counts do not wander with timing noise; a few runs show any spread. */
  private static final int RUNS = 5;

  /** The cold cells of the timing table at one chain length, served by the testkit. */
  record Reference(Cell ours, Cell unbound) {}

  private final ZoneExport lab;
  private final Map<Name, List<InetAddress>> rootHints;
  private final String rootHintsText;
  private final int port;
  private final boolean qnameMinimisation;
  private final Map<Integer, Reference> testkit = new HashMap<>();

  /** Takes what it needs of {@code lab} while it is up: its zones, root hints and port. */
  NsdInterop(TestHierarchy lab, boolean qnameMinimisation) {
    this.lab = ZoneExport.of(lab);
    this.rootHints = lab.rootHints();
    this.rootHintsText = lab.rootHintsText();
    this.port = lab.port();
    this.qnameMinimisation = qnameMinimisation;
  }

  /** Records what the testkit-served lab gave at {@code hops}, to compare the NSD run with. */
  void reference(int hops, Cell ours, Cell unbound) {
    testkit.put(hops, new Reference(ours, unbound));
  }

  /** Serves the lab with NSD and prints the interop table; the testkit's servers must be closed. */
  void print() throws Exception {
    if (!onPath("nsd") || !onPath("nsd-control")) {
      System.out.println("NSD interop skipped: nsd is not installed (unbound-side-by-side.sh installs it).");
      return;
    }
    RRsetCache cache = RRsetCache.builder().build();
    try (NsdServers nsd = new NsdServers(lab, port);
        Resolver resolver = BenchLab.resolverFor(rootHints, port, cache);
        UnboundProcess unbound = new UnboundProcess(rootHintsText, qnameMinimisation)) {
      Side ours = new Side.Ours(resolver, cache, nsd, Side.SETTLE_MILLIS);
      Side theirs = new Side.Unbound(unbound, nsd, Side.SETTLE_MILLIS);
      System.out.printf("%nInterop: the same lab served by NSD (%d instances, one per server address, "
          + "zone files from ZoneExport); cold runs, %d per cell%n%n", lab.servers().size(), RUNS);
      System.out.println("| hops | ours: NSD = testkit | Unbound: NSD = testkit | NSD: ours = Unbound "
          + "| queries ours NSD / testkit | queries Unbound NSD / testkit |");
      System.out.println("|---|---|---|---|---|---|");
      for (int hops : BenchLab.HOPS) {
        Name qname = BenchLab.chainStart(hops);
        Cell oursNsd = Cell.measure(RUNS, () -> ours.cold(qname));
        Cell theirsNsd = Cell.measure(RUNS, () -> theirs.cold(qname));
        Reference served = testkit.get(hops);
        System.out.printf("| %d | %s | %s | %s | %s / %s | %s / %s |%n", hops,
            Cell.sameAnswer("NSD", oursNsd, "testkit", served.ours()),
            Cell.sameAnswer("NSD", theirsNsd, "testkit", served.unbound()),
            Cell.sameAnswer("ours", oursNsd, "Unbound", theirsNsd),
            oursNsd.queries(), served.ours().queries(), theirsNsd.queries(), served.unbound().queries());
      }
    }
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
