package org.dnschase.resolver.internal.assembly;

import java.util.Objects;
import org.dnschase.resolver.dnssec.Validation;
import org.dnschase.resolver.internal.dnssec.Algorithms;
import org.dnschase.resolver.internal.dnssec.TrustAnchors;

/**
 * DNSSEC validation as given to the builder. Without a {@link Validation}, it is on exactly when
 * the walk starts at the IANA root (no root hints given), whose anchors are built in; a lab's own
 * root has keys no built-in anchor knows.
 */
public final class ValidationOptions {

  private final Setting<Validation> validation = new Setting<>("validation");

  ValidationOptions() {}

  public void validation(Validation given) {
    validation.set(Objects.requireNonNull(given, "validation"));
  }

  /**
   * The trust anchors to validate from, null when the resolver does not validate.
   *
   * @param customRootHints whether the walk starts from root hints other than IANA's
   */
  TrustAnchors anchorsOrNull(boolean customRootHints) {
    Validation chosen = validation.isSet() ? validation.value()
        : customRootHints ? Validation.off() : Validation.ianaRoot();
    return chosen.enabled()
        ? TrustAnchors.of(chosen.anchorRecords()).withNegative(chosen.negativeTrustAnchors()) : null;
  }

  /** Whether validated NSEC and NSEC3 ranges answer other names (RFC 8198): unless turned off. */
  boolean aggressiveNsecOrDefault() {
    return !validation.isSet() || validation.value().aggressiveNsec();
  }

  /** Whether a zone's keys are fetched as soon as a referral shows its DS: when asked for. */
  boolean keyPrefetchOrDefault() {
    return validation.isSet() && validation.value().keyPrefetch();
  }

  /** The algorithms validated: RFC 8624's, and the legacy ones the validation given asks for. */
  Algorithms algorithmsOrDefault() {
    return validation.isSet() && validation.value().legacyAlgorithms().contains(Validation.LegacyAlgorithm.DSA)
        ? Algorithms.WITH_DSA : Algorithms.RFC_8624;
  }
}
