package org.dnschase.resolver.internal.host;

import com.github.benmanes.caffeine.cache.Ticker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import org.dnschase.resolver.host.HostsFile;
import org.dnschase.resolver.spi.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hosts file kept read: the table, re-read when the file's modification time or size changed,
 * looked at no more than once per poll interval, as look-ups ask for the table (no thread of its
 * own, and no {@code WatchService}, which bind mounts defeat).
 */
public final class PolledHostsFile {
  private static final Logger log = LoggerFactory.getLogger(PolledHostsFile.class);

  private final HostsFile file;
  private final Ticker ticker;
  private final long intervalNanos;
  private volatile Snapshot snapshot;

  /** The table as of one look at the file, and when that look was. */
  private record Snapshot(HostsTable table, FileTime modified, long size, long checkedAtNanos) {}

  /**
   * Reads the file now.
   *
   * @throws UncheckedIOException if it cannot be read, naming it
   * @throws IllegalArgumentException if a line is malformed, naming the file and line
   */
  public PolledHostsFile(HostsFile file, Ticker ticker) {
    this.file = file;
    this.ticker = ticker;
    this.intervalNanos = file.pollInterval().toNanos();
    this.snapshot = read(attributes(), ticker.read());
  }

  /** The table, re-read first if the interval has passed and the file changed. */
  public HostsTable table() {
    Snapshot current = snapshot;
    long now = ticker.read();
    if (now - current.checkedAtNanos() < intervalNanos) {
      return current.table();
    }
    synchronized (this) {
      current = snapshot;
      if (now - current.checkedAtNanos() >= intervalNanos) {
        snapshot = reread(current, now);
      }
      return snapshot.table();
    }
  }

  private Snapshot reread(Snapshot current, long now) {
    BasicFileAttributes attributes;
    try {
      attributes = attributes();
    } catch (UncheckedIOException e) {
      log.warn("hosts file {} kept as last read: {}", file.path(), e.getMessage());
      return new Snapshot(current.table(), current.modified(), current.size(), now);
    }
    if (attributes == null) {
      return new Snapshot(HostsTable.EMPTY, null, -1, now);
    }
    if (attributes.lastModifiedTime().equals(current.modified()) && attributes.size() == current.size()) {
      return new Snapshot(current.table(), current.modified(), current.size(), now);
    }
    try {
      return read(attributes, now);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      // A file being written may be half there: keep what was read, look again next interval.
      log.warn("hosts file {} kept as last read: {}", file.path(), e.getMessage());
      return new Snapshot(current.table(), current.modified(), current.size(), now);
    }
  }

  private Snapshot read(BasicFileAttributes attributes, long now) {
    if (attributes == null) {
      throw new UncheckedIOException("cannot read " + file.path() + ": no such file",
          new NoSuchFileException(file.path().toString()));
    }
    HostsTable table = HostsTable.parse(ConfigText.read(file.path()), file.path().toString());
    return new Snapshot(table, attributes.lastModifiedTime(), attributes.size(), now);
  }

  /** The file's attributes; null if it does not exist. */
  private BasicFileAttributes attributes() {
    try {
      return Files.readAttributes(file.path(), BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + LogText.escaped(file.path().toString()) + ": "
          + LogText.escaped(e.toString()), e);
    }
  }
}
