package org.dnschase.resolver.internal.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.TrustRank;
import org.dnschase.resolver.cache.ValidationStatus;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.RRset;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Address;
import org.xbill.DNS.Name;

/**
 * A name server whose only addresses cannot be asked (IPv6 ones on a resolver without IPv6) is
 * treated as if it had none: its address is looked up, and a cached delegation whose in-zone
 * server is left so is worth fetching again from the parent.
 */
class UnusableAddressTest {

  private static final Predicate<InetAddress> IPV4_ONLY = address -> address instanceof Inet4Address;
  private static final Name ZONE = Name.fromConstantString("example.com.");

  @Test
  @DisplayName("A name server with only unusable addresses is looked up like a glueless one")
  void nameServerWithOnlyUnusableAddresses_isLookedUp() throws Exception {
    Name nameServer = Name.fromConstantString("ns.bla.com.");
    Delegation delegation = new Delegation(ZONE, List.of(nameServer));
    delegation.addAddresses(nameServer, List.of(Address.getByAddress("::53")));

    assertThat(delegation.nextNameToLookUp(IPV4_ONLY)).contains(nameServer);
    assertThat(delegation.nextNameToLookUp()).isEmpty();
  }

  @Test
  @DisplayName("A cached delegation whose in-zone server has only unusable addresses left is fetched again from the parent")
  void cachedInZoneServerWithOnlyUnusableAddresses_isWorthFetchingAgain() throws Exception {
    Name nameServer = Name.fromConstantString("ns.example.com.");
    Delegation delegation = Delegation.cached(ZONE, new CacheLookup.Hit(
        new RRset(new NSRecord(ZONE, DClass.IN, 3600, nameServer)), TrustRank.REFERRAL_NS, 3600, ValidationStatus.INDETERMINATE));
    delegation.addAddresses(nameServer, List.of(Address.getByAddress("::53")));

    assertThat(delegation.worthFetchingAgain(IPV4_ONLY)).isTrue();
    assertThat(delegation.worthFetchingAgain(address -> true)).isFalse();
  }
}
