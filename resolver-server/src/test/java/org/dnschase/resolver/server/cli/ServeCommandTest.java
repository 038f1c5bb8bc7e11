package org.dnschase.resolver.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.dnschase.resolver.server.Peers;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Fault;
import org.dnschase.resolver.testkit.Signing;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * {@code bin/serve} and {@code bin/serve-control} as an operator uses them: every option of the
 * issue accepted, bad usage refused with exit code 2, the server answering {@code dig} and its
 * control channel answering {@code serve-control}.
 */
class ServeCommandTest {

  /** The upstream queries a resolver sends over plain sockets before it starts its event loops. */
  private static final int FIRST_PLAIN_QUERIES = 32;

  static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root-servers.lab.", "127.53.0.1")
      .zone("example.", "ns1.nic", "127.53.1.1", """
          www 300 A 192.0.2.1
          """)
      .build();

  @TempDir
  static Path dir;
  @Lab static TestHierarchy lab;
  static Path hints;

  @BeforeAll
  static void startLab() throws IOException {
    hints = Files.writeString(dir.resolve("root.hints"), lab.rootHintsText());
  }

  @Test
  @DisplayName("every option of bin/serve at once: the server answers dig, the control channel serve-control")
  void serve_withEveryOption_answersAndIsControlled() {
    List<String> outcome = new ArrayList<>();
    Run run = serve(running -> {
      outcome.add(Peers.dig(running.server().addresses().get(0), "+short", "www.example.").text());
      String control = "127.0.0.1:" + running.server().controlAddress().orElseThrow().getPort();
      outcome.add(control("--control", control, "flush").out());
      outcome.add(control("--control", control, "flush", "www.example.").out());
      outcome.add(control("--control", control, "flush_negative").out());
      outcome.add(control("--control", control, "stats").out());
    }, "--listen", "127.0.0.1:0", "--listen", "[::1]:0", "--allow", "127.0.0.0/8", "--allow", "::1",
        "--root-hints", hints.toString(), "--upstream-port", String.valueOf(lab.port()), "--loopback-only",
        "--threads", "1", "--cache-bytes", "1048576", "--max-hops", "8", "--deadline", "5000",
        "--serve-stale", "--prefetch", "--control", "127.0.0.1:0", "--rate-limit", "100",
        "--max-outstanding", "10", "--max-tcp-connections", "16", "--tcp-idle-timeout", "2000");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("serving DNS on ").contains("control channel on");
    assertThat(outcome.get(0)).contains("192.0.2.1");
    assertThat(outcome.subList(1, 4)).containsOnly("ok\n");
    assertThat(outcome.get(4)).contains("total.num.queries=1", "num.answer.rcode.NOERROR=1");
  }

  @Test
  @DisplayName("--stub-zone and --forward-zone: names in the zone are asked of its servers, never of the root")
  void zones_bypassTheRoot() {
    for (String option : List.of("--stub-zone", "--forward-zone")) {
      lab.clearQueries();
      List<String> answers = new ArrayList<>();
      Run run = serve(running -> answers.add(Peers.dig(running.server().addresses().get(0), "+short", "www.example.").text()),
          "--listen", "127.0.0.1:0", "--no-control", "--root-hints", hints.toString(), "--loopback-only",
          option, "example.=127.53.1.1:" + lab.port());

      assertThat(run.code()).as(run.err()).isZero();
      assertThat(answers).singleElement().asString().as(option).contains("192.0.2.1");
      assertThat(lab.queries()).as(option).isNotEmpty().allSatisfy(query ->
          assertThat(query.server().getHostAddress() + " " + query.qname()).isEqualTo("127.53.1.1 www.example."));
    }
  }

  @Test
  @DisplayName("--auth-zone ZONE=FILE: names in the zone are answered from the file, no server asked")
  void authZone_answersFromItsFile() throws IOException {
    Path zoneFile = Files.writeString(dir.resolve("example.zone"), """
        @    3600 SOA ns1.nic hostmaster 1 3600 600 86400 300
        @    3600 NS  ns1.nic
        www  300  A   10.0.0.80
        """);
    lab.clearQueries();
    List<String> answers = new ArrayList<>();
    Run run = serve(running -> answers.add(Peers.dig(running.server().addresses().get(0), "+short", "www.example.").text()),
        "--listen", "127.0.0.1:0", "--no-control", "--root-hints", hints.toString(), "--loopback-only",
        "--upstream-port", String.valueOf(lab.port()), "--auth-zone", "example.=" + zoneFile);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(answers).singleElement().asString().contains("10.0.0.80");
    assertThat(lab.queries()).isEmpty();
  }

