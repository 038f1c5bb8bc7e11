package org.dnschase.resolver.bench.race;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** The race's lab as written for NSD and dnsperf: chains of the stated lengths, a mix that asks them. */
class RaceLabTest {

  @TempDir
  static Path lab;

  /** Every record of every zone file, by owner name. */
  private static final Map<Name, List<Record>> records = new HashMap<>();

  @BeforeAll
  static void write() throws IOException {
    RaceLab.write(lab);
    try (var files = Files.list(lab.resolve("zones"))) {
      for (Path file : files.toList()) {
        try (Master master = new Master(file.toString())) {
          for (Record record = master.nextRecord(); record != null; record = master.nextRecord()) {
            records.computeIfAbsent(record.getName(), name -> new ArrayList<>()).add(record);
          }
        }
      }
    }
  }

  @Test
  void eachChainHasItsLengthInCnamesThatChangeZoneAndEndsInTwoAddresses() throws IOException {
    for (String file : List.of("chains.tsv", "warm-chains.tsv")) {
      List<String> lines = Files.readAllLines(lab.resolve(file));
      assertThat(lines).extracting(line -> line.split("\t")[0]).containsExactly("1", "2", "4", "8", "11");
      for (String line : lines) {
        int hops = Integer.parseInt(line.split("\t")[0]);
        Name name = Name.fromString(line.split("\t")[1]);
        for (int hop = 0; hop < hops; hop++) {
          CNAMERecord cname = (CNAMERecord) records.get(name).get(0);
          assertThat(cname.getTarget().getLabel(1)).isNotEqualTo(name.getLabel(1)); // another zone
          name = cname.getTarget();
        }
        assertThat(records.get(name)).hasSize(2).allMatch(record -> record.getType() == Type.A);
      }
    }
  }

  @Test
  void theMeasuredMixNeverAsksAWarmUpName() throws IOException {
    List<String> mix = Files.readAllLines(lab.resolve("mix.txt"));
    List<String> warmup = Files.readAllLines(lab.resolve("warmup.txt"));
    assertThat(mix).hasSize(600).doesNotContainAnyElementsOf(warmup);
    assertThat(mix).filteredOn(line -> line.startsWith("c11-0.")).hasSize(20);
    assertThat(mix).filteredOn(line -> line.endsWith(" AAAA")).hasSize(50);
  }

  @Test
  void everyServerLineNamesAZoneFileThatWasWritten() throws IOException {
    List<String> servers = Files.readAllLines(lab.resolve("servers.tsv"));
    assertThat(servers).hasSize(4);
    for (String line : servers) {
      assertThat(lab.resolve("zones").resolve(line.split("\t")[2])).isRegularFile();
    }
    assertThat(Files.readString(lab.resolve("root.hints"))).contains("a.root.lab.").contains("127.53.0.1");
  }
}
