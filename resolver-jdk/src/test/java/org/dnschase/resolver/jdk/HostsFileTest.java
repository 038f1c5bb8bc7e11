package org.dnschase.resolver.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.time.Duration;
import org.dnschase.resolver.host.HostsFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The hosts file named by dnschase.hostsFile answers first, and its changes are seen. */
class HostsFileTest extends JdkLabTest {

  static Path hosts;

  @BeforeAll
  static void writeHostsFile() throws Exception {
    hosts = Files.createTempFile("dnschase-hosts", "");
    Files.writeString(hosts, "127.0.0.9 pinned.app.test\n");
    System.setProperty("dnschase.hostsFile", hosts.toString());
    // The JDK keeps positive answers 30 s itself; this test watches the provider, not that cache.
    Security.setProperty("networkaddress.cache.ttl", "0");
  }

  @AfterAll
  static void removeHostsFile() throws Exception {
    Files.deleteIfExists(hosts);
  }

  @Test
  @DisplayName("A hosts-file entry answers without a query, and a change is seen within the poll interval")
  void hostsEntry_answersWithoutQuery_andChangesAreSeen() throws Exception {
    lab.clearQueries();
    assertThat(InetAddress.getByName("pinned.app.test").getHostAddress()).isEqualTo("127.0.0.9");
    assertThat(lab.queryCount()).isZero();

    Files.writeString(hosts, "127.0.0.10 pinned.app.test\n");
    long changed = System.nanoTime();
    String seen = InetAddress.getByName("pinned.app.test").getHostAddress();
    while (seen.equals("127.0.0.9") && System.nanoTime() - changed < Duration.ofSeconds(20).toNanos()) {
      Thread.sleep(100);
      seen = InetAddress.getByName("pinned.app.test").getHostAddress();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - changed);

    assertThat(seen).isEqualTo("127.0.0.10");
    // The interval plus the time of one sleep and one look-up, with room for a loaded machine.
    assertThat(took).isLessThan(HostsFile.DEFAULT_POLL_INTERVAL.plusSeconds(2));
    assertThat(lab.queryCount()).isZero();
  }
}
