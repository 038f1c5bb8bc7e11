package org.dnschase.resolver.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.zones.ForwardZone;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * A referral is the network's word on where a zone's servers are; a hostile zone can name this
 * host (its loopback, 0.0.0.0 or ::, where Linux delivers to this host too), a multicast group or
 * the limited broadcast. Unbound's do-not-query-localhost (on by default) refuses 127.0.0.0/8 and
 * ::1; by default nothing here is sent to any of these, so a referral cannot turn the resolver on
 * this host's own services, itself included (a query loop), or on every host of a group or link.
 * The servers the resolver was given, a forwarder on this host above all, are asked wherever they are,
 * and a root on loopback makes a lab whose whole tree is on this host.
 */
class HostLocalReferralTest {

  @ParameterizedTest(name = "glue {0}")
  @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "0.0.0.0", "0.1.2.3", "::", "224.0.0.251", "ff02::fb",
      "255.255.255.255"})
  @DisplayName("do-not-query-localhost, by default: a referral to this host, a multicast group or the broadcast "
      + "address is never followed there, and the failure says the address was not allowed")
  void referralToThisHost_notAsked(String glue) {
    InetAddress local = CannedServers.address(glue);
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "www.evil.example. A", Rcode.NOERROR, false, List.of(),
            List.of("evil.example. 3600 NS ns.evil.example."),
            List.of("ns.evil.example. 3600 " + (glue.contains(":") ? "AAAA " : "A ") + glue))
        .reply(local, "www.evil.example. A", Rcode.NOERROR, true, List.of("www.evil.example. 300 A 192.0.2.66"),
            List.of(), List.of());

    Resolution outcome;
    try (Resolver resolver = servers.resolver()) {
      outcome = resolver.resolve("www.evil.example.", Type.A);
    }

    assertThat(outcome).isInstanceOf(Resolution.Failure.class);
    assertThat(outcome.diagnostics()).extracting(Diagnostic::kind).contains(Diagnostic.Oddity.UPSTREAM_NOT_ALLOWED);
    assertThat(servers.askedOf(local)).isZero();
  }

  @Test
  @DisplayName("a forwarder the resolver was given on this host's loopback is asked (Unbound's forward-addr: "
      + "127.0.0.1, which there needs do-not-query-localhost: no)")
  void forwarderOnThisHost_asked() {
    InetAddress forwarder = CannedServers.address("127.0.0.1");
    CannedServers servers = new CannedServers()
        .reply(forwarder, "www.corp.example. A", Rcode.NOERROR, false, List.of("www.corp.example. 300 A 192.0.2.80"),
            List.of(), List.of());

    Resolution outcome;
    try (Resolver resolver = servers.builder().forwardZone(ForwardZone.of("corp.example.", "127.0.0.1")).build()) {
      outcome = resolver.resolve("www.corp.example.", Type.A);
    }

    assertThat(outcome).isInstanceOf(Resolution.Answer.class);
    assertThat(servers.askedOf(forwarder)).isPositive();
  }

  @Test
  @DisplayName("a root on this host's loopback is a lab: its referrals to loopback are followed, to 0.0.0.0 not")
  void labRootOnLoopback_referralsToLoopbackFollowed() {
    InetAddress labRoot = CannedServers.address("127.0.0.1");
    InetAddress leaf = CannedServers.address("127.0.0.2");
    CannedServers servers = new CannedServers()
        .reply(labRoot, ". NS", Rcode.NOERROR, true, List.of(". 86400 NS a.root."), List.of(),
            List.of("a.root. 86400 A 127.0.0.1"))
        .reply(labRoot, "www.lab.example. A", Rcode.NOERROR, false, List.of(),
            List.of("lab.example. 3600 NS ns.lab.example."), List.of("ns.lab.example. 3600 A 127.0.0.2"))
        .reply(leaf, "www.lab.example. A", Rcode.NOERROR, true, List.of("www.lab.example. 300 A 192.0.2.90"),
            List.of(), List.of())
        .reply(labRoot, "www.this.example. A", Rcode.NOERROR, false, List.of(),
            List.of("this.example. 3600 NS ns.this.example."), List.of("ns.this.example. 3600 A 0.0.0.0"));

    try (Resolver resolver = Resolver.builder().transport(servers).qnameMinimisation(false)
        .rootHints(RootHints.of(Map.of(Name.fromConstantString("a.root."), List.of(labRoot)))).build()) {
      assertThat(resolver.resolve("www.lab.example.", Type.A)).isInstanceOf(Resolution.Answer.class);
      assertThat(resolver.resolve("www.this.example.", Type.A)).isInstanceOf(Resolution.Failure.class);
    }
    assertThat(servers.askedOf(CannedServers.address("0.0.0.0"))).isZero();
  }
}
