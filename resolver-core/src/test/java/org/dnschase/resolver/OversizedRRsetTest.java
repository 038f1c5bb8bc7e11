package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * An RRset larger than the resolver keeps (more than 100 records, BIND's max-records-per-type) is
 * dropped from a reply, and a reply whose answer lost one is not an answer: what is left of it
 * must not read as NODATA (NOERROR, nothing to say, no SOA), nor as an alias leading nowhere. The
 * resolution fails instead, naming the zone, as BIND fails one. An RRset of 100 records is kept.
 */
class OversizedRRsetTest {

  static final ZoneTree TREE = LabZones.rootAndTest()
      .zone("big.test.", big -> big.server("ns1", "127.53.72.1").records(aRecords("hundred", 100)
          + aRecords("many", 101) + "alias CNAME many\nother TXT \"beside the big RRset\"\n"))
      .build();

  @Lab static TestHierarchy lab;

  private static String aRecords(String owner, int count) {
    return IntStream.range(0, count).mapToObj(i -> owner + " A 198.51." + (i / 250) + "." + (i % 250 + 1) + "\n")
        .collect(Collectors.joining());
  }

  @Test
  @DisplayName("BIND max-records-per-type: an RRset of 100 records is answered whole")
  void hundredRecords_areAnswered() {
    try (Resolver resolver = ChainLab.resolverFor(lab).build()) {
      Resolution result = resolver.resolve("hundred.big.test.", Type.A);

      assertThat(result).isInstanceOfSatisfying(Resolution.Answer.class,
          answer -> assertThat(answer.rrset().size()).isEqualTo(100));
    }
  }

  @Test
  @DisplayName("RFC 2308 §2.2: an answer whose 101-record RRset was dropped is a failure, never NODATA")
  void answerOfMoreThanHundredRecords_failsInsteadOfNoData() {
    try (Resolver resolver = ChainLab.resolverFor(lab).build()) {
      for (String name : new String[] {"many.big.test.", "alias.big.test."}) {
        Resolution result = resolver.resolve(name, Type.A);

        assertThat(result).as(name).isInstanceOfSatisfying(Resolution.Failure.class,
            failure -> assertThat(failure.reason()).isEqualTo(FailureReason.ALL_SERVERS_FAILED));
      }
      assertThat(resolver.resolve("other.big.test.", Type.TXT)).as("the zone's other data")
          .isInstanceOf(Resolution.Answer.class);
    }
  }
}
