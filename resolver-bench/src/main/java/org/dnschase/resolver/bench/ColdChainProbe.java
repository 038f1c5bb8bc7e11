package org.dnschase.resolver.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.server.DnsServer;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The CPU and the allocation of one cold chain in our server, measured in-process: the lab on
 * loopback ({@link BenchLab}, the testkit's servers), a {@link DnsServer} with one event loop in
 * front of a resolver built as {@code bin/serve} builds it, and for each walk a flush over the
 * control channel (on the serving loop, as {@code bin/serve-control flush} does), a pause, one
 * question over UDP and a settle. A walk's figures are the differences of every thread's CPU time
 * and allocated bytes ({@code ThreadMXBean}) from just before the question to the end of the
 * settle, as the race counts a cold chain: the serving threads are those named {@code dnschase-};
 * the lab's ({@code testkit-}) and the probe's own are left out. Quicker to iterate with than the
 * race, but its figures are this process's, not Unbound's ground: compare a change only against
 * the build before it, run the same way, in the same minutes.
 *
 * <p>Run as {@code taskset -c 0 java -cp resolver-bench/target/benchmarks.jar
 * org.dnschase.resolver.bench.ColdChainProbe [WALKS_PER_CHAIN [WARMUP_ROUNDS [PAUSE_MS [SETTLE_MS
 * [OTHER_CPU [FLUSH]]]]]]}. With OTHER_CPU the lab's and the probe's threads move there, so the server's
 * CPU idles while it waits for each reply, as in the race; without it they share the server's CPU,
 * which then never idles during a chain ({@code -}: no CPU of their own). FLUSH {@code in-process}
 * empties the caches from the probe's thread rather than by the control channel on the serving
 * loop, so that a profile of the serving thread holds the chains alone. The pause and the settle decide how long the server idles between chains.
 * Both matter more than most changes to our code: see RESULTS.md's race section for what they do
 * to a chain's CPU.
 *
 * <p>Prints, per chain length, the median and mean serving CPU per chain, the part of it after the
 * answer (the settle), the bytes the serving threads allocated, the upstream queries, their page
 * faults and context switches, the CPU of threads that are neither serving, the lab's nor the
 * probe's; then the flush's own cost on the serving thread.
 */
public final class ColdChainProbe {

  private static final int[] HOPS = {1, 2, 4, 8, 12};

  private final TestHierarchy lab;
  private final Resolver resolver;
  private final DnsServer server;
  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final DatagramChannel client;

  private ColdChainProbe() throws IOException {
    lab = BenchLab.start();
    resolver = BenchLab.builderFor(lab.rootHints(), lab.port(), RRsetCache.builder().recordStats().build())
        .callbackExecutor(Runnable::run)
        .transportThreads(1)
        .build();
    server = DnsServer.builder(resolver)
        .listen(new InetSocketAddress("127.0.0.1", 0))
        .threads(1)
        .rateLimit(0)
        .control(new InetSocketAddress("127.0.0.1", 0))
        .start();
    client = DatagramChannel.open();
    client.connect(server.addresses().getFirst());
  }

  /**
   * Every live thread's CPU time and allocated bytes, by thread id, at one moment; and the serving
   * threads' page faults and context switches, summed, from the kernel's view of them.
   */
  private record Snapshot(Map<Long, String> names, Map<Long, long[]> figures, long[] kernel) {}

  /**
   * Minor page faults, voluntary and involuntary context switches of the process's threads named
   * {@code dnschase-} ({@code /proc/self/task}), summed.
   */
  private static long[] kernelCounts() {
    long[] sums = new long[3];
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          if (!Files.readString(task.resolve("comm")).startsWith("dnschase-")) {
            continue;
          }
          String stat = Files.readString(task.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          sums[0] += Long.parseLong(fields[7]); // minflt, field 10 of stat(5)
          for (String line : Files.readAllLines(task.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
              sums[1] += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
              sums[2] += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
          }
        } catch (IOException ended) {
          // the thread ended between the listing and the read: it has nothing left to count
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sums;
  }

  private Snapshot snapshot() {
    long[] ids = threads.getAllThreadIds();
    long[] cpu = threads.getThreadCpuTime(ids);
    long[] bytes = threads.getThreadAllocatedBytes(ids);
    Map<Long, String> names = new HashMap<>();
    Map<Long, long[]> figures = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      var info = threads.getThreadInfo(ids[i]);
      if (info != null) {
        names.put(ids[i], info.getThreadName());
        figures.put(ids[i], new long[] {cpu[i], bytes[i]});
      }
    }
    return new Snapshot(names, figures, kernelCounts());
  }

  /** CPU ns and bytes per thread kind between two snapshots: serving, lab, probe, other. */
  private static Map<String, long[]> difference(Snapshot before, Snapshot after) {
    Map<String, long[]> kinds = new TreeMap<>();
    for (var entry : after.figures().entrySet()) {
      long[] then = before.figures().getOrDefault(entry.getKey(), new long[] {0, 0});
      long cpu = Math.max(0, entry.getValue()[0] - then[0]);
      long bytes = Math.max(0, entry.getValue()[1] - then[1]);
      String kind = kind(after.names().get(entry.getKey()));
      long[] sum = kinds.computeIfAbsent(kind, k -> new long[2]);
      sum[0] += cpu;
      sum[1] += bytes;
    }
    kinds.put("faults", new long[] {after.kernel()[0] - before.kernel()[0], 0});
    kinds.put("switches", new long[] {after.kernel()[1] - before.kernel()[1], after.kernel()[2] - before.kernel()[2]});
    return kinds;
  }

  private static String kind(String name) {
    if (name.startsWith("dnschase-")) {
      return "serving";
    }
    if (name.startsWith("testkit-")) {
      return "lab";
    }
    return name.equals("main") ? "probe" : "other";
  }

  /** Whether the probe empties the caches itself, off the serving thread, instead of by command. */
  private boolean flushInProcess;

  private void flush() throws IOException {
    if (flushInProcess) {
      resolver.invalidateAll();
      return;
    }
    try (Socket control = new Socket()) {
      control.connect(server.controlAddress().orElseThrow());
      OutputStream out = control.getOutputStream();
      out.write("flush\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = control.getInputStream();
      byte[] reply = in.readNBytes(3);
      if (!new String(reply, StandardCharsets.US_ASCII).equals("ok\n")) {
        throw new IllegalStateException("flush: " + Arrays.toString(reply));
      }
    }
  }

  private void ask(int hops) throws IOException {
    Message query = Message.newQuery(Record.newRecord(BenchLab.chainStart(hops), Type.A, DClass.IN));
    client.write(ByteBuffer.wrap(query.toWire()));
    ByteBuffer reply = ByteBuffer.allocate(4096);
    client.read(reply);
    Message answer = new Message(Arrays.copyOf(reply.array(), reply.position()));
    int records = answer.getSection(Section.ANSWER).size();
    if (answer.getRcode() != Rcode.NOERROR || records != hops + 2) {
      throw new IllegalStateException(hops + " hops: " + Rcode.string(answer.getRcode()) + ", " + records
          + " records");
    }
  }

  /** One cold walk of the chain of {@code hops}: its figures by thread kind, and the flush's. */
  private Map<String, long[]> walk(int hops, long pauseMillis, long settleMillis, Map<String, long[]> flushes)
      throws IOException, InterruptedException {
    Snapshot beforeFlush = snapshot();
    flush();
    Thread.sleep(pauseMillis);
    Snapshot before = snapshot();
    lab.clearQueries();
    ask(hops);
    Snapshot answered = snapshot();
    Thread.sleep(settleMillis);
    Snapshot after = snapshot();
    difference(beforeFlush, before).forEach((kind, sum) -> flushes.merge(kind, sum,
        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]}));
    Map<String, long[]> figures = difference(before, after);
    figures.put("queries", new long[] {lab.queryCount(), 0});
    figures.put("settle", difference(answered, after).getOrDefault("serving", new long[2]));
    return figures;
  }

  /**
   * Runs the probe.
   *
   * @param args walks per chain (default 200), warm-up rounds over every chain, each chain after a
   *     flush (default 1,400: the 7,000 cold chains of the race's warm-up),
   *     pause after the flush in ms (default 50), settle after the answer in ms (default 5), the
   *     CPU for the lab's and the probe's threads (default or {@code -}: none, they share the
   *     server's), {@code in-process} to flush from the probe's thread (default: by the control
   *     channel)
   */
  public static void main(String[] args) throws Exception {
    int walks = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 1_400;
    long pause = args.length > 2 ? Long.parseLong(args[2]) : 50;
    long settle = args.length > 3 ? Long.parseLong(args[3]) : 5;
    ColdChainProbe probe = new ColdChainProbe();
    try {
      probe.flushInProcess = args.length > 5 && args[5].equals("in-process");
      probe.run(walks, warmup, pause, settle, args.length > 4 && !args[4].equals("-") ? args[4] : null);
    } finally {
      probe.close();
    }
  }

  /**
   * Moves the lab's threads and the probe's own to {@code cpu} ({@code taskset}), so that the
   * server's loop has the CPU the whole process started on to itself, as NSD and the clients run
   * on the other CPU in the race: each upstream query then wakes another CPU, and the server's
   * goes idle while it waits.
   */
  private static void pinOthersTo(String cpu) throws IOException, InterruptedException {
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String name = threadName(task);
        if (name.startsWith("testkit-") || name.equals("main")) {
          new ProcessBuilder("taskset", "-pc", cpu, task.getFileName().toString()).redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
      }
    }
  }

  /** The thread's name, or "" for a thread that ended while the tasks were listed (a recording's, a pool's). */
  private static String threadName(Path task) throws IOException {
    try {
      return Files.readString(task.resolve("comm")).strip();
    } catch (NoSuchFileException ended) {
      return "";
    }
  }

  private void run(int walks, int warmup, long pause, long settle, String otherCpu) throws IOException, InterruptedException {
    Map<String, long[]> ignored = new HashMap<>();
    walk(HOPS[0], 0, 0, ignored); // the lab's threads start with their first query
    if (otherCpu != null) {
      pinOthersTo(otherCpu);
    }
    long start = System.nanoTime();
    for (int round = 0; round < warmup; round++) {
      for (int hops : HOPS) {
        walk(hops, 0, 0, ignored);
      }
    }
    System.out.printf("warm-up: %d rounds in %.1f s%n", warmup, (System.nanoTime() - start) / 1e9);
    Map<Integer, List<Map<String, long[]>>> samples = new TreeMap<>();
    Map<String, long[]> flushes = new TreeMap<>();
    for (int i = 0; i < walks; i++) {
      for (int hops : HOPS) { // interleaved, so drift hits every length alike
        samples.computeIfAbsent(hops, h -> new ArrayList<>()).add(walk(hops, pause, settle, flushes));
      }
    }
    System.out.printf("load average %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println("hops  serving CPU us median / mean  of it after the answer  serving KB  queries"
        + "  page faults  switches voluntary / not  other threads' CPU us");
    for (var entry : samples.entrySet()) {
      List<Map<String, long[]>> runs = entry.getValue();
      long[] serving = runs.stream().mapToLong(r -> r.getOrDefault("serving", new long[2])[0]).sorted().toArray();
      System.out.printf("%4d  %14.0f / %6.0f  %22.0f  %10.1f  %7.1f  %11.1f  %16.1f / %3.1f  %21.0f%n",
          entry.getKey(), serving[serving.length / 2] / 1e3, mean(runs, "serving", 0) / 1e3,
          mean(runs, "settle", 0) / 1e3, mean(runs, "serving", 1) / 1024, mean(runs, "queries", 0),
          mean(runs, "faults", 0), mean(runs, "switches", 0), mean(runs, "switches", 1), mean(runs, "other", 0) / 1e3);
    }
    int count = walks * HOPS.length;
    System.out.printf("the flush (serving threads, from the command to the question): %.0f us, %.1f KB%n",
        flushes.getOrDefault("serving", new long[2])[0] / 1e3 / count,
        flushes.getOrDefault("serving", new long[2])[1] / 1024.0 / count);
  }

  private static double mean(List<Map<String, long[]>> runs, String kind, int figure) {
    return runs.stream().mapToLong(r -> r.getOrDefault(kind, new long[2])[figure]).average().orElse(0);
  }

  private void close() throws IOException {
    client.close();
    server.close();
    resolver.close();
    lab.close();
  }
}
