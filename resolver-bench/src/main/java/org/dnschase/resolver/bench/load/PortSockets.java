package org.dnschase.resolver.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The sockets bound to one local port, by inode, from the kernel's tables in {@code /proc/net}
 * (Linux): the lab's servers all listen on one port, so its sockets (listeners and the TCP
 * connections they accepted, which the lab closes on its own loop once the client has gone) can be
 * told apart from the resolver's, which use ephemeral ports.
 */
final class PortSockets {
  private static final List<String> TABLES = List.of("tcp", "tcp6", "udp", "udp6");
  /** Columns of a table row: local_address is the second, inode the tenth. */
  private static final int LOCAL_ADDRESS = 1;
  private static final int INODE = 9;

  private PortSockets() {}

  /** The inodes of the sockets whose local port is {@code port}; empty where the tables are missing. */
  static Set<String> inodes(int port) {
    Set<String> inodes = new HashSet<>();
    for (String table : TABLES) {
      Path path = Path.of("/proc/self/net", table);
      if (!Files.isReadable(path)) {
        continue;
      }
      try {
        List<String> rows = Files.readAllLines(path);
        for (String line : rows.subList(1, rows.size())) {
          String[] columns = line.trim().split("\\s+");
          String local = columns[LOCAL_ADDRESS];
          if (Integer.parseInt(local.substring(local.indexOf(':') + 1), 16) == port) {
            inodes.add(columns[INODE]);
          }
        }
      } catch (IOException e) {
        // the table vanished (no such protocol here): no sockets of it
      }
    }
    return inodes;
  }
}
