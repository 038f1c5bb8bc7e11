package org.dnschase.resolver.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's count of UDP datagrams it could not deliver (receive errors: a full socket buffer,
 * mostly) from {@code /proc/self/net/snmp} (Linux), for the whole network namespace: read before
 * and after a run, it tells datagrams the kernel dropped from replies that never came for other
 * reasons. -1 where the table is missing.
 */
final class UdpErrors {
  private static final Path SNMP = Path.of("/proc/self/net/snmp");

  private UdpErrors() {}

  /** InErrors of the {@code Udp:} table now, which counts RcvbufErrors among others. */
  static long now() {
    try {
      List<String> udp = Files.readAllLines(SNMP).stream().filter(line -> line.startsWith("Udp: ")).toList();
      List<String> names = List.of(udp.get(0).split("\\s+"));
      return Long.parseLong(udp.get(1).split("\\s+")[names.indexOf("InErrors")]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
