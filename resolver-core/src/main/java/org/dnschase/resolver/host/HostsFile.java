package org.dnschase.resolver.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.dnschase.resolver.internal.Timings;

/**
 * A hosts file ({@code /etc/hosts} format) consulted before the network, as the C library's
 * {@code files} source is: a name listed there is answered from it alone, both families, without
 * a query, and an address listed there is named from it. The file is read when the resolver is
 * built (an unreadable or malformed file is an error naming the file and line) and re-read when
 * its modification time or size has changed, checked at most once per {@code pollInterval} as
 * look-ups come (polling rather than a {@code WatchService}, which misses changes to bind-mounted
 * files). A re-read that finds a malformed file keeps the entries read before and logs why; a
 * file that was removed has no entries.
 *
 * @param path the file
 * @param pollInterval how often its modification time is checked, at most
 */
public record HostsFile(Path path, Duration pollInterval) {

  /** The usual place of the hosts file. */
  public static final Path SYSTEM_PATH = Path.of("/etc/hosts");
  /** Five seconds: an edit is seen soon, and a busy resolver reads one file attribute per interval. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

  /** Checks that the interval is positive and at most 2^31-1 seconds. */
  public HostsFile {
    Objects.requireNonNull(path, "path");
    Timings.requirePositive("pollInterval", pollInterval);
  }

  /**
   * The hosts file at {@code path}, polled every {@link #DEFAULT_POLL_INTERVAL}.
   *
   * @param path the file
   * @return the option
   */
  public static HostsFile at(Path path) {
    return new HostsFile(path, DEFAULT_POLL_INTERVAL);
  }

  /**
   * This file polled every {@code interval}.
   *
   * @param interval how often its modification time is checked, positive
   * @return the option
   */
  public HostsFile withPollInterval(Duration interval) {
    return new HostsFile(path, interval);
  }
}
