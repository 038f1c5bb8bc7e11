package org.dnschase.resolver.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad names get an UnknownHostException that says what is wrong; so do names that do not resolve,
 * with the reason; a broken configuration names the property, the file and the line. Nothing hangs.
 */
class BadInputTest extends JdkLabTest {

  /* ---- names ---- */

  @Test
  @DisplayName("A malformed name is an UnknownHostException naming the fault, without a query")
  void malformedName_isUnknownHost() {
    lab.clearQueries();

    assertThatThrownBy(() -> InetAddress.getByName("a..b.test")).isInstanceOf(UnknownHostException.class)
        .hasMessageContaining("a..b.test: malformed name");
    assertThat(lab.queryCount()).isZero();
  }

  @Test
  @DisplayName("RFC 5890 §2.3.2.1: an internationalised name given by its U-labels is an UnknownHostException saying "
      + "to use its A-labels, without a query for other octets")
  void unicodeName_isUnknownHost() {
    lab.clearQueries();

    assertThatThrownBy(() -> InetAddress.getByName("b\u00fccher.app.test")).isInstanceOf(UnknownHostException.class)
        .hasMessageContaining("malformed name").hasMessageContaining("A-labels");
    assertThat(lab.queryCount()).isZero();
  }

  @Test
  @DisplayName("A name over 255 octets is an UnknownHostException, without a query")
  void tooLongName_isUnknownHost() {
    String tooLong = String.join(".", java.util.Collections.nCopies(5, "x".repeat(60))) + ".test";

    assertThatThrownBy(() -> InetAddress.getByName(tooLong)).isInstanceOf(UnknownHostException.class)
        .hasMessageContaining("malformed name");
  }

  @Test
  @DisplayName("An empty name is the loopback address, as the JDK answers it before any resolver")
  void emptyName_isLoopback() throws Exception {
    assertThat(InetAddress.getByName("").isLoopbackAddress()).isTrue();
  }

  @Test
  @DisplayName("A name that does not exist says NXDOMAIN; a name without addresses says NODATA")
  void negativeAnswers_sayWhich() {
    assertThatThrownBy(() -> InetAddress.getByName("nothere.app.test")).isInstanceOf(UnknownHostException.class)
        .hasMessage("nothere.app.test: no such name (nothere.app.test.: A NXDOMAIN; AAAA NXDOMAIN)");
    assertThatThrownBy(() -> InetAddress.getByName("app.test")).isInstanceOf(UnknownHostException.class)
        .hasMessage("app.test: no address (app.test.: A NODATA; AAAA NODATA)");
  }

  /* ---- configuration, each in a JVM of its own ---- */

  @Test
  @DisplayName("A broken hosts file makes look-ups fail naming the file and the line")
  void brokenHostsFile_namesFileAndLine(@TempDir Path dir) throws Exception {
    Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 ok.test\n999.1.1.1 bad.test\n");

    List<String> lines = Probe.run(lab, List.of("-Ddnschase.hostsFile=" + hosts), "all", "www.app.test");

    assertThat(lines).containsExactly("UnknownHostException: dnschase is not configured right: "
        + hosts + ":2: not an IP address: '999.1.1.1'");
  }

  @Test
  @DisplayName("A trust anchor file that holds no DS or DNSKEY makes look-ups fail naming the property and the file")
  void badTrustAnchors_nameThePropertyAndFile(@TempDir Path dir) throws Exception {
    Path anchors = Files.writeString(dir.resolve("root.key"), ". IN A 192.0.2.1\n");

    List<String> lines = Probe.run(lab, List.of("-Ddnschase.trustAnchors=" + anchors), "all", "www.app.test");

    assertThat(lines).singleElement().asString().startsWith("UnknownHostException: dnschase is not configured right: "
        + "dnschase.trustAnchors: " + anchors + ": ").contains("a DS or DNSKEY record");
  }

  @Test
  @DisplayName("An unreadable resolv.conf makes look-ups fail naming the property and the file")
  void missingResolvConf_namesPropertyAndFile(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("resolv.conf");

    List<String> lines = Probe.run(lab, List.of("-Ddnschase.resolvConf=" + missing), "all", "www.app.test");

    assertThat(lines).containsExactly("UnknownHostException: dnschase is not configured right: "
        + "dnschase.resolvConf: cannot read " + missing + ": no such file");
  }

  @Test
  @DisplayName("A broken resolv.conf names the file and the line; a bad port names the property")
  void brokenResolvConfAndPort_sayWhere(@TempDir Path dir) throws Exception {
    Path conf = Files.writeString(dir.resolve("resolv.conf"), "# ok\noptions ndots:many\n");

    assertThat(Probe.run(lab, List.of("-Ddnschase.resolvConf=" + conf), "all", "www.app.test"))
        .containsExactly("UnknownHostException: dnschase is not configured right: dnschase.resolvConf: "
            + conf + ":2: ndots must be a number, was 'many'");
    assertThat(Probe.run(lab, List.of("-Ddnschase.upstreamPort=99999"), "all", "www.app.test"))
        .containsExactly("UnknownHostException: dnschase is not configured right: "
            + "dnschase.upstreamPort must be a port, 1..65535, was '99999'");
  }
}
