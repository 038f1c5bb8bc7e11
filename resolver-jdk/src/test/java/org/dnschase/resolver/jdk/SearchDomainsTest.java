package org.dnschase.resolver.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search domains and ndots from a resolv.conf, or from the properties, as the C library applies them. */
class SearchDomainsTest extends JdkLabTest {

  @Test
  @DisplayName("db, with 'search corp.test' and 'options ndots:1' in dnschase.resolvConf, is db.corp.test.")
  void resolvConfSearch_findsDbCorpTest(@TempDir Path dir) throws Exception {
    Path conf = Files.writeString(dir.resolve("resolv.conf"), "search corp.test\noptions ndots:1\n");

    List<String> lines = Probe.run(lab, List.of("-Ddnschase.resolvConf=" + conf), "all", "db");

    assertThat(lines).containsExactly("127.0.0.3");
    assertThat(JdkLab.asked(lab, "db.corp.test.")).isTrue();
  }

  @Test
  @DisplayName("dnschase.searchDomains and dnschase.ndots do the same without a file")
  void propertySearch_findsDbCorpTest() throws Exception {
    List<String> lines = Probe.run(lab, List.of("-Ddnschase.searchDomains=corp.test", "-Ddnschase.ndots=1"),
        "all", "db");

    assertThat(lines).containsExactly("127.0.0.3");
  }

  @Test
  @DisplayName("Without a search list, db is the single-label name db., which does not exist")
  void noSearch_dbDoesNotExist() throws Exception {
    List<String> lines = Probe.run(lab, List.of(), "all", "db");

    assertThat(lines).singleElement().asString().startsWith("UnknownHostException: db: no such name");
  }
}
