package org.dnschase.resolver.testkit.scenario;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Address;

/** Reads the CONFIG lines of either dialect into a {@link ScenarioConfig} (FORMAT §3). */
final class ConfigParser {

  private static final List<String> TESTBOUND_CLAUSES = List.of("server:", "stub-zone:", "forward-zone:");

  private final String source;
  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private final List<InetAddress> rootAddresses = new ArrayList<>();
  private String clause = "server";
  private String zoneName;
  private final List<InetAddress> zoneAddresses = new ArrayList<>();

  private ConfigParser(String source) {
    this.source = source;
  }

  /** {@code lines} are the raw text before CONFIG_END; {@code firstLine} is the first one's number. */
  static ScenarioConfig parse(String source, List<String> lines, int firstLine) {
    ConfigParser parser = new ConfigParser(source);
    boolean testbound = lines.stream().map(ConfigParser::clean).anyMatch(TESTBOUND_CLAUSES::contains);
    for (int i = 0; i < lines.size(); i++) {
      String line = clean(lines.get(i));
      if (!line.isEmpty()) {
        parser.accept(line, firstLine + i, testbound);
      }
    }
    parser.endClause();
    if (parser.rootAddresses.isEmpty()) {
      throw new ScenarioFormatException(source, firstLine, "CONFIG names no root server (stub-addr)");
    }
    return new ScenarioConfig(testbound ? ScenarioConfig.Dialect.TESTBOUND : ScenarioConfig.Dialect.DECKARD,
        parser.values, parser.rootAddresses);
  }

  /** FORMAT §1: CONFIG lines lose a leading-{@code ;} comment line and everything after {@code #}. */
  private static String clean(String raw) {
    String line = raw.strip();
    if (line.startsWith(";")) {
      return "";
    }
    int hash = line.indexOf('#');
    return (hash >= 0 ? line.substring(0, hash) : line).strip();
  }

  private void accept(String line, int number, boolean testbound) {
    int colon = line.indexOf(':');
    if (colon < 0) {
      throw new ScenarioFormatException(source, number, "CONFIG line is not 'key: value': " + line);
    }
    String key = line.substring(0, colon).strip();
    String value = line.substring(colon + 1).strip();
    if (testbound && value.isEmpty()) {
      startClause(key, number);
    } else if (key.equals("features")) {
      addFeatures(value);
    } else {
      addValue(key, unquote(SourceLine.withoutComment(value)), number);
    }
  }

  /** Deckard splits a features line at {@code ;}; each knob is {@code name = value}. */
  private void addFeatures(String value) {
    for (String knob : value.split(";")) {
      int equals = knob.indexOf('=');
      if (equals > 0) {
        put("feature." + knob.substring(0, equals).strip(), knob.substring(equals + 1).strip());
      }
    }
  }

  private void addValue(String key, String value, int number) {
    if (clause.equals("stub-zone")) {
      if (key.equals("name")) {
        zoneName = value;
      } else if (key.equals("stub-addr")) {
        zoneAddresses.add(address(value, number));
      }
      return;
    }
    put(key, value);
    if (key.equals("stub-addr")) {
      rootAddresses.add(address(value, number));
    }
  }

  private void startClause(String name, int number) {
    endClause();
    if (!name.equals("server") && !name.equals("stub-zone")) {
      throw new ScenarioFormatException(source, number, "CONFIG clause '" + name + ":' is not supported");
    }
    clause = name;
  }

  private void endClause() {
    if (clause.equals("stub-zone") && ".".equals(zoneName)) {
      rootAddresses.addAll(zoneAddresses);
    }
    zoneName = null;
    zoneAddresses.clear();
  }

  private void put(String key, String value) {
    values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
  }

  private InetAddress address(String text, int number) {
    try {
      return Address.getByAddress(text);
    } catch (UnknownHostException e) {
      throw new ScenarioFormatException(source, number, "not an IP address: " + text, e);
    }
  }

  private static String unquote(String value) {
    boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
        || value.startsWith("'") && value.endsWith("'"));
    return quoted ? value.substring(1, value.length() - 1) : value;
  }
}
