package org.dnschase.resolver.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo (the project's main job) runs to the end and shows what it promises. */
class DemoTest {

  @Test
  void demo_showsChainCacheLoopNxDomainDnameAndSecurity() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String[] sections = bytes.toString(StandardCharsets.UTF_8).split("== ");

    assertThat(sections).hasSize(7);
    assertThat(sections[1]).contains("hop 4 ", "served by 127.53.13.1", "ANSWER web.shop.example. A 192.0.2.80",
        "security=SECURE", "effective ttl=60s").doesNotContain("from cache");
    assertThat(queriesReported(sections[1])).as("the cold chain's count, its priming's query among them")
        .isEqualTo(queriesReceived(sections[1]));
    assertThat(sections[2]).contains("hop 4 ", "from cache", "upstream queries=0",
        "queries the servers received: 0").doesNotContain("served by");
    assertThat(sections[3]).contains("FAILURE LOOP", "loop.shop.example. -CNAME-> loop.cdn.test. -CNAME-> loop.shop.example.");
    assertThat(sections[4]).contains("hop 1 ", "NXDOMAIN: retired.cdn.test. does not exist");
    assertThat(sections[5]).contains("hop 1  shop.legacy.shop.example. -> shop.cdn.test.  DNAME ttl=900s",
        "hop 4 ", "from cache", "ANSWER web.shop.example. A 192.0.2.80");
    assertThat(sections[6]).contains("hop 1  partner.shop.example. -> www.plain.test.",
        "ANSWER www.plain.test. A 192.0.2.90", "security=INSECURE");
  }

  private static int queriesReported(String section) {
    return Integer.parseInt(section.replaceAll("(?s).*upstream queries=(\\d+).*", "$1"));
  }

  private static int queriesReceived(String section) {
    return Integer.parseInt(section.replaceAll("(?s).*queries the servers received: (\\d+).*", "$1"));
  }
}
