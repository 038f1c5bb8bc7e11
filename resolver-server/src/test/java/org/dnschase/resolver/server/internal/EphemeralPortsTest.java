package org.dnschase.resolver.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ports a server asked for port 0 picks: outside the system's ephemeral range; a port given
 * inside it, shared by several UDP sockets, is warned about at the start.
 */
class EphemeralPortsTest {

  @Test
  @DisplayName("Linux's default range (32768-60999): each port picked is unprivileged and below or above it")
  void linuxDefault_picksBelowOrAbove() {
    EphemeralPorts range = new EphemeralPorts(32768, 60999);
    boolean below = false;
    boolean above = false;
    for (int i = 0; i < 10_000; i++) {
      int port = range.portOutside();

      assertThat(port).isBetween(EphemeralPorts.LOWEST_PICKED, 65535);
      assertThat(range.contains(port)).as("port %d", port).isFalse();
      below |= port < 32768;
      above |= port > 60999;
    }
    assertThat(below && above).as("ports on both sides").isTrue();
  }

  @Test
  @DisplayName("a range over every unprivileged port, or none known, leaves the pick to the system (port 0)")
  void noRoom_systemPicks() {
    assertThat(new EphemeralPorts(1024, 65535).portOutside()).isZero();
    assertThat(new EphemeralPorts(0, 0).portOutside()).isZero();
    assertThat(new EphemeralPorts(0, 0).contains(40000)).isFalse();
  }

  @Test
  @DisplayName("the range is read from its two numbers; a file that is missing or says something else is no range")
  void read(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("ip_local_port_range"), "32768\t60999\n");
    Path odd = Files.writeString(dir.resolve("odd"), "many\n");

    assertThat(EphemeralPorts.read(file)).isEqualTo(new EphemeralPorts(32768, 60999));
    assertThat(EphemeralPorts.read(odd).known()).isFalse();
    assertThat(EphemeralPorts.read(dir.resolve("missing")).known()).isFalse();
  }

  @Test
  @DisplayName("a port given inside the range, shared by UDP sockets (SO_REUSEPORT), is warned about, naming the range and why")
  void givenPortInsideTheRange_sharedByThreads_isWarnedAbout() {
    EphemeralPorts range = new EphemeralPorts(32768, 60999);

    assertThat(range.sharedPortHazard(40000, 2)).hasValueSatisfying(warning -> assertThat(warning)
        .contains("port 40000", "32768-60999", "2 UDP sockets", "SO_REUSEPORT", "its own query"));
  }

  @Test
  @DisplayName("a port outside the range, one UDP socket, or a range not known: no warning")
  void outsideTheRangeOrOneSocket_isNoHazard() {
    EphemeralPorts range = new EphemeralPorts(32768, 60999);

    assertThat(range.sharedPortHazard(5300, 4)).isEmpty();
    assertThat(range.sharedPortHazard(40000, 1)).isEmpty();
    assertThat(new EphemeralPorts(0, 0).sharedPortHazard(40000, 4)).isEmpty();
  }
}
