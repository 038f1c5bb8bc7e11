package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.dnschase.resolver.cache.TimeSource;
import org.dnschase.resolver.host.Flattening;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** Flattening an alias to addresses at its own name, as ALIAS/ANAME at an apex needs. */
class FlatteningTest extends ChainLabTest {

  @Test
  @DisplayName("Flattening a 3-hop chain (TTL 300, 60, 3600; addresses 600) gives A and AAAA at the alias with TTL 60")
  void threeHopChain_flattensWithMinimumTtl() {
    Name alias = Name.fromConstantString("flat.alpha.lab.");
    Flattening flat;
    // Time stands still, so TTLs read from the cache are the TTLs served, to the second.
    try (Resolver frozen = ChainLab.resolverFor(lab).timeSource(TimeSource.ofNanos(Instant.EPOCH, () -> 0L)).build()) {
      flat = frozen.flatten(alias);
    }

    assertThat(flat.addresses()).extracting(Record::getName).containsOnly(alias);
    assertThat(flat.addresses()).extracting(Record::getType).containsExactly(Type.A, Type.AAAA);
    assertThat(flat.addresses()).extracting(Record::getTTL).containsOnly(60L);
    assertThat(flat.ttl()).isEqualTo(Duration.ofSeconds(60));
    assertThat(flat.inetAddresses()).extracting(a -> a.getHostAddress())
        .containsExactly("192.0.2.40", "2001:db8:0:0:0:0:0:40");
    assertThat(flat.chain()).extracting(hop -> hop.ttl().toSeconds()).containsExactly(300L, 60L, 3600L);
  }

  @Test
  @DisplayName("An alias that leads nowhere flattens to no address, keeping both outcomes")
  void danglingAlias_flattensToNothing() {
    Flattening flat = resolver.flatten(Name.fromConstantString("dangling.alpha.lab."));

    assertThat(flat.addresses()).isEmpty();
    assertThat(flat.ipv4()).isInstanceOf(Resolution.NxDomain.class);
    assertThat(flat.ipv6()).isInstanceOf(Resolution.NxDomain.class);
    assertThat(flat.chain()).hasSize(1);
  }
}
