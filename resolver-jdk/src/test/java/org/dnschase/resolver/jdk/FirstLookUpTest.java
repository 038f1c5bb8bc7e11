package org.dnschase.resolver.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a JVM's first look-up through the provider loads, counted in classes rather than timed
 * (issue 14, first resolution in a fresh JVM): its queries go over the JDK's own sockets, so Netty
 * is not started for it, and no Flight Recorder event is made while no recording runs, so the
 * recorder's machinery stays unloaded. Nor is what this configuration never uses: the IANA root
 * hints when others are given, and the store of proven NSEC/NSEC3 ranges (RFC 8198) when nothing
 * is validated. Each probe is a JVM of its own, its classes logged by the JVM itself.
 */
class FirstLookUpTest extends JdkLabTest {

  @Test
  @DisplayName("the first look-up, walked from the root with a cold cache, loads no Netty class, no Flight Recorder event,"
      + " no IANA hints when given the lab's and no RFC 8198 range store when not validating")
  void firstLookUp_loadsOnlyWhatItUses(@TempDir Path dir) throws Exception {
    Path loaded = dir.resolve("classes.log");

    List<String> lines = Probe.run(lab, List.of("-Xlog:class+load=info:file=" + loaded), "timed", "www.app.test");

    assertThat(lines).first().isEqualTo("127.0.0.1");
    List<String> classes = Files.readAllLines(loaded).stream().map(FirstLookUpTest::className).toList();
    assertThat(classes).as("classes the first look-up loaded")
        .contains("org.dnschase.resolver.jdk.DnschaseInetAddressResolver", "org.xbill.DNS.Message")
        .noneMatch(name -> name.startsWith("io.netty."))
        .doesNotContain("jdk.jfr.Event", "jdk.jfr.internal.MetadataRepository")
        .doesNotContain("org.dnschase.resolver.RootHints$IanaRoot",
            "org.dnschase.resolver.internal.dnssec.denial.DenialRanges");
  }

  /** The class a line of {@code -Xlog:class+load} names: "[info][class,load] NAME source: ...". */
  private static String className(String line) {
    String[] words = line.substring(line.lastIndexOf(']') + 1).strip().split(" ");
    return words[0];
  }
}
