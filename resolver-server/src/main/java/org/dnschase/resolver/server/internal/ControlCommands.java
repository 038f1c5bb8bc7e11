package org.dnschase.resolver.server.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.metrics.UnboundStats;
import org.dnschase.resolver.spi.LogText;

/**
 * The control channel's commands, as an operator types them into {@code unbound-control}:
 * {@code stats}, {@code flush}, {@code flush NAME} and {@code flush_negative}. A command's output
 * is text; a mistake's output starts with {@code error}.
 */
public final class ControlCommands {

  /** The commands, for the error that names them. */
  static final String COMMANDS = "stats, flush, flush NAME, flush_negative";

  private final Resolver resolver;
  private final Supplier<Map<String, Long>> serverStats;

  /**
   * Commands acting on {@code resolver}, with the server's counters from {@code serverStats}.
   *
   * @param resolver the resolver the server answers from
   * @param serverStats the server's own counters
   */
  public ControlCommands(Resolver resolver, Supplier<Map<String, Long>> serverStats) {
    this.resolver = resolver;
    this.serverStats = serverStats;
  }

  /**
   * Runs one command line.
   *
   * @param line the command and its argument, separated by white space
   * @return the output, one or more lines each ending in a line feed
   */
  public String run(String line) {
    String[] words = line.strip().split("\\s+");
    String command = words[0];
    if (words.length > 2 || words.length == 2 && !command.equals("flush")) {
      return "error: too many arguments for '" + LogText.escaped(command) + "'\n";
    }
    return switch (command) {
      case "stats" -> stats();
      case "flush" -> words.length == 1 ? flushAll() : flushName(words[1]);
      case "flush_negative" -> {
        resolver.invalidateNegative();
        yield "ok\n";
      }
      default -> "error: unknown command '" + LogText.escaped(command) + "'; the commands are " + COMMANDS + "\n";
    };
  }

  private String flushAll() {
    resolver.invalidateAll();
    return "ok\n";
  }

  /** The name as the resolver takes text (so {@code @} or {@code ü} is refused, not read as another name). */
  private String flushName(String text) {
    try {
      resolver.invalidate(text);
    } catch (IllegalArgumentException e) {
      return "error: " + e.getMessage() + "\n";
    }
    return "ok\n";
  }

  /**
   * The resolver's figures as {@code unbound-control stats} names them, then the server's own;
   * where both have a name (the questions received, the answers by rcode, the requests under
   * way) the server's figure is the one Unbound reports, counting what clients sent, refused
   * requests included.
   */
  private String stats() {
    Map<String, String> all = new LinkedHashMap<>(UnboundStats.of(resolver.metrics()));
    serverStats.get().forEach((name, value) -> all.put(name, String.valueOf(value)));
    StringBuilder out = new StringBuilder();
    all.forEach((name, value) -> out.append(name).append('=').append(value).append('\n'));
    return out.toString();
  }
}
