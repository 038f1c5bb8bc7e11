package org.dnschase.resolver.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The questions of a run: a pool of distinct-ish questions of every kind, then the run's sequence
 * drawn from it uniformly, so popular names are asked again (and answered from the cache, or
 * joined while in flight) and the rest cold. Seeded: one seed, one sequence.
 */
final class QuestionMix {
  /** Weights of the kinds besides the hostile share, in {@link Question.Kind} order. */
  private static final int[] WEIGHTS = {35, 30, 10, 10, 10, 5};

  private final LoadZones zones;
  private final Random random;

  QuestionMix(LoadZones zones, long seed) {
    this.zones = zones;
    this.random = new Random(seed);
  }

  /**
   * {@code resolutions} questions drawn from a pool of {@code names}, a {@code hostile} share of
   * the pool aimed at the flood zone.
   */
  List<Question> draw(int resolutions, int names, double hostile) {
    List<Question> pool = new ArrayList<>(names);
    for (int i = 0; i < names; i++) {
      pool.add(random.nextDouble() < hostile ? hostile() : ordinary());
    }
    List<Question> sequence = new ArrayList<>(resolutions);
    for (int i = 0; i < resolutions; i++) {
      sequence.add(pool.get(random.nextInt(names)));
    }
    return sequence;
  }

  private Question ordinary() {
    int zone = random.nextInt(zones.zones());
    int host = random.nextInt(zones.hosts());
    int alias = random.nextInt(LoadZones.ALIASES_PER_ZONE);
    String in = LoadZones.zone(zone);
    Question.Kind kind = kind();
    return switch (kind) {
      case HOST -> question("h" + host + "." + in, Type.A, kind);
      case CHAIN -> question(zones.chainLink(alias, zone, 0), Type.A, kind);
      case DNAME -> question("h" + host + ".old." + in, Type.A, kind);
      case NXDOMAIN -> question("nx" + random.nextInt(1_000_000) + "." + in, Type.A, kind);
      case NODATA -> question("h" + host + "." + in, Type.AAAA, kind);
      case DANGLING -> question("dangle" + alias + "." + in, Type.A, kind);
      case HOSTILE -> throw new IllegalStateException("hostile questions are drawn apart");
    };
  }

  private Question hostile() {
    return question("h" + random.nextInt(LoadZones.FLOOD_HOSTS) + "." + LoadZones.FLOOD_ZONE,
        Type.A, Question.Kind.HOSTILE);
  }

  private Question.Kind kind() {
    int total = 0;
    for (int weight : WEIGHTS) {
      total += weight;
    }
    int pick = random.nextInt(total);
    for (int k = 0; ; k++) {
      pick -= WEIGHTS[k];
      if (pick < 0) {
        return Question.Kind.values()[k];
      }
    }
  }

  private static Question question(String name, int type, Question.Kind kind) {
    return new Question(Name.fromConstantString(name), type, kind);
  }
}
