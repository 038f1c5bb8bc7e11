package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.HTTPSRecord;
import org.xbill.DNS.Type;

/** RFC 9460 §2.4.2: HTTPS/SVCB AliasMode records are chased like aliases, under the same rules. */
class ServiceAliasTest extends ChainLabTest {

  @Test
  @DisplayName("RFC 9460 §2.4.2: an HTTPS AliasMode chain of 2 aliases reaches its ServiceMode record")
  void aliasModeChain_reachesServiceMode() {
    Resolution result = resolver.resolve("svc.alpha.lab.", Type.HTTPS);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(result.chain()).extracting(hop -> hop.kind() + " " + hop.owner() + " -> " + hop.target())
        .containsExactly("SERVICE_ALIAS svc.alpha.lab. -> svc.beta.lab.",
            "SERVICE_ALIAS svc.beta.lab. -> svc2.alpha.lab.");
    HTTPSRecord service = (HTTPSRecord) ((Resolution.Answer) result).records().get(0);
    assertThat(service.getSvcPriority()).isEqualTo(1);
    assertThat(result.chainRecords()).allSatisfy(r -> assertThat(r).isInstanceOf(HTTPSRecord.class));
  }

  @Test
  @DisplayName("RFC 9460 §2.4.2 with RFC 1034 §3.6.2's rule: an AliasMode loop is a LOOP failure")
  void aliasModeLoop_isLoop() {
    Resolution result = resolver.resolve("sloop.alpha.lab.", Type.HTTPS);

    assertThat(((Resolution.Failure) result).reason()).isEqualTo(FailureReason.LOOP);
    assertThat(result.chain()).hasSize(2);
  }

  @Test
  @DisplayName("A cached AliasMode chain is followed again without any query")
  void cachedAliasModeChain_needsNoQuery() {
    resolver.resolve("svc.alpha.lab.", Type.HTTPS);
    lab.clearQueries();

    Resolution again = resolver.resolve("svc.alpha.lab.", Type.HTTPS);

    assertThat(again.chain()).hasSize(2).allSatisfy(hop -> assertThat(hop.fromCache()).isTrue());
    assertThat(lab.queryCount()).isZero();
  }
}
