package org.dnschase.resolver.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.cache.TimeSource;
import org.dnschase.resolver.dnssec.Validation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;

/** A hosts file consulted before the network, and re-read when it changes. */
class HostsFileTest extends HostLabTest {

  @TempDir Path dir;
  /** The resolvers' time: it moves only when a test moves it. */
  final AtomicLong nanos = new AtomicLong();

  private Resolver resolverWith(Path hosts) {
    return HostLab.resolverFor(lab).timeSource(TimeSource.ofNanos(Instant.EPOCH, nanos::get))
        .hostsFile(HostsFile.at(hosts).withPollInterval(Duration.ofSeconds(2))).build();
  }

  @Test
  @DisplayName("A name in the hosts file is answered from it, both families, with no query")
  void listedName_isAnsweredWithoutQuery() throws IOException {
    Path hosts = Files.writeString(dir.resolve("hosts"), """
        # a comment line
        192.0.2.99   www.app.test  www   # the name shadows the DNS one
        2001:db8::99 www.app.test
        """);
    try (Resolver resolver = resolverWith(hosts)) {
      HostAddresses found = resolver.resolveAddresses("WWW.app.test", AddressOrder.IPV6_FIRST);

      assertThat(found.source()).isEqualTo(HostAddresses.Source.HOSTS_FILE);
      assertThat(found.addresses()).extracting(InetAddress::getHostAddress)
          .containsExactly("2001:db8:0:0:0:0:0:99", "192.0.2.99");
      assertThat(found.ttl()).isZero();
      assertThat(resolver.resolveAddresses("www", AddressOrder.IPV4_ONLY).addresses())
          .extracting(InetAddress::getHostAddress).containsExactly("192.0.2.99");
      assertThat(lab.queryCount()).isZero();
    }
  }

  @Test
  @DisplayName("An address in the hosts file is named by the first name of its line, with no query")
  void listedAddress_isNamedWithoutQuery() throws IOException {
    Path hosts = Files.writeString(dir.resolve("hosts"), "192.0.2.60 local.example alias\n");
    try (Resolver resolver = resolverWith(hosts)) {
      Resolution found = resolver.resolveReverse(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 60}));

      assertThat(((Resolution.Answer) found).records()).extracting(r -> ((PTRRecord) r).getTarget())
          .containsExactly(Name.fromConstantString("local.example."));
      assertThat(lab.queryCount()).isZero();
    }
  }

  @Test
  @DisplayName("A change to the file is seen once its poll interval has passed, not before")
  void change_isSeenWithinThePollInterval() throws IOException {
    Path hosts = Files.writeString(dir.resolve("hosts"), "192.0.2.1 moving.test\n");
    try (Resolver resolver = resolverWith(hosts)) {
      assertThat(addressOf(resolver, "moving.test")).isEqualTo("192.0.2.1");

      Files.writeString(hosts, "192.0.2.222 moving.test\n");
      nanos.addAndGet(Duration.ofSeconds(1).toNanos());
      assertThat(addressOf(resolver, "moving.test")).as("within the interval").isEqualTo("192.0.2.1");
      nanos.addAndGet(Duration.ofSeconds(1).toNanos());
      assertThat(addressOf(resolver, "moving.test")).as("once it has passed").isEqualTo("192.0.2.222");
    }
  }

  @Test
  @DisplayName("A re-read that finds the file broken keeps the entries read before")
  void brokenRewrite_keepsTheLastGoodEntries() throws IOException {
    Path hosts = Files.writeString(dir.resolve("hosts"), "192.0.2.1 steady.test\n");
    try (Resolver resolver = resolverWith(hosts)) {
      Files.writeString(hosts, "192.0.2.1 steady.test\nnot-an-address steady.test\n");
      nanos.addAndGet(Duration.ofSeconds(3).toNanos());

      assertThat(addressOf(resolver, "steady.test")).isEqualTo("192.0.2.1");
    }
  }

  @Test
  @DisplayName("With validation on, what the hosts file answers is INSECURE (local data no chain of trust covers)")
  void listedName_isInsecureWhenValidating() throws IOException {
    Path hosts = Files.writeString(dir.resolve("hosts"), "192.0.2.99 www.app.test\n");
    String anchor = ". IN DS 20326 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D";
    try (Resolver validating = HostLab.resolverFor(lab).validation(Validation.trustAnchors(anchor)).hostsFile(HostsFile.at(hosts)).build();
        Resolver plain = resolverWith(hosts)) {
      HostAddresses found = validating.resolveAddresses("www.app.test", AddressOrder.IPV4_FIRST);

      assertThat(found.ipv4().security()).isEqualTo(Security.INSECURE);
      assertThat(found.ipv6().security()).isEqualTo(Security.INSECURE);
      assertThat(plain.resolveAddresses("www.app.test", AddressOrder.IPV4_FIRST).ipv4().security())
          .isEqualTo(Security.INDETERMINATE);
      assertThat(lab.queryCount()).isZero();
    }
  }

  @Test
  @DisplayName("A name not in the file goes to the network")
  void unlistedName_isResolved() throws IOException {
    Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
    try (Resolver resolver = HostLab.resolverFor(lab).hostsFile(HostsFile.at(hosts)).build()) {
      assertThat(addressOf(resolver, "web.cdn.test")).isEqualTo("192.0.2.60");
    }
  }

  /* ---- broken files ---- */

  @Test
  @DisplayName("A malformed line fails build() with the file and the line number")
  void malformedLine_failsTheBuildNamingFileAndLine() throws IOException {
    Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n\n300.1.2.3 bad.test\n");

    assertThatThrownBy(() -> HostLab.resolverFor(lab).hostsFile(HostsFile.at(hosts)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(hosts + ":3: not an IP address: '300.1.2.3'");
  }

  @Test
  @DisplayName("An address without a name, or a bad name, fails build() naming the line")
  void missingOrBadName_failsTheBuild() throws IOException {
    Path bare = Files.writeString(dir.resolve("bare"), "192.0.2.1\n");
    Path badName = Files.writeString(dir.resolve("badname"), "192.0.2.1 a..b\n");

    assertThatThrownBy(() -> HostLab.resolverFor(lab).hostsFile(HostsFile.at(bare)).build())
        .hasMessage(bare + ":1: address 192.0.2.1 has no name");
    assertThatThrownBy(() -> HostLab.resolverFor(lab).hostsFile(HostsFile.at(badName)).build())
        .hasMessage(badName + ":1: not a host name: 'a..b'");
  }

  @Test
  @DisplayName("A missing file fails build() naming it")
  void missingFile_failsTheBuildNamingIt() {
    Path missing = dir.resolve("absent");

    assertThatThrownBy(() -> HostLab.resolverFor(lab).hostsFile(HostsFile.at(missing)).build())
        .isInstanceOf(UncheckedIOException.class).hasMessage("cannot read " + missing + ": no such file");
  }

  private static String addressOf(Resolver resolver, String name) {
    return resolver.resolveAddresses(name, AddressOrder.IPV4_ONLY).addresses().get(0).getHostAddress();
  }
}