  @Test
  @DisplayName("--trust-anchor FILE: a signed tree validates, and dig +dnssec sees AD; --no-validation: no AD")
  void trustAnchor_validatesAndSetsAd() throws IOException {
    try (TestHierarchy signed = TestHierarchy.builder().zones(TREE).signed(Signing.with(13)).build()) {
      Path signedHints = Files.writeString(dir.resolve("signed.hints"), signed.rootHintsText());
      Path anchor = Files.writeString(dir.resolve("root.key"), signed.trustAnchor() + "\n");
      List<String> answers = new ArrayList<>();
      for (String validation : List.of("--trust-anchor", "--no-validation")) {
        List<String> args = new ArrayList<>(List.of("--listen", "127.0.0.1:0", "--no-control", "--root-hints",
            signedHints.toString(), "--upstream-port", String.valueOf(signed.port()), "--loopback-only", validation));
        if (validation.equals("--trust-anchor")) {
          args.add(anchor.toString());
        }
        Run run = serve(running -> answers.add(Peers.dig(running.server().addresses().get(0), "+dnssec",
            "www.example.").text()), args.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
      }

      assertThat(answers.get(0)).containsPattern("flags: qr rd ra ad;").contains("192.0.2.1");
      assertThat(answers.get(1)).doesNotContainPattern("flags: [a-z ]*ad;").contains("192.0.2.1");
    }
    assertUsage(serve(running -> { }, "--trust-anchor", dir.resolve("none.key").toString()),
        "--trust-anchor: cannot read the trust anchor file");
    assertUsage(serve(running -> { }, "--trust-anchor", "root.key", "--no-validation"),
        "--no-validation conflicts with --trust-anchor root.key");
  }

  @Test
  @DisplayName("--threads N: N event loops read, resolve and write; the transport keeps one loop for what is asked elsewhere")
  void threads_resolveOnTheServersLoops() {
    for (int threads : new int[] {1, 2}) {
      Set<String> before = transportThreads();
      Set<String> during = new TreeSet<>();
      Run run = serve(running -> {
        InetSocketAddress server = running.server().addresses().get(0);
        // more upstream queries than the resolver sends over plain sockets before it starts its
        // transport's event loop, which takes the resolutions begun over them; those begun after
        // that stay on the server's loops
        List<String> names = new ArrayList<>(List.of("+short", "www.example."));
        for (int i = 0; i < FIRST_PLAIN_QUERIES + 8; i++) {
          names.add("missing" + i + ".example.");
        }
        Peers.dig(server, names.toArray(String[]::new));
        during.addAll(transportThreads());
      }, "--listen", "127.0.0.1:0", "--no-control", "--root-hints", hints.toString(),
          "--upstream-port", String.valueOf(lab.port()), "--loopback-only", "--threads", String.valueOf(threads));

      assertThat(run.code()).as(run.err()).isZero();
      during.removeAll(before);
      // none when Netty had started by the time the first query past the plain ones asked for it
      assertThat(during).as("the transport's loops with --threads %d", threads).hasSizeLessThanOrEqualTo(1);
    }
  }

  /** The transport's event loop threads, not those of its first queries' plain sockets and its start. */
  private static Set<String> transportThreads() {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
        .filter(name -> name.startsWith("dnschase-transport") && !name.equals("dnschase-transport-first")
            && !name.equals("dnschase-transport-start"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  @DisplayName("bad usage: exit code 2 and a message naming the option")
  void badUsage_exitsTwo() {
    assertUsage(serve(running -> { }, "--listen", "localhost:53"), "--listen needs ADDR:PORT");
    assertUsage(serve(running -> { }, "--listen", "::1:53"), "--listen needs ADDR:PORT");
    assertUsage(serve(running -> { }, "--allow", "10.0.0.0/33"), "--allow: '10.0.0.0/33' is not an address block");
    // the second bind would fail the start as if another process held the port (exit 1, "Address already in use")
    assertUsage(serve(running -> { }, "--listen", "127.0.0.1:5399", "--listen", "127.0.0.1:5399"),
        "--listen 127.0.0.1:5399 was already given");
    assertUsage(serve(running -> { }, "--listen", "[::1]:5399", "--listen", "[0:0::1]:5399"),
        "--listen [0:0:0:0:0:0:0:1]:5399 was already given");
    assertUsage(serve(running -> { }, "--listen", "127.0.0.1:5399", "--control", "127.0.0.1:5399"),
        "--control 127.0.0.1:5399 is also where DNS is served: give it a port of its own");
    assertUsage(serve(running -> { }, "--control", "127.0.0.1:5300"),
        "--control 127.0.0.1:5300 is also where DNS is served");
    assertUsage(serve(running -> { }, "--control", "192.0.2.1:8954"), "--control must be a loopback address");
    assertUsage(serve(running -> { }, "--threads", "0"), "--threads needs a whole number from 1 to 1024");
    assertUsage(serve(running -> { }, "--upstream-port"), "--upstream-port needs a value");
    // a budget beyond what bin/serve-jvm-options sizes the heap for would outgrow the heap it keeps
    assertUsage(serve(running -> { }, "--cache-bytes", "99999999999999999"),
        "--cache-bytes needs a whole number from 65536 to 1099511627776, got '99999999999999999'");
    assertUsage(serve(running -> { }, "--frobnicate"), "unknown option '--frobnicate'");
    assertUsage(serve(running -> { }, "--forward-zone", "example."), "--forward-zone needs ZONE=ADDR[:PORT],...");
    assertUsage(serve(running -> { }, "--stub-zone", "example.=ns1.example:53"),
        "--stub-zone example.=ns1.example:53: server ns1.example@53 of zone example.: a port can only follow an address");
    assertUsage(serve(running -> { }, "--stub-zone", "example.=192.0.2.1", "--forward-zone", "example.=[2001:db8::1]:53"),
        "--forward-zone example.=[2001:db8::1]:53: zone example. was already given");
    assertUsage(serve(running -> { }, "--auth-zone", "example."), "--auth-zone needs ZONE=FILE");
    assertUsage(serve(running -> { }, "--auth-zone", "example.=" + dir.resolve("none.zone")),
        "--auth-zone example.=" + dir.resolve("none.zone") + ": zone file " + dir.resolve("none.zone") + " of example. does not exist");
    assertUsage(serve(running -> { }, "www.example."), "unexpected argument 'www.example.': bin/serve takes options only");
    assertUsage(serve(running -> { }, "--loopback-only", "--root-hints", dir.resolve("none").toString()),
        "--root-hints: cannot read");
  }

  @Test
  @DisplayName("text from outside in a message (an argument, a file's line) is escaped, an empty file name or a "
      + "directory named plainly, and a cache budget too small to keep an answer refused naming its minimum")
  void outsideTextEmptyFilesAndTinyCache_areNamedPlainly() throws IOException {
    // an argument or a file's line echoed raw could move or recolour the terminal it is printed on
    Run threads = serve(running -> { }, "--threads", "\u001b[31m");
    assertUsage(threads, "--threads needs a whole number from 1 to 1024, got '\\x1b[31m'");
    assertThat(threads.err()).doesNotContain("\u001b");
    Path zoneFile = Files.writeString(dir.resolve("escape.zone"), "@ 3600 SOA ns hostmaster 1 3600 600 86400 300\n"
        + "@ 3600 NS ns\nns 3600 A 192.0.2.\u001b[31m\n");
    Run zone = serve(running -> { }, "--auth-zone", "example.=" + zoneFile);
    assertThat(zone.err()).contains("line 3: Invalid address: 192.0.2.\\x1b[31m").doesNotContain("\u001b");
    // an empty value names the working directory, which the reader then calls "Is a directory"
    assertUsage(serve(running -> { }, "--root-hints", ""), "--root-hints needs a value, got ''");
    assertUsage(serve(running -> { }, "--trust-anchor", ""), "--trust-anchor needs a value, got ''");
    assertUsage(serve(running -> { }, "--loopback-only", "--root-hints", dir.toString()),
        "--root-hints: cannot read " + dir + ": Is a directory");
    // the largest reply a server can give (65,535 octets) must fit: below, the cache keeps next to nothing
    assertUsage(serve(running -> { }, "--cache-bytes", "1"),
        "--cache-bytes needs a whole number from 65536 to 1099511627776, got '1'");
    Run control = control("--control", "\u001b[31m");
    assertThat(control.err()).contains("got '\\x1b[31m'").doesNotContain("\u001b");
    // a zone's name, quoted by the resolver's message and the option's: escaped once
    Run zoneName = serve(running -> { }, "--forward-zone", "a\u0001b.=127.0.0.1");
    assertUsage(zoneName, "--forward-zone a\\x01b.=127.0.0.1: not a zone name: a\\x01b. (U+0001 at 1");
    assertThat(zoneName.err()).doesNotContain("\u0001", "\\\\x01");
  }

  @Test
  @DisplayName("--auth-zone with a malformed zone file: exit code 2, naming the file and the line")
  void authZone_malformedFile_exitsTwoNamingFileAndLine() throws IOException {
    Path zoneFile = Files.writeString(dir.resolve("broken.zone"), """
        @   3600 SOA ns hostmaster 1 3600 600 86400 300
        @   3600 NS  ns
        ns  3600 A   192.0.2.300
        """);
    Path huge = Files.writeString(dir.resolve("huge.zone"), """
        @   3600 SOA ns hostmaster 1 3600 600 86400 300
        @   3600 NS  ns
        $GENERATE 0-4294967295 host$ A 192.0.2.1
        """);

    assertUsage(serve(running -> { }, "--auth-zone", "example.=" + zoneFile),
        "--auth-zone example.=" + zoneFile + ": malformed zone file " + zoneFile + " of example., line 3: ");
    assertUsage(serve(running -> { }, "--auth-zone", "example.=" + huge),
        "--auth-zone example.=" + huge + ": malformed zone file " + huge + " of example., $GENERATE 0-4294967295");
  }

  @Test
  @DisplayName("--auth-zone whose file has a CNAME beside other data (RFC 1034 §3.6.2): exit code 2, naming the file, "
      + "the owner and the rule, as NSD refuses the zone")
  void authZone_cnameBesideOtherData_exitsTwoNamingFileOwnerAndRule() throws IOException {
    Path zoneFile = Files.writeString(dir.resolve("alias.zone"), """
        @   3600 SOA   ns hostmaster 1 3600 600 86400 300
        @   3600 NS    ns
        ns  3600 A     192.0.2.53
        www 3600 CNAME ns
        www 3600 MX    10 ns
        """);

    assertUsage(serve(running -> { }, "--auth-zone", "example.=" + zoneFile), "--auth-zone example.=" + zoneFile
        + ": zone file " + zoneFile + ": auth zone example.: www.example. has a CNAME beside other data (MX)");
  }

  @Test
  @DisplayName("--check, as unbound-checkconf: every file the options name is read and every setting checked, "
      + "nothing served; exit 0 when all is well, 2 naming the first mistake")
  void check_readsEverythingAndServesNothing() throws IOException {
    Path zoneFile = Files.writeString(dir.resolve("check.zone"), "@ 3600 SOA ns hostmaster 1 3600 600 86400 300\n"
        + "@ 3600 NS ns.elsewhere.\n");
    Path broken = Files.writeString(dir.resolve("check-broken.hints"), ". 3600 NS a.root.lab.\ngarbage here\n");
    Consumer<ServeCommand.Running> served = running -> {
      throw new AssertionError("--check served on " + running.server().addresses());
    };

    Run good = serve(served, "--check", "--root-hints", hints.toString(), "--loopback-only",
        "--listen", "127.0.0.1:5399", "--auth-zone", "example.=" + zoneFile, "--threads", "2");
    assertThat(good.code()).as(good.err()).isZero();
    assertThat(good.out()).isEqualTo("serve: the options and the files they name are good\n");

    assertUsage(serve(served, "--check", "--root-hints", broken.toString(), "--loopback-only"),
        "--root-hints " + broken + ": root hints do not parse: line 2: ");
  }

  @Test
  @DisplayName("an address already taken: exit code 1, naming it")
  void addressInUse_exitsOne() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Run run = serve(running -> { }, "--root-hints", hints.toString(), "--loopback-only", "--no-control",
          "--listen", "127.0.0.1:" + taken.getLocalPort());

      assertThat(run.code()).isEqualTo(1);
      assertThat(run.err()).startsWith("serve: cannot listen on ");
    }
  }

  @Test
  @DisplayName("--shutdown-grace: a stop waits that long for a question under way, then answers it SERVFAIL with EDE "
      + "'the server is stopping'")
  void shutdownGrace_boundsTheWaitForQuestionsUnderWay() throws Exception {
    AuthServer silent = lab.server(InetAddress.getByAddress(new byte[] {127, 53, 1, 1}));
    silent.setFault(new Fault.Drop());
    lab.clearQueries();
    try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      client.setSoTimeout(10_000);
      long[] stopNanos = new long[1];
      Run run = serve(running -> {
        Message asked = Message.newQuery(Record.newRecord(Name.fromConstantString("www.example."), Type.A, DClass.IN));
        asked.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        byte[] query = asked.toWire();
        try {
          client.send(new DatagramPacket(query, query.length, running.server().addresses().get(0)));
          while (silent.queryCount() == 0) { // the question is under way once its zone's server is asked
            Thread.sleep(5);
          }
        } catch (IOException | InterruptedException e) {
          throw new AssertionError(e);
        }
        long start = System.nanoTime();
        running.server().close();
        stopNanos[0] = System.nanoTime() - start;
      }, "--listen", "127.0.0.1:0", "--root-hints", hints.toString(), "--upstream-port", String.valueOf(lab.port()),
          "--loopback-only", "--no-control", "--shutdown-grace", "200ms");
      DatagramPacket packet = new DatagramPacket(new byte[512], 512);
      client.receive(packet);

      assertThat(run.code()).as(run.err()).isZero();
      assertThat(Duration.ofNanos(stopNanos[0])).as("the grace given, not the default 5 s")
          .isBetween(Duration.ofMillis(150), Duration.ofMillis(2500));
      Message answer = new Message(packet.getData());
      assertThat(answer.getRcode()).isEqualTo(Rcode.SERVFAIL);
      assertThat(answer.toString()).contains("the server is stopping");
    } finally {
      silent.clearFault();
      lab.clearQueries();
    }
  }

  @Test
  @DisplayName("bin/serve --help and bin/serve-control --help list the options and commands")
  void help_listsEverything() {
    Run serve = serve(running -> { }, "--help");
    assertThat(serve.code()).isZero();
    assertThat(serve.out()).contains("--listen ADDR:PORT", "--root-hints FILE", "--upstream-port N",
        "--loopback-only", "--allow CIDR", "--threads N", "--cache-bytes N", "--max-hops N",
        "--deadline MS", "--serve-stale", "--prefetch", "--control ADDR:PORT", "--trust-anchor FILE",
        "--no-validation", "--shutdown-grace DURATION");
    Run control = control("--help");
    assertThat(control.code()).isZero();
    assertThat(control.out()).contains("stats", "flush NAME", "flush_negative");
  }

  @Test
  @DisplayName("serve-control without a server: exit code 1 and what to check; without a command: 2")
  void serveControl_failures() throws IOException {
    int free;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      free = socket.getLocalPort();
    }
    Run unreachable = control("--control", "127.0.0.1:" + free, "stats");
    assertThat(unreachable.code()).isEqualTo(1);
    assertThat(unreachable.err()).contains("cannot talk to the control channel at", "is bin/serve running");

    Run missing = control();
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("missing COMMAND");
  }

  /* ---- helpers ---- */

  private static void assertUsage(Run run, String message) {
    assertThat(run.code()).as("exit code for %s", message).isEqualTo(2);
    assertThat(run.err()).contains("serve: " + message);
  }

  private static Run serve(Consumer<ServeCommand.Running> serving, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ServeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), running -> {
          try {
            serving.accept(running);
          } finally {
            running.close();
          }
        });
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Run control(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ServeControlCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private record Run(int code, String out, String err) {}
}
