package org.dnschase.resolver.internal.assembly;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.dnschase.resolver.internal.dnssec.TrustAnchors;
import org.xbill.DNS.Name;

/**
 * DNSSEC validation: on or off, the trust anchors, the negative trust anchors. Validation is on by
 * default exactly when the walk starts at the IANA root (no root hints given), whose anchors are
 * built in, or when trust anchors are given; a lab's own root has keys no built-in anchor knows.
 */
public final class ValidationOptions {

  private final Setting<Boolean> enabled = new Setting<>("validation");
  private final Setting<TrustAnchors> anchors = new Setting<>("trustAnchors");
  private final Setting<List<Name>> negative = new Setting<>("negativeTrustAnchors");

  ValidationOptions() {}

  public void validation(boolean on) {
    enabled.set(on);
    requireConsistent();
  }

  public void trustAnchors(String text) {
    anchors.requireUnset();
    anchors.set(TrustAnchors.parse(Objects.requireNonNull(text, "text")));
    requireConsistent();
  }

  public void trustAnchorFile(Path file) {
    anchors.requireUnset();
    anchors.set(TrustAnchors.read(Objects.requireNonNull(file, "file")));
    requireConsistent();
  }

  public void negativeTrustAnchors(Collection<Name> zones) {
    negative.requireUnset();
    for (Name zone : Objects.requireNonNull(zones, "zones")) {
      if (!Objects.requireNonNull(zone, "a negative trust anchor").isAbsolute()) {
        throw new IllegalArgumentException("a negative trust anchor is an absolute name: " + zone);
      }
    }
    negative.set(List.copyOf(zones));
    requireConsistent();
  }

  private void requireConsistent() {
    if (Boolean.FALSE.equals(enabled.value()) && (anchors.isSet() || negative.isSet())) {
      throw new IllegalStateException("validation(false) conflicts with the trust anchors given: "
          + (anchors.isSet() ? anchors.value() : "negative " + negative.value()));
    }
  }

  /**
   * The trust anchors to validate from, null when the resolver does not validate.
   *
   * @param customRootHints whether the walk starts from root hints other than IANA's
   */
  TrustAnchors anchorsOrNull(boolean customRootHints) {
    boolean on = enabled.isSet() ? enabled.value() : !customRootHints || anchors.isSet();
    if (!on) {
      return null;
    }
    TrustAnchors chosen = anchors.isSet() ? anchors.value() : TrustAnchors.ianaRoot();
    return negative.isSet() ? chosen.withNegative(negative.value()) : chosen;
  }
}
