package org.dnschase.resolver.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.TimeSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * What must hold after every fuzzed resolution, whatever the servers said: each check returns
 * the violations it found, as text for the failure message.
 */
final class Invariants {

  /** The caps of the fuzzed resolver's cache, below the lab's TTLs so that they bite. */
  static final Duration MAX_TTL = Duration.ofHours(6);
  static final Duration MAX_NEGATIVE_TTL = Duration.ofMinutes(15);

  private Invariants() {}

  /** A typed outcome for the question asked, never an internal error; an answer holds its data. */
  static List<String> outcome(Resolution result, FuzzLab.Question question) {
    List<String> violations = new ArrayList<>();
    if (result == null) {
      return List.of("no outcome");
    }
    if (result instanceof Resolution.Failure failure && failure.reason() == FailureReason.INTERNAL_ERROR) {
      violations.add("internal error: " + failure.detail());
    }
    if (!result.qname().equals(question.name()) || result.qtype() != question.type()) {
      violations.add("outcome for " + result.qname() + "/" + Type.string(result.qtype()) + ", asked "
          + question.name() + "/" + Type.string(question.type()));
    }
    if (result instanceof Resolution.Answer answer) {
      List<Record> records = answer.records();
      if (records.isEmpty()) {
        violations.add("an answer without records");
      }
      for (Record record : records) {
        if (!record.getName().equals(answer.finalName())
            || (question.type() != Type.ANY && record.getType() != question.type())) {
          violations.add("answer record " + record + " is not of " + answer.finalName() + "/"
              + Type.string(question.type()));
        }
      }
    }
    return violations;
  }

  /** The resolution ended within its deadline, and sent nothing once it had passed. */
  static List<String> deadline(Duration elapsed, Duration deadline, List<String> lateQueries) {
    List<String> violations = new ArrayList<>();
    if (elapsed.compareTo(deadline) > 0) {
      violations.add("took " + elapsed + " against a deadline of " + deadline);
    }
    lateQueries.forEach(query -> violations.add("query sent after the deadline: " + query));
    return violations;
  }

  /** Only records of class IN in the outcome (records of other classes are dropped on arrival). */
  static List<String> classes(Resolution result) {
    List<Record> shown = new ArrayList<>(result.answerSection());
    switch (result) {
      case Resolution.NoData noData -> addNegative(shown, noData.soa(), noData.nameServers());
      case Resolution.NxDomain nxDomain -> addNegative(shown, nxDomain.soa(), nxDomain.nameServers());
      default -> { }
    }
    return shown.stream().filter(record -> record.getDClass() != DClass.IN)
        .map(record -> "a record of class " + DClass.string(record.getDClass()) + " in the outcome: " + record)
        .toList();
  }

  /**
   * The outcome promises no more than the cache keeps: its TTL (a negative answer's within the
   * negative cap), every record it shows, its SOA and every hop within the caps.
   */
  static List<String> resultTtls(Resolution result) {
    long cap = MAX_TTL.toSeconds();
    long negativeCap = MAX_NEGATIVE_TTL.toSeconds();
    List<String> violations = new ArrayList<>();
    boolean negative = result instanceof Resolution.NoData || result instanceof Resolution.NxDomain;
    if (result.ttl().toSeconds() > (negative ? negativeCap : cap)) {
      violations.add("the outcome's TTL " + result.ttl() + " is past the cap");
    }
    result.answerSection().stream().filter(r -> r.getTTL() > cap)
        .forEach(r -> violations.add("the outcome shows a record past the cap of " + MAX_TTL + ": " + r));
    result.chain().stream().filter(hop -> hop.ttl().toSeconds() > cap)
        .forEach(hop -> violations.add("a hop past the cap of " + MAX_TTL + ": " + hop));
    SOARecord soa = result instanceof Resolution.NoData n ? n.soa()
        : result instanceof Resolution.NxDomain x ? x.soa() : null;
    if (soa != null && soa.getTTL() > cap) {
      violations.add("the negative answer's SOA is past the cap of " + MAX_TTL + ": " + soa);
    }
    return violations;
  }

  /** Every entry written is kept no longer than the caps, as its remaining TTL shows. */
  static List<String> cachedTtls(CheckedCache cache) {
    List<String> violations = new ArrayList<>();
    for (CheckedCache.Key key : cache.written()) {
      switch (cache.lookup(key.name(), key.type(), DClass.IN)) {
        case CacheLookup.Hit hit -> {
          List<Record> records = new ArrayList<>(hit.rrset().rrs(false));
          records.addAll(hit.rrset().sigs());
          records.stream().filter(r -> r.getTTL() > MAX_TTL.toSeconds())
              .forEach(r -> violations.add("cached past the cap of " + MAX_TTL + ": " + r));
          if (hit.storedTtl() > MAX_TTL.toSeconds()) {
            violations.add("stored for " + hit.storedTtl() + " s past the cap: " + hit.rrset());
          }
        }
        case CacheLookup.NegativeHit negative -> {
          if (negative.ttl() > MAX_NEGATIVE_TTL.toSeconds()
              || (negative.soa() != null && negative.soa().getTTL() > MAX_NEGATIVE_TTL.toSeconds())) {
            violations.add("negative answer cached past the cap of " + MAX_NEGATIVE_TTL + ": " + negative);
          }
        }
        case CacheLookup.Miss miss -> { }
      }
    }
    return violations;
  }

  static RRsetCache newCache(TimeSource ticker) {
    return RRsetCache.builder().timeSource(ticker).maxTtl(MAX_TTL).maxNegativeTtl(MAX_NEGATIVE_TTL).build();
  }

  private static void addNegative(List<Record> shown, SOARecord soa, List<Record> nameServers) {
    if (soa != null) {
      shown.add(soa);
    }
    shown.addAll(nameServers);
  }
}
