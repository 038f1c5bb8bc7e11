package org.dnschase.resolver.internal.assembly;

import java.time.Duration;
import java.util.Objects;

/** How many resolutions may be under way at once, and when a newer question pushes a slow one out. */
public final class LoadOptions {

  private final Setting<Integer> maxResolutionsInFlight = new Setting<>("maxResolutionsInFlight");
  private Duration jostleAfter;

  LoadOptions() {}

  public void maxResolutionsInFlight(int resolutions, Duration jostleTime) {
    maxResolutionsInFlight.requireUnset();
    Objects.requireNonNull(jostleTime, "jostleAfter");
    if (resolutions < 1) {
      throw new IllegalArgumentException("maxResolutionsInFlight must be positive, was " + resolutions);
    }
    if (jostleTime.isNegative() || jostleTime.isZero()) {
      throw new IllegalArgumentException("jostleAfter must be positive, was " + jostleTime);
    }
    maxResolutionsInFlight.set(resolutions);
    jostleAfter = jostleTime;
  }

  /** {@return the bound, 0 when none was set} */
  int maxResolutionsInFlightOrDefault() {
    return maxResolutionsInFlight.orElse(0);
  }

  Duration jostleAfterOrDefault() {
    return jostleAfter == null ? Duration.ZERO : jostleAfter;
  }
}
