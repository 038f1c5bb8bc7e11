package org.dnschase.resolver.server.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ports the system gives a socket bound without one (Linux's {@code
 * net.ipv4.ip_local_port_range}), and a port outside them for a server asked for port 0.
 *
 * <p>Why outside: a UDP socket that sets {@code SO_REUSEPORT} before it binds without a port, as
 * dig's does, may be given a port whose sockets all set it too and belong to the same user, which
 * a server's UDP sockets (one per thread) are. Such a client, connected to the server's address and
 * port from that same port, reads its own query back as the answer: the kernel hands a datagram to
 * the connected socket before the server's. No socket bound without a port is given one outside
 * the range. A port given inside it keeps the hazard, which the start warns of ({@link
 * #sharedPortHazard}).
 *
 * @param low the lowest port given, 0 when the system does not say
 * @param high the highest port given
 */
record EphemeralPorts(int low, int high) {

  /** Where Linux keeps the range: two numbers. */
  private static final Path RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  /** The lowest port a server picks: the ports below are for privileged programs. */
  static final int LOWEST_PICKED = 1024;
  private static final int HIGHEST_PORT = 65535;

  /** This system's range, read once; {@linkplain #known unknown} where it does not say. */
  static final EphemeralPorts SYSTEM = read(RANGE);

  static EphemeralPorts read(Path file) {
    try {
      // read as lines: a /proc file says it is empty, which cuts a read of the whole file short
      String[] bounds = Files.readAllLines(file).get(0).strip().split("\\s+");
      return new EphemeralPorts(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]));
    } catch (IOException | RuntimeException unknown) {
      return new EphemeralPorts(0, 0);
    }
  }

  /** {@return whether the system said which ports it gives} */
  boolean known() {
    return low > 0;
  }

  /** {@return whether the system gives {@code port} to a socket bound without one} */
  boolean contains(int port) {
    return known() && port >= low && port <= high;
  }

  /**
   * {@return a random port at or above {@link #LOWEST_PICKED}, outside the range; 0, the system's
   * own pick, where the range is unknown or leaves no such port}
   */
  int portOutside() {
    if (!known()) {
      return 0;
    }
    int below = Math.max(0, low - LOWEST_PICKED);
    int above = Math.max(0, HIGHEST_PORT - Math.max(high, LOWEST_PICKED - 1));
    if (below + above == 0) {
      return 0;
    }
    int pick = ThreadLocalRandom.current().nextInt(below + above);
    return pick < below ? LOWEST_PICKED + pick : Math.max(high, LOWEST_PICKED - 1) + 1 + pick - below;
  }

  /**
   * {@return what to warn of when a server listens on {@code port}, given, with {@code sockets} UDP
   * sockets sharing it; empty when the port is outside the range or held by one socket, which no
   * client socket is given while it is bound}
   */
  Optional<String> sharedPortHazard(int port, int sockets) {
    if (sockets < 2 || !contains(port)) {
      return Optional.empty();
    }
    return Optional.of("port " + port + " lies inside the system's ephemeral port range " + low + "-" + high
        + " (net.ipv4.ip_local_port_range) and " + sockets + " UDP sockets share it (SO_REUSEPORT, one per"
        + " thread): a client of the same user whose socket sets SO_REUSEPORT before it binds (as dig's does)"
        + " may be given this port and read its own query as the answer; a port outside the range, or port 0,"
        + " avoids it");
  }
}
