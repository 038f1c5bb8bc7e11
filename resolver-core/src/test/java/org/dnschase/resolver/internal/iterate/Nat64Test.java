package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dnschase.resolver.internal.iterate.ScriptedTree.addresses;

import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.internal.reply.Reply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Type;

/**
 * IPv4-only servers reached from an IPv6-only network through the NAT64 prefix (RFC 6052, RFC
 * 6146): the scripted tree's IPv4 servers are asked at their embedded addresses.
 */
class Nat64Test {

  /** 127.0.0.1, 127.0.0.2 and 127.0.0.11 in the Well-Known Prefix, as Java writes them. */
  private static final String ROOT = "64:ff9b:0:0:0:0:7f00:1";
  private static final String TLD = "64:ff9b:0:0:0:0:7f00:2";
  private static final String NS1 = "64:ff9b:0:0:0:0:7f00:b";

  @RegisterExtension
  final ScriptedTree tree = new ScriptedTree();
  private final ScriptedTransport transport = tree.transport();

  @Test
  @DisplayName("RFC 6052 §2.2: every IPv4 server, root hint and glue alike, is asked at its address in the prefix")
  void ipv4Servers_askedThroughPrefix() {
    transport.expect(ROOT, ".", Type.NS).respond(Reply.noError().authoritative()
        .answer(". 86400 NS a.root.lab.").additional("a.root.lab. 86400 A 127.0.0.1"));
    transport.expect(ROOT, "www.example.test.", Type.A).respond(Reply.noError()
        .authority("test. 86400 NS ns.test.").additional("ns.test. 86400 A 127.0.0.2"));
    transport.expect(TLD, "www.example.test.", Type.A).respond(Reply.noError()
        .authority("example.test. 86400 NS ns1.example.test.").additional("ns1.example.test. 86400 A 127.0.0.11"));
    tree.answers(NS1, "www.example.test.", "192.0.2.1");

    Resolution result = tree.resolver(builder -> builder.upstreamFilter(address -> true, "any address")
        .nat64(Defaults.NAT64_PREFIX)).resolve("www.example.test.", Type.A);

    assertThat(addresses(result)).containsExactly("192.0.2.1");
  }

  @Test
  @DisplayName("the upstream filter judges the address a server is reached at")
  void upstreamFilter_judgesReachedAddress() {
    Resolution result = tree.resolver(builder -> builder.loopbackOnly().nat64(Defaults.NAT64_PREFIX))
        .resolve("www.example.test.", Type.A);

    assertThat(result).isInstanceOf(Resolution.Failure.class);
    assertThat(transport.exchanges()).isEmpty();
  }

  @Test
  @DisplayName("NAT64 needs IPv6: the builder refuses it beside ipv6(false)")
  void withoutIpv6_refused() {
    assertThatThrownBy(() -> Resolver.builder().ipv6(false).nat64(Defaults.NAT64_PREFIX))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ipv6(false)");
    assertThatThrownBy(() -> Resolver.builder().nat64(Defaults.NAT64_PREFIX).ipv6(false))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("nat64");
  }
}
