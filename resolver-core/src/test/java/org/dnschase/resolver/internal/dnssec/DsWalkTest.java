package org.dnschase.resolver.internal.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.dnschase.resolver.BogusReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * RFC 4035 §5.2: the DS records between the closest known keys and an unsigned RRset are walked
 * one label at a time, past the names proven to be no zone cut, as Unbound's validator does.
 */
class DsWalkTest {

  private static final Name ORG = Name.fromConstantString("org.");
  private static final Name MIDDLE = Name.fromConstantString("root-servers.org.");
  private static final Name OWNER = Name.fromConstantString("k.root-servers.org.");

  private static ChainOfTrust chainWithKeysOfOrg() {
    KeyStore store = new KeyStore(TrustAnchors.of(
        TrustAnchors.parse("org. IN DS 21366 7 1 E6C1716CFB6BDC84E84CE1AB5510DAC69173B5B2")), Ticker.systemTicker());
    store.store(new KeyEntry.Keys(ORG, List.of()), Duration.ofHours(1));
    return new ChainOfTrust(store, name -> false, name -> null);
  }

  @Test
  @DisplayName("RFC 4035 §5.2: the walk asks the DS one label below the known keys first, not at the RRset's owner")
  void unsignedRRset_asksDsOneLabelBelowKnownKeys() {
    assertThat(chainWithKeysOfOrg().keysOver(OWNER, name -> false))
        .isEqualTo(new ChainOfTrust.Need.Fetch(MIDDLE, Type.DS));
  }

  @Test
  @DisplayName("RFC 4035 §5.2: a name proven no zone cut is passed; at the owner itself the keys above judge it")
  void namesProvenNoCut_arePassed() {
    ChainOfTrust chain = chainWithKeysOfOrg();

    assertThat(chain.keysOver(OWNER, Set.of(MIDDLE)::contains)).isEqualTo(new ChainOfTrust.Need.Fetch(OWNER, Type.DS));
    assertThat(chain.keysOver(OWNER, Set.of(MIDDLE, OWNER)::contains))
        .isEqualTo(new ChainOfTrust.Need.Known(new KeyEntry.Keys(ORG, List.of())));
  }

  @Test
  @DisplayName("RFC 4035 §5.3.1: a signer proven to be no zone cut has no keys: BOGUS, never INSECURE")
  void signerProvenNoCut_isBogus() {
    ChainOfTrust.Need need = chainWithKeysOfOrg().keysFor(MIDDLE, Set.of(MIDDLE)::contains);

    assertThat(need).isInstanceOfSatisfying(ChainOfTrust.Need.Known.class, known ->
        assertThat(known.entry()).isInstanceOfSatisfying(KeyEntry.Untrusted.class, untrusted ->
            assertThat(untrusted.verdict().reason()).isEqualTo(BogusReason.KEYS_UNAVAILABLE)));
  }
}
