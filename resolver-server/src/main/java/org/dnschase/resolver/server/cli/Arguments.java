package org.dnschase.resolver.server.cli;

import io.netty.util.NetUtil;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dnschase.resolver.spi.LogText;

/** Reading option values the same way in {@code bin/serve} and {@code bin/serve-control}. */
final class Arguments {

  /** A duration as given: a whole number of at most nine digits and its unit. */
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");

  private final String[] args;
  private int next;

  Arguments(String[] args) {
    this.args = args;
  }

  boolean hasNext() {
    return next < args.length;
  }

  String next() {
    return args[next++];
  }

  /**
   * The value after {@code option}, never empty: an empty file name would name the working
   * directory, and no other value is empty either.
   */
  String value(String option) throws UsageException {
    if (next >= args.length) {
      throw new UsageException(option + " needs a value");
    }
    if (args[next].isEmpty()) {
      throw new UsageException(option + " needs a value, got ''");
    }
    return args[next++];
  }

  /** A whole number from {@code min} to {@code max} after {@code option}. */
  long number(String option, long min, long max) throws UsageException {
    String text = value(option);
    try {
      long value = Long.parseLong(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the range, as a number out of range is
    }
    throw new UsageException(option + " needs a whole number from " + min + " to " + max + ", got '"
        + LogText.escaped(text) + "'");
  }

  /**
   * A duration from {@code min} to {@code max} after {@code option}: a whole number and its unit,
   * {@code ms}, {@code s}, {@code m} or {@code h} ({@code 500ms}, {@code 5s}, {@code 2m}). A bare
   * number is refused: which unit it meant cannot be told.
   */
  Duration duration(String option, Duration min, Duration max) throws UsageException {
    String text = value(option);
    Matcher parts = DURATION.matcher(text);
    if (parts.matches()) {
      long amount = Long.parseLong(parts.group(1));
      Duration value = switch (parts.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
      if (value.compareTo(min) >= 0 && value.compareTo(max) <= 0) {
        return value;
      }
    }
    throw new UsageException(option + " needs a duration from " + text(min) + " to " + text(max)
        + ", a whole number and its unit (500ms, 5s, 2m), got '" + LogText.escaped(text) + "'");
  }

  /** {@code duration} as {@link #duration} reads it, in its largest whole unit. */
  static String text(Duration duration) {
    long millis = duration.toMillis();
    for (var unit : List.of(Map.entry(3_600_000L, "h"), Map.entry(60_000L, "m"), Map.entry(1_000L, "s"))) {
      if (millis >= unit.getKey() && millis % unit.getKey() == 0) {
        return millis / unit.getKey() + unit.getValue();
      }
    }
    return millis + "ms";
  }

  /**
   * A loopback {@code ADDR:PORT} after {@code option}: the control channel's, which has no
   * authentication, so listens on loopback only, and a client finds it nowhere else.
   */
  InetSocketAddress loopbackAddress(String option) throws UsageException {
    InetSocketAddress address = address(option);
    if (!address.getAddress().isLoopbackAddress()) {
      throw new UsageException(option + " must be a loopback address: the control channel has no"
          + " authentication, got " + address.getAddress().getHostAddress());
    }
    return address;
  }

  /**
   * The value of an option that sets one, refused when {@code given} already: as the builder
   * refuses a second value for a setting, the last of two would win unnoticed. Flags may be
   * repeated (they say the same thing twice), and options that add (addresses, client blocks,
   * zones) are.
   */
  static <T> T single(String option, T given, T value) throws UsageException {
    if (given != null) {
      throw new UsageException(option + " was already given as " + (given instanceof InetSocketAddress address
          ? text(address) : given instanceof Duration duration ? text(duration)
          : LogText.escaped(String.valueOf(given))) + ": give it once");
    }
    return value;
  }

  /** {@code 192.0.2.1:53}, {@code [2001:db8::1]:53}: as an address is given. */
  static String text(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  /** An {@code ADDR:PORT} (IPv6 as {@code [ADDR]:PORT}) after {@code option}; no name is looked up. */
  InetSocketAddress address(String option) throws UsageException {
    return address(option, value(option));
  }

  static InetSocketAddress address(String option, String text) throws UsageException {
    int colon = text.lastIndexOf(':');
    String host = colon < 0 ? "" : text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      host = ""; // an IPv6 address without brackets: its last group would pass for the port
    }
    InetAddress address = host.isEmpty() ? null : NetUtil.createInetAddressFromIpAddressString(host);
    int port = -1;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      // reported below
    }
    if (address == null || port < 0 || port > 65535) {
      throw new UsageException(option + " needs ADDR:PORT (an IP address, [ADDR]:PORT for IPv6, and a port"
          + " 0..65535), got '" + LogText.escaped(text) + "'");
    }
    return new InetSocketAddress(address, port);
  }
}
