package org.dnschase.resolver.internal.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Which trust anchor covers a forward or stub zone: the IANA root's never reaches into split DNS;
 * an anchor the caller configured above one does, down the DS records of its parents.
 */
class ForwardZoneAnchorTest {

  private static final Name FORWARDED = Name.fromConstantString("cluster.local.");
  private static final Name NAME = Name.fromConstantString("svc.cluster.local.");

  private static ChainOfTrust chain(List<org.xbill.DNS.Record> anchors) {
    KeyStore store = new KeyStore(TrustAnchors.of(anchors), Ticker.systemTicker());
    return new ChainOfTrust(store, name -> name.equals(FORWARDED),
        name -> name.subdomain(FORWARDED) ? FORWARDED : null);
  }

  @Test
  @DisplayName("Unbound's domain-insecure for split DNS: under the IANA root's built-in anchor a forward zone is INSECURE")
  void forwardZone_underIanaRootAnchor_isInsecure() {
    ChainOfTrust.Need need = chain(TrustAnchors.ianaRootRecords()).keysFor(NAME);

    assertThat(need).isEqualTo(new ChainOfTrust.Need.Known(new KeyEntry.Untrusted(NAME, Verdict.INSECURE)));
  }

  @Test
  @DisplayName("RFC 4035 §5: a configured anchor above a forward zone covers it; its DS is fetched from the parent")
  void forwardZone_underConfiguredAnchor_isValidatedFromIt() {
    ChainOfTrust.Need need = chain(TrustAnchors.parse(
        "local. IN DS 2854 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D")).keysFor(NAME);

    assertThat(need).isEqualTo(new ChainOfTrust.Need.Fetch(Name.fromConstantString("local."), Type.DNSKEY));
  }
}
