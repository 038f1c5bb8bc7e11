package org.dnschase.resolver.bench.reply;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * What one reply with records under {@code owners} distinct names costs the resolver: a whole
 * resolution against {@link FloodingRoot} (parse, group into RRsets, scrub, classify, cache the
 * answer), each of a name not asked before, beside {@code parse} alone. The peer is dnsjava's
 * own grouping ({@code Message.getSectionRRsets}) of the same section, which the resolver no
 * longer uses on replies: its cost grows far faster than the owner count.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LargeReplyBenchmark {

  @Param({"1000", "4000", "8000"})
  int owners;

  private FloodingRoot root;
  private Resolver resolver;
  private int next;

  @Setup
  public void start() {
    root = new FloodingRoot(owners);
    resolver = root.resolver();
    if (!(resolver.resolve("warm.flood.", Type.A) instanceof Resolution.Answer)) {
      throw new IllegalStateException("the flooded reply did not give an answer");
    }
  }

  @TearDown
  public void stop() {
    resolver.close();
  }

  /** A resolution of a new name: one flooded reply parsed, grouped, scrubbed, classified. */
  @Benchmark
  public Resolution resolve() {
    return resolver.resolve(Name.fromConstantString("w" + next++ + ".flood."), Type.A);
  }

  /** The reply parsed and nothing else: what every reader of it pays first. */
  @Benchmark
  public Message parse() {
    return root.parse();
  }

  /** The peer: the reply parsed, then grouped by dnsjava. */
  @Benchmark
  public List<RRset> dnsjavaGrouping() {
    return root.parse().getSectionRRsets(Section.ADDITIONAL);
  }
}
