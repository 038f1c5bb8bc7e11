package org.dnschase.resolver.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

/** resolv.conf as the GNU C library reads it (resolv.conf(5)), strict about malformed lines. */
class ResolvConfTest {

  @Test
  @DisplayName("nameserver, search and options ndots are read; comments and other keywords are skipped")
  void usualFile_isRead() {
    ResolvConf conf = ResolvConf.parse("""
        # generated
        ; also a comment
        nameserver 192.0.2.53
        nameserver 2001:db8::53   # trailing comment
        search corp.test example.test.
        options edns0 ndots:2 timeout:1
        sortlist 130.155.160.0/255.255.240.0
        """, "resolv.conf");

    assertThat(conf.nameServers()).extracting(InetAddress::getHostAddress)
        .containsExactly("192.0.2.53", "2001:db8:0:0:0:0:0:53");
    assertThat(conf.search()).containsExactly(Name.fromConstantString("corp.test."),
        Name.fromConstantString("example.test."));
    assertThat(conf.ndots()).isEqualTo(2);
  }

  @Test
  @DisplayName("The last of domain and search wins; ndots is capped at 15; only the first three servers count")
  void glibcRules_apply() {
    ResolvConf conf = ResolvConf.parse("""
        search a.test b.test
        domain c.test
        options ndots:40
        nameserver 192.0.2.1
        nameserver 192.0.2.2
        nameserver 192.0.2.3
        nameserver 192.0.2.4
        """, "resolv.conf");

    assertThat(conf.search()).containsExactly(Name.fromConstantString("c.test."));
    assertThat(conf.ndots()).isEqualTo(15);
    assertThat(conf.nameServers()).hasSize(3);
  }

  @Test
  @DisplayName("An empty file has no servers, no search list and ndots 1")
  void emptyFile_hasTheDefaults() {
    ResolvConf conf = ResolvConf.parse("", "resolv.conf");

    assertThat(conf.nameServers()).isEmpty();
    assertThat(conf.search()).isEmpty();
    assertThat(conf.ndots()).isEqualTo(1);
  }

  @Test
  @DisplayName("A domain whose last dot is escaped is one label more, still absolute (found by fuzzing)")
  void escapedTrailingDot_isPartOfTheLabel() {
    ResolvConf conf = ResolvConf.parse("search corp\\.\n", "resolv.conf");

    assertThat(conf.search()).singleElement().satisfies(domain -> {
      assertThat(domain.isAbsolute()).isTrue();
      assertThat(domain.labels()).isEqualTo(2);
    });
  }

  @Test
  @DisplayName("A malformed line is an error naming the source and the line")
  void malformedLines_nameSourceAndLine() {
    assertThatThrownBy(() -> ResolvConf.parse("\nnameserver ns.example\n", "/etc/resolv.conf"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("/etc/resolv.conf:2: not an IP address: 'ns.example'");
    assertThatThrownBy(() -> ResolvConf.parse("options ndots:x\n", "f"))
        .hasMessage("f:1: ndots must be a number, was 'x'");
    assertThatThrownBy(() -> ResolvConf.parse("search\n", "f")).hasMessage("f:1: search names no domain");
    assertThatThrownBy(() -> ResolvConf.parse("search a..b\n", "f")).hasMessage("f:1: not a domain name: 'a..b'");
    assertThatThrownBy(() -> ResolvConf.parse("nameserver\n", "f"))
        .hasMessage("f:1: nameserver takes one address, got 0 words");
  }

  @Test
  @DisplayName("A file that cannot be read is an error naming it")
  void unreadableFile_isNamed(@TempDir Path dir) {
    Path missing = dir.resolve("resolv.conf");

    assertThatThrownBy(() -> ResolvConf.read(missing)).isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot read " + missing + ": no such file");
  }
}
