package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dnschase.resolver.reply.ReplyPolicy;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Type;

/**
 * {@link ReplyPolicy#withPrivateAddresses}: records of public names that point into the private
 * netblocks are dropped from replies (DNS rebinding); names of the allowed domains keep them.
 */
class PrivateAddressTest {

  static final ZoneTree TREE = LabZones.rootAndTest()
      .zone("pub.test.", "ns", "127.53.60.1", """
          inside  A 10.1.2.3
          mixed   A 10.1.2.4
          mixed   A 192.0.2.5
          svc     HTTPS 1 . ipv4hint=10.1.2.5
          """)
      .zone("corp.test.", "ns", "127.53.61.1", "db A 10.9.9.9")
      .build();

  @Lab static TestHierarchy lab;
  static Resolver resolver;

  @BeforeAll
  static void start() {
    resolver = ChainLab.resolverFor(lab)
        .replyPolicy(ReplyPolicy.defaults().withPrivateAddresses(List.of("10.0.0.0/8", "fd00::/8"), List.of("corp.test."))).build();
  }

  @AfterAll
  static void stop() {
    resolver.close();
  }

  @Test
  @DisplayName("A public name whose only address is private resolves to NODATA")
  void privateAddressOfAPublicName_isDropped() {
    assertThat(resolver.resolve("inside.pub.test.", Type.A)).isInstanceOf(Resolution.NoData.class);
  }

  @Test
  @DisplayName("Only the private records of an RRset are dropped; the public ones stay")
  void publicAddressesOfTheSameRRset_stay() {
    Resolution result = resolver.resolve("mixed.pub.test.", Type.A);

    assertThat(result).isInstanceOfSatisfying(Resolution.Answer.class, answer -> assertThat(answer.records())
        .extracting(record -> ((ARecord) record).getAddress().getHostAddress()).containsExactly("192.0.2.5"));
  }

  @Test
  @DisplayName("An HTTPS record whose address hint is private is dropped too")
  void privateAddressHint_isDropped() {
    assertThat(resolver.resolve("svc.pub.test.", Type.HTTPS)).isInstanceOf(Resolution.NoData.class);
  }

  @Test
  @DisplayName("Names of an allowed domain keep their private addresses")
  void allowedDomain_keepsPrivateAddresses() {
    assertThat(resolver.resolve("db.corp.test.", Type.A)).isInstanceOf(Resolution.Answer.class);
  }

  @Test
  @DisplayName("A netblock that does not parse is refused with its text")
  void badNetblock_isRefused() {
    assertThatThrownBy(() -> ReplyPolicy.defaults().withPrivateAddresses(List.of("10.0.0.0/33"), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.0.0.0/33");
  }
}
