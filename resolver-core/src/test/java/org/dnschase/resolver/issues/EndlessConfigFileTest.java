package org.dnschase.resolver.issues;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.dnssec.Validation;
import org.dnschase.resolver.host.HostsFile;
import org.dnschase.resolver.host.ResolvConf;
import org.dnschase.resolver.zones.AuthZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A configuration file named by mistake as a device or a pipe ({@code /dev/zero}, {@code
 * /dev/stdin}) has no end, or none until someone writes to it: each file the resolver reads
 * whole (root hints, trust anchors, a hosts file, resolv.conf, an auth zone's file) must be a
 * regular file, and anything else is refused at once, naming it. Read, {@code /dev/zero} filled
 * the heap until an {@link OutOfMemoryError} escaped, and a pipe held the start for ever.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EndlessConfigFileTest {

  private static final Path ZERO = Path.of("/dev/zero");

  @BeforeAll
  static void onADeviceFile() {
    assumeTrue(Files.exists(ZERO) && !Files.isRegularFile(ZERO), "needs /dev/zero, a character device");
  }

  @Test
  @DisplayName("Root hints from a device are refused naming it, not read until the heap is full")
  void rootHints() {
    refusedNamingIt(() -> RootHints.read(ZERO), IOException.class);
  }

  @Test
  @DisplayName("A trust anchor file that is a device is refused naming it")
  void trustAnchors() {
    refusedNamingIt(() -> Validation.trustAnchorFile(ZERO), UncheckedIOException.class);
  }

  @Test
  @DisplayName("A hosts file that is a device is refused naming it when the resolver is built")
  void hostsFile() {
    refusedNamingIt(() -> Resolver.builder().loopbackOnly().hostsFile(HostsFile.at(ZERO)).build(), UncheckedIOException.class);
  }

  @Test
  @DisplayName("A resolv.conf that is a device is refused naming it")
  void resolvConf() {
    refusedNamingIt(() -> ResolvConf.read(ZERO), UncheckedIOException.class);
  }

  @Test
  @DisplayName("An auth zone's file that is a device is refused naming it")
  void authZoneFile() {
    refusedNamingIt(() -> AuthZone.fromFile("corp.lab.", ZERO), UncheckedIOException.class);
  }

  private static void refusedNamingIt(ThrowableAssert.ThrowingCallable reading, Class<? extends Exception> type) {
    assertThatThrownBy(reading).isInstanceOf(type).hasMessageContaining("/dev/zero").hasMessageContaining("not a regular file");
  }
}
