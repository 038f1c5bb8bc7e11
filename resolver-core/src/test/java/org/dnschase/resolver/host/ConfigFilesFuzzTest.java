package org.dnschase.resolver.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.dnschase.resolver.Resolver;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hosts files and resolv.conf files of any content either parse or are refused with an
 * {@link IllegalArgumentException} naming the source and the line; nothing else escapes.
 */
class ConfigFilesFuzzTest {

  @TempDir static Path dir;

  @FuzzTest
  void anyResolvConfParsesOrNamesItsLine(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    ResolvConf conf;
    try {
      conf = ResolvConf.parse(text, "fuzzed");
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).matches("(?s)fuzzed:[1-9][0-9]*: .+");
      return;
    }
    assertThat(conf.nameServers()).hasSizeLessThanOrEqualTo(3);
    assertThat(conf.search()).allMatch(name -> name.isAbsolute());
    assertThat(conf.ndots()).isBetween(0, SearchList.MAX_NDOTS);
    assertThat(conf.searchList().domains()).isEqualTo(conf.search());
  }

  @FuzzTest
  void anyHostsFileLoadsOrNamesItsLine(byte[] input) throws Exception {
    Path hosts = Files.write(dir.resolve("hosts"), input);
    // Built, not resolved: loopback only and no root to ask, so nothing can leave the machine.
    try (Resolver resolver = Resolver.builder().loopbackOnly()
        .rootHints(org.dnschase.resolver.RootHints.parse(". 3600 NS a.root.lab.\na.root.lab. 3600 A 127.0.0.1\n"))
        .hostsFile(HostsFile.at(hosts).withPollInterval(Duration.ofHours(1))).build()) {
      String first = firstName(new String(input, StandardCharsets.UTF_8));
      if (first != null) {
        assertThat(resolver.resolveAddresses(first + ".", AddressOrder.IPV4_FIRST).source())
            .isEqualTo(HostAddresses.Source.HOSTS_FILE);
      }
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).startsWith(hosts + ":").matches("(?s).*:[1-9][0-9]*: .+");
    }
  }

  /** The first name of the first entry line, when the file is plain enough to tell. */
  private static String firstName(String text) {
    for (String line : text.split("\r?\n")) {
      String content = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
      String[] words = content.strip().split("[ \t]+");
      if (words.length >= 2 && !words[0].isEmpty()) {
        return words[1].endsWith(".") || words[1].contains("\\") ? null : words[1];
      }
    }
    return null;
  }
}
