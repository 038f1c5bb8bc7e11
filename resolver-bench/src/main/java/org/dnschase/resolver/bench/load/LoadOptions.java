package org.dnschase.resolver.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.cache.RRsetCacheBuilder;

/**
 * What one load run does: how many resolutions, how many at once, over how many distinct
 * questions, with which faults, and the limits it runs under.
 *
 * @param resolutions resolutions to run in all
 * @param concurrency resolutions in flight at most
 * @param names distinct questions the resolutions are drawn from (uniformly)
 * @param zones leaf zones of the lab, each on its own server or two
 * @param hostsPerZone A records per leaf zone, the targets of hosts, chains and DNAMEs
 * @param drop share of queries every server drops
 * @param delayShare share of the queries that are not dropped which every server answers late
 * @param delay how late
 * @param hostile share of the questions aimed at the zone whose server floods its replies
 * @param floodOwners records under distinct owners in each of that server's replies
 * @param cacheBytes the resolver's cache budget in bytes
 * @param deadline the resolver's deadline for one resolution
 * @param timeLimit the whole run's limit: what has not completed by then is reported as such
 * @param seed the seed of the question mix
 */
public record LoadOptions(int resolutions, int concurrency, int names, int zones, int hostsPerZone,
    double drop, double delayShare, Duration delay, double hostile, int floodOwners,
    long cacheBytes, Duration deadline, Duration timeLimit, long seed) {

  /** A clean run: 10,000 resolutions, 200 at a time, no faults. */
  public static final LoadOptions DEFAULTS = new LoadOptions(10_000, 200, 5_000, 8, 500,
      0, 0, Duration.ofMillis(200), 0, 3_000, RRsetCacheBuilder.DEFAULT_MAXIMUM_BYTES,
      Duration.ofSeconds(3), Duration.ofSeconds(300), 1);

  /** The usage line of {@link #parse}. */
  public static final String USAGE = """
      options (defaults in brackets):
        --resolutions N     resolutions in all [10000]
        --concurrency C     resolutions in flight at most [200]
        --names K           distinct questions drawn from [5000]
        --zones Z           leaf zones [8]; --hosts H  A records per zone [500]
        --drop P            share of queries every server drops [0]
        --delay P:MS        share of the other queries answered MS late [0:200]
        --hostile P         share of questions to the zone that floods its replies [0]
        --flood OWNERS      records under distinct owners per flooded reply [3000]
        --faults            shorthand for --drop 0.02 --delay 0.05:200 --hostile 0.001
        --cache-bytes B     the resolver's cache budget [the cache's default, 32 MiB]
        --deadline MS       the resolver's deadline per resolution [3000]
        --time-limit S      the whole run's limit [300]
        --seed S            the question mix's seed [1]""";

  /** Checks every option. */
  public LoadOptions {
    positive("resolutions", resolutions);
    positive("concurrency", concurrency);
    positive("names", names);
    if (zones < 2 || zones > 200) {
      throw new IllegalArgumentException("zones must be 2..200 (each has its own addresses): " + zones);
    }
    if (hostsPerZone < 1 || hostsPerZone > 65_536) {
      throw new IllegalArgumentException("hosts must be 1..65536: " + hostsPerZone);
    }
    share("drop", drop);
    share("delay share", delayShare);
    share("hostile", hostile);
    positive("flood owners", floodOwners);
    if (cacheBytes <= 0) {
      throw new IllegalArgumentException("cache bytes must be positive: " + cacheBytes);
    }
    positive("deadline", deadline);
    positive("time limit", timeLimit);
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
  }

  /** {@link #DEFAULTS} with the given command-line options applied; see {@link #USAGE}. */
  public static LoadOptions parse(String... args) {
    LoadOptions d = DEFAULTS;
    int resolutions = d.resolutions, concurrency = d.concurrency, names = d.names, zones = d.zones;
    int hosts = d.hostsPerZone, floodOwners = d.floodOwners;
    double drop = d.drop, delayShare = d.delayShare, hostile = d.hostile;
    Duration delay = d.delay, deadline = d.deadline, timeLimit = d.timeLimit;
    long cacheBytes = d.cacheBytes, seed = d.seed;
    List<String> rest = new ArrayList<>(List.of(args));
    while (!rest.isEmpty()) {
      String option = rest.remove(0);
      if (option.equals("--faults")) {
        drop = 0.02;
        delayShare = 0.05;
        delay = Duration.ofMillis(200);
        hostile = 0.001;
        continue;
      }
      if (rest.isEmpty()) {
        throw new IllegalArgumentException("unknown option or missing value: " + option + "\n" + USAGE);
      }
      String value = rest.remove(0);
      switch (option) {
        case "--resolutions", "-n" -> resolutions = Integer.parseInt(value);
        case "--concurrency", "-c" -> concurrency = Integer.parseInt(value);
        case "--names" -> names = Integer.parseInt(value);
        case "--zones" -> zones = Integer.parseInt(value);
        case "--hosts" -> hosts = Integer.parseInt(value);
        case "--drop" -> drop = Double.parseDouble(value);
        case "--delay" -> {
          delayShare = Double.parseDouble(before(value));
          delay = Duration.ofMillis(Long.parseLong(after(value)));
        }
        case "--hostile" -> hostile = Double.parseDouble(value);
        case "--flood" -> floodOwners = Integer.parseInt(value);
        case "--cache-bytes" -> cacheBytes = Long.parseLong(value);
        case "--deadline" -> deadline = Duration.ofMillis(Long.parseLong(value));
        case "--time-limit" -> timeLimit = Duration.ofSeconds(Long.parseLong(value));
        case "--seed" -> seed = Long.parseLong(value);
        default -> throw new IllegalArgumentException("unknown option: " + option + "\n" + USAGE);
      }
    }
    return new LoadOptions(resolutions, concurrency, names, zones, hosts, drop, delayShare, delay,
        hostile, floodOwners, cacheBytes, deadline, timeLimit, seed);
  }

  /** Whether any fault is on. */
  public boolean faulty() {
    return drop > 0 || delayShare > 0 || hostile > 0;
  }

  private static String before(String pair) {
    int colon = pair.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("expected SHARE:MILLIS, got " + pair);
    }
    return pair.substring(0, colon);
  }

  private static String after(String pair) {
    return pair.substring(pair.indexOf(':') + 1);
  }

  private static void positive(String what, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be positive: " + value);
    }
  }

  private static void positive(String what, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(what + " must be positive: " + value);
    }
  }

  private static void share(String what, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(what + " must be a share, 0..1: " + value);
    }
  }
}
