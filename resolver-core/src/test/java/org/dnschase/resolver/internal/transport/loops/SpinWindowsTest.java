package org.dnschase.resolver.internal.transport.loops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The longest spin window, from its system property, read once. */
class SpinWindowsTest {

  private static final long DEFAULT = TimeUnit.MICROSECONDS.toNanos(SpinWindows.DEFAULT_CAP_MICROS);

  @Test
  @DisplayName("unset, the loops spin up to the default; 0 turns spinning off; any other count of µs is the cap")
  void property_setsTheCap() {
    assertThat(SpinWindows.capNanos(null)).isEqualTo(DEFAULT);
    assertThat(SpinWindows.capNanos("0")).isZero();
    assertThat(SpinWindows.capNanos("250")).isEqualTo(TimeUnit.MICROSECONDS.toNanos(250));
  }

  @Test
  @DisplayName("a value that is not a count of µs up to a second keeps the default rather than spinning without end")
  void otherValues_keepTheDefault() {
    assertThat(SpinWindows.capNanos("-1")).isEqualTo(DEFAULT);
    assertThat(SpinWindows.capNanos("1ms")).isEqualTo(DEFAULT);
    assertThat(SpinWindows.capNanos("1000001")).isEqualTo(DEFAULT);
  }

  @Test
  @DisplayName("unset, the property leaves the default cap")
  void unset_default() {
    assumeTrue(System.getProperty(SpinWindows.PROPERTY) == null);

    assertThat(SpinWindows.CAP_NANOS).isEqualTo(DEFAULT);
  }

  @Test
  @DisplayName("each event loop thread has windows of its own")
  void windows_perThread() throws InterruptedException {
    SpinWindows[] other = new SpinWindows[1];
    Thread thread = new Thread(() -> other[0] = SpinWindows.ofCurrentThread());
    thread.start();
    thread.join();

    assertThat(SpinWindows.ofCurrentThread()).isSameAs(SpinWindows.ofCurrentThread()).isNotSameAs(other[0]);
  }
}
