package org.dnschase.resolver.internal.assembly;

import java.time.Duration;
import org.dnschase.resolver.internal.Timings;

/** How many resolutions may be under way at once, and when a newer question pushes a slow one out. */
public final class LoadOptions {

  private final Setting<Integer> maxResolutionsInFlight = new Setting<>("maxResolutionsInFlight");
  private Duration jostleAfter;

  LoadOptions() {}

  public void maxResolutionsInFlight(int resolutions, Duration jostleTime) {
    maxResolutionsInFlight.requireUnset();
    Timings.requirePositive("jostleAfter", jostleTime);
    if (resolutions < 1) {
      throw new IllegalArgumentException("maxResolutionsInFlight must be positive, was " + resolutions);
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
