package org.dnschase.resolver.bench;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * An Unbound recursive resolver for the side-by-side: iterator only (no validation), started from
 * the lab's root hints and listening on a free port of 127.0.0.1, with a control socket so its
 * cache can be flushed between cold runs. It learns no address but the lab's (all 127.53.x.y),
 * sends from 127.0.0.1 only, and has no trust anchor to fetch, so it never leaves loopback.
 */
final class UnboundProcess implements AutoCloseable {

  /** A name Unbound answers from its configuration, with no cache and no recursion: the stub's floor. */
  static final Name FLOOR = Name.fromConstantString("floor.invalid.");

  private final Daemon daemon;
  private final Path config;
  private final SimpleResolver client;
  final int port;

  /**
   * @param rootHints the lab's root hints as master-file text ({@link
   *     org.dnschase.resolver.testkit.TestHierarchy#rootHintsText()}), whoever serves the lab
   * @param qnameMinimisation Unbound's own default is on (RFC 9156), as ours is; the side-by-side
   *     can turn Unbound's off to see what minimising costs it
   */
  UnboundProcess(String rootHints, boolean qnameMinimisation) throws IOException, InterruptedException {
    daemon = new Daemon("unbound");
    Files.writeString(daemon.dir.resolve("root.hints"), rootHints);
    port = freeLoopbackPort();
    config = daemon.dir.resolve("unbound.conf");
    Files.writeString(config, configText(qnameMinimisation));
    daemon.start(List.of("unbound", "-d", "-c", config.toString()), control("status"));
    client = new SimpleResolver(InetAddress.getLoopbackAddress());
    client.setPort(port);
    client.setTimeout(Duration.ofSeconds(5));
  }

  private String configText(boolean qnameMinimisation) {
    return String.format("""
        server:
          interface: 127.0.0.1@%1$d
          outgoing-interface: 127.0.0.1
          do-ip6: no
          do-daemonize: no
          username: ""
          chroot: ""
          directory: "%2$s"
          pidfile: "%2$s/unbound.pid"
          use-syslog: no
          verbosity: 0
          root-hints: "%2$s/root.hints"
          module-config: "iterator"
          do-not-query-localhost: no
          access-control: 127.0.0.0/8 allow
          qname-minimisation: %3$s
          prefetch: no
          local-zone: "floor.invalid." static
          local-data: "floor.invalid. A 192.0.2.7"
        remote-control:
          control-enable: yes
          control-interface: "%2$s/unbound.ctl"
          control-use-cert: no
        """, port, daemon.dir, qnameMinimisation ? "yes" : "no");
  }

  /** Empties the message and RRset caches (not the infrastructure cache of server RTTs, as ours keeps). */
  void flush() throws IOException, InterruptedException {
    daemon.control(control("flush_zone", "."));
    daemon.control(control("flush_requestlist"));
  }

  /** Asks Unbound, as a stub would (RD set), over UDP on loopback. */
  Message query(Name name) throws IOException {
    Message query = Message.newQuery(Record.newRecord(name, Type.A, DClass.IN));
    query.getHeader().setFlag(Flags.RD);
    return client.send(query);
  }

  private List<String> control(String... command) {
    List<String> line = new ArrayList<>(List.of("unbound-control", "-c", config.toString()));
    line.addAll(List.of(command));
    return line;
  }

  private static int freeLoopbackPort() throws IOException {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    daemon.close();
  }
}
