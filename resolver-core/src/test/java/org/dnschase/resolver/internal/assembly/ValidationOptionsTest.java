package org.dnschase.resolver.internal.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.dnssec.Validation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/** Validation is on by default exactly when the walk starts at the IANA root, whose keys are built in. */
class ValidationOptionsTest {

  private static final String ANCHOR = ". IN DS 20326 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D";

  private static RootHints labHints() {
    return RootHints.of(Map.of(Name.fromConstantString("a.root.lab."),
        List.of(InetAddress.getLoopbackAddress())));
  }

  @Test
  @DisplayName("without root hints (the IANA root) validation is on, from the built-in root KSKs")
  void ianaRoot_validatesFromTheBuiltInKeys() {
    ResolverAssembly options = new ResolverAssembly();

    assertThat(options.config().trustAnchors()).hasToString("TrustAnchors[.]");
  }

  @Test
  @DisplayName("with a lab's root hints and no trust anchors, validation is off")
  void labRoot_doesNotValidate() {
    ResolverAssembly options = new ResolverAssembly();
    options.iteration().rootHints(labHints());

    assertThat(options.config().trustAnchors()).isNull();
  }

  @Test
  @DisplayName("trust anchors turn it on whatever the root hints; Validation.off() turns it off")
  void anchorsOrSwitch_decide() {
    ResolverAssembly anchored = new ResolverAssembly();
    anchored.iteration().rootHints(labHints());
    anchored.validation().validation(Validation.trustAnchors(ANCHOR));
    ResolverAssembly off = new ResolverAssembly();
    off.validation().validation(Validation.off());

    assertThat(anchored.config().trustAnchors()).isNotNull();
    assertThat(off.config().trustAnchors()).isNull();
  }
}
