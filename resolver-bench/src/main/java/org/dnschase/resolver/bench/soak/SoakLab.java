package org.dnschase.resolver.bench.soak;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.dnschase.resolver.testkit.Fault;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.xbill.DNS.Rcode;

/**
 * The soak's lab on 127.53.x.y ({@code resolver-bench/soak/soak.py} runs it beside {@code
 * bin/serve}): healthy zones beside hostile servers, so a long run under churn shows what a
 * server keeps of each. Healthy: {@code wild.lab.}, whose wildcard answers any name below it (every
 * question a new cache entry), and {@code host.lab.}, a few hosts asked again and again. Hostile,
 * one zone each: {@code silent.lab.} answers nothing, {@code late.lab.} answers after 1.5 s, {@code
 * trunc.lab.} sets TC over UDP and answers over TCP, {@code garbage.lab.} sends octets that are no
 * message, {@code wrongid.lab.} answers with another ID, {@code refused.lab.} answers REFUSED,
 * {@code stall.lab.} sets TC and then stalls its TCP replies midway ({@link StallingServer}), and
 * {@code churn.lab.} refers every name to name servers it has never named before ({@link
 * ChurningZone}).
 *
 * <p>Writes {@code root.hints} into the directory given as the only argument, prints the lab's
 * port on a line of its own, and runs until its input ends. Nothing it starts leaves loopback.
 */
public final class SoakLab {

  /** How often the lab forgets the queries its servers recorded, so the lab itself stays small. */
  private static final Duration FORGET_EVERY = Duration.ofSeconds(5);

  static final String CHURN_SERVER = "127.53.9.1";
  static final String STALL_SERVER = "127.53.10.1";

  private SoakLab() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: SoakLab DIRECTORY");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    try (TestHierarchy lab = TestHierarchy.builder().zones(zones()).build();
        StallingServer stall = StallingServer.start(address(STALL_SERVER), lab.port())) {
      setFaults(lab);
      Files.writeString(dir.resolve("root.hints"), lab.rootHintsText(), StandardCharsets.US_ASCII);
      System.out.println(lab.port());
      System.out.flush();
      Thread forgetting = Thread.ofPlatform().daemon().start(() -> forget(lab));
      while (System.in.read() >= 0) {
        // runs until the driver closes our input
      }
      forgetting.interrupt();
    }
  }

  private static ZoneTree zones() {
    return ZoneTree.builder()
        .defaults(zone -> zone.ttl(300).negativeTtl(60))
        .zone(".", root -> root.server("a.root.lab.", "127.53.0.1").hostmaster("hostmaster."))
        .zone("lab.", lab -> lab.server("ns1", "127.53.1.1").records("a.root A 127.53.0.1"))
        .zone("wild.lab.", "ns1", "127.53.2.1", "* A 192.0.2.1\n* AAAA 2001:db8::1\n")
        .zone("host.lab.", "ns1", "127.53.2.2", "h1 A 192.0.2.2\nh2 A 192.0.2.3\nalias CNAME h1\n")
        .zone("silent.lab.", "ns1", "127.53.3.1", "* A 192.0.2.4\n")
        .zone("late.lab.", "ns1", "127.53.4.1", "* A 192.0.2.5\n")
        .zone("trunc.lab.", "ns1", "127.53.5.1", "* A 192.0.2.6\n")
        .zone("garbage.lab.", "ns1", "127.53.6.1", "* A 192.0.2.7\n")
        .zone("wrongid.lab.", "ns1", "127.53.7.1", "* A 192.0.2.8\n")
        .zone("refused.lab.", "ns1", "127.53.8.1", "* A 192.0.2.9\n")
        .zone("churn.lab.", "ns1", CHURN_SERVER, "")
        .zone("stall.lab.", stall -> stall.delegatedOnly("ns1", STALL_SERVER))
        .build();
  }

  private static void setFaults(TestHierarchy lab) throws UnknownHostException {
    lab.server(address("127.53.3.1")).setFault(new Fault.Drop());
    lab.server(address("127.53.4.1")).setFault(new Fault.Delay(Duration.ofMillis(1500)));
    lab.server(address("127.53.5.1")).setFault(new Fault.TruncateUdp());
    lab.server(address("127.53.6.1")).setFault(new Fault.Garbage(64));
    lab.server(address("127.53.7.1")).setFault(new Fault.WrongId());
    lab.server(address("127.53.8.1")).setFault(new Fault.Rcode(Rcode.REFUSED));
    lab.server(address(CHURN_SERVER)).setDispatcher(new ChurningZone(lab.server(address(CHURN_SERVER))));
  }

  private static void forget(TestHierarchy lab) {
    try {
      while (true) {
        Thread.sleep(FORGET_EVERY);
        lab.clearQueries();
      }
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    }
  }

  static InetAddress address(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal);
  }
}
