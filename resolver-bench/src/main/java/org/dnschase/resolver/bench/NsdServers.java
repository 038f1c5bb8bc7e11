package org.dnschase.resolver.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dnschase.resolver.testkit.ZoneExport;
import org.xbill.DNS.Name;

/**
 * An exported lab served by NSD instead of the testkit: one NSD per server address, because NSD
 * serves every zone it holds on every address it listens on, and the lab has different zones on
 * different addresses (a root server that also held {@code lab.} would answer for it, and the
 * resolvers would walk a shorter tree). Each instance runs in the foreground from a directory of
 * its own, with the zone files, no database, and a control socket through which its queries are
 * counted. NSD itself sends nothing: the zones are primaries with no notify or transfer peers.
 */
final class NsdServers implements Upstream, AutoCloseable {

  private final List<Instance> instances = new ArrayList<>();

  /** One NSD and its control command. */
  private record Instance(Daemon daemon, Path config) {
    List<String> control(String command) {
      return List.of("nsd-control", "-c", config.toString(), command);
    }
  }

  /** Starts one NSD per server address of {@code lab}, all on {@code port}. */
  NsdServers(ZoneExport lab, int port) throws IOException, InterruptedException {
    try {
      for (Map.Entry<InetAddress, List<Name>> server : lab.servers().entrySet()) {
        instances.add(start(lab, server.getKey(), server.getValue(), port));
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private static Instance start(ZoneExport lab, InetAddress address, List<Name> zones, int port)
      throws IOException, InterruptedException {
    Daemon daemon = new Daemon("nsd");
    lab.writeTo(daemon.dir);
    Path config = daemon.dir.resolve("nsd.conf");
    Files.writeString(config, configText(daemon.dir, address, zones, port));
    Instance instance = new Instance(daemon, config);
    daemon.start(List.of("nsd", "-d", "-c", config.toString()), instance.control("status"));
    return instance;
  }

  /**
   * Root needs no user to drop to, and the resolvers' bursts from 127.0.0.1 are the workload, not
   * an attack: response rate limiting (on in Debian's build) would truncate or drop their replies.
   */
  private static String configText(Path dir, InetAddress address, List<Name> zones, int port) {
    StringBuilder text = new StringBuilder(String.format("""
        server:
          ip-address: %1$s
          port: %2$d
          server-count: 1
          username: ""
          chroot: ""
          zonesdir: "%3$s"
          database: ""
          zonelistfile: "%3$s/zone.list"
          xfrdfile: "%3$s/xfrd.state"
          xfrdir: "%3$s"
          pidfile: "%3$s/nsd.pid"
          rrl-ratelimit: 0
        remote-control:
          control-enable: yes
          control-interface: "%3$s/nsd.ctl"
        """, address.getHostAddress(), port, dir));
    for (Name zone : zones) {
      text.append(String.format("""
          zone:
            name: "%s"
            zonefile: "%s"
          """, zone, ZoneExport.fileName(zone)));
    }
    return text.toString();
  }

  /** Zeroes every instance's counters ({@code nsd-control stats} reads and resets them). */
  @Override
  public void clearQueries() throws IOException, InterruptedException {
    for (Instance instance : instances) {
      instance.daemon.control(instance.control("stats"));
    }
  }

  /** The queries all instances answered since {@link #clearQueries()}: their {@code num.queries}. */
  @Override
  public int queryCount() throws IOException, InterruptedException {
    int count = 0;
    for (Instance instance : instances) {
      String stats = instance.daemon.control(instance.control("stats_noreset"));
      count += stats.lines().filter(line -> line.startsWith("num.queries="))
          .mapToInt(line -> Integer.parseInt(line.substring("num.queries=".length()).strip()))
          .findFirst().orElseThrow(() -> new IOException("no num.queries in nsd-control stats: " + stats));
    }
    return count;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    for (Instance instance : instances) {
      instance.daemon.close();
    }
  }
}
