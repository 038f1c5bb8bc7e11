package org.dnschase.resolver.internal.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.TrustRank;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Address;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * A referral's delegation takes the cached addresses of its servers before its glue is cached
 * (after the child zone's first query): an address set the glue will replace is left out, as it
 * would be gone had the glue been cached first; one that outranks glue stays (RFC 2181 §5.4.1).
 */
class GlueComingTest {

  private static final Name ZONE = Name.fromConstantString("example.");
  private static final Name NS1 = Name.fromConstantString("ns1.example.");
  private static final Name NS2 = Name.fromConstantString("ns2.example.");

  private final RRsetCache cache = RRsetCache.builder().timeSource(new FakeTicker()).build();

  @Test
  @DisplayName("RFC 2181 §5.4.1: cached glue that coming glue replaces is left out; answers, and types no glue comes for, stay")
  void replacedByComingGlue_leftOut() throws Exception {
    cache.put(set(NS1, Type.A, "192.0.2.1"), TrustRank.GLUE);
    cache.put(set(NS1, Type.AAAA, "2001:db8::1"), TrustRank.GLUE);
    cache.put(set(NS2, Type.A, "192.0.2.2"), TrustRank.AUTHORITATIVE_ANSWER);
    Delegation delegation = new Delegation(ZONE, List.of(NS1, NS2));

    ZoneCuts.addCachedAddresses(cache, delegation, false, (nameServer, type) -> type == Type.A);

    assertThat(delegation.unusedAddresses()).containsExactly(Address.getByAddress("2001:db8::1"),
        Address.getByAddress("192.0.2.2"));
  }

  @Test
  @DisplayName("with no glue coming, every cached address is taken")
  void noGlueComing_allTaken() throws Exception {
    cache.put(set(NS1, Type.A, "192.0.2.1"), TrustRank.GLUE);
    Delegation delegation = new Delegation(ZONE, List.of(NS1, NS2));

    ZoneCuts.addCachedAddresses(cache, delegation, false);

    assertThat(delegation.unusedAddresses()).containsExactly(Address.getByAddress("192.0.2.1"));
  }

  private static RRset set(Name owner, int type, String address) throws Exception {
    return new RRset(Record.fromString(owner, type, DClass.IN, 300, address, Name.root));
  }
}
