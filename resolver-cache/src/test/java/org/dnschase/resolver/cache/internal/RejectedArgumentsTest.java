package org.dnschase.resolver.cache.internal;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.dnschase.resolver.cache.TrustRank.AUTHORITATIVE_ANSWER;
import static org.dnschase.resolver.cache.internal.Records.a;
import static org.dnschase.resolver.cache.internal.Records.name;
import static org.dnschase.resolver.cache.internal.Records.rrset;
import static org.dnschase.resolver.cache.internal.Records.soa;

import org.dnschase.resolver.cache.RRsetCache;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

@DisplayName("Caller mistakes are exceptions (RFC 6891 §6.1.1, RFC 1035 §3.2.3)")
class RejectedArgumentsTest {

  private final RRsetCache cache =
      RRsetCache.builder().timeSource(new FakeTicker()).executor(Runnable::run).build();

  @Test
  @DisplayName("An RRset without records is rejected")
  void emptyRRset_isRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> cache.put(new RRset(), AUTHORITATIVE_ANSWER))
        .withMessageContaining("without records");
  }

  @Test
  @DisplayName("RFC 6891 §6.1.1: OPT is a pseudo-RR and is never cached")
  void metaType_isRejected() {
    RRset opt = rrset(new OPTRecord(1232, 0, 0));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> cache.put(opt, AUTHORITATIVE_ANSWER))
        .withMessageContaining("OPT");
  }

  @Test
  @DisplayName("RFC 1035 §3.2.3: a NODATA for the query type ANY is rejected")
  void noDataForAny_isRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> cache.putNoData(name("www.example."), Type.ANY, DClass.IN,
            soa("example.", 300, 300), AUTHORITATIVE_ANSWER))
        .withMessageContaining("ANY");
  }

  @Test
  @DisplayName("A relative name is rejected")
  void relativeName_isRejected() {
    Name relative = Name.fromConstantString("www");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> cache.lookup(relative, Type.A, DClass.IN));
  }

  @Test
  @DisplayName("A type or class outside 0..65535 is rejected")
  void typeOrClassOutOfRange_isRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> cache.lookup(name("www.example."), 70_000, DClass.IN));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> cache.lookup(name("www.example."), Type.A, -1));
  }

  @Test
  @DisplayName("Nulls are rejected, naming the argument")
  void nulls_areRejected() {
    assertThatNullPointerException()
        .isThrownBy(() -> cache.lookup(null, Type.A, DClass.IN))
        .withMessage("name");
    assertThatNullPointerException()
        .isThrownBy(() -> cache.put(rrset(a("www.example.", 300, "192.0.2.1")), null))
        .withMessage("rank");
    assertThatNullPointerException()
        .isThrownBy(() -> cache.putNxDomain(name("gone.example."), DClass.IN, null,
            AUTHORITATIVE_ANSWER))
        .withMessage("soa");
  }
}
