package org.dnschase.resolver.testkit.scenario;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.Address;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Reads the CONFIG lines of either dialect into a {@link ScenarioConfig} (FORMAT §3). Deckard's
 * lines are {@code key: value}; testbound's are {@code unbound.conf} text, read as Unbound's
 * lexer does: a word ending in a colon is a key, the words after it its value, and several keys
 * may share a line ({@code forward-zone: name: "." forward-addr: 216.0.0.1}).
 */
final class ConfigParser {

  /** testbound clauses: a key of one of these names with no value opens a clause. */
  private static final List<String> CLAUSES = List.of("server", "stub-zone", "forward-zone", "auth-zone",
      "remote-control", "view", "rpz", "dnscrypt", "cachedb", "dnstap", "python", "dynlib");
  /** A key: letters, digits and dashes, then one colon (an IPv6 address has more colons). */
  private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*:");
  /** A word: a double-quoted string or a run of non-blanks. */
  private static final Pattern WORD = Pattern.compile("\"[^\"]*\"|'[^']*'|\\S+");
  /** testbound directives between the config lines: a temporary file's text, an autotrust file. */
  private static final List<String> BLOCKS = List.of("TEMPFILE_CONTENTS", "AUTOTRUST_FILE");
  /** How deep zone files may include one another, so a cycle is an error rather than a hang. */
  private static final int MAX_INCLUDE_DEPTH = 8;

  private final String source;
  private final List<ConfigSetting> settings = new ArrayList<>();
  private final List<ZoneClause> stubZones = new ArrayList<>();
  private final List<ZoneClause> forwardZones = new ArrayList<>();
  /** Each auth zone's settings, read once every temporary file's text is known. */
  private final List<List<ConfigSetting>> authZones = new ArrayList<>();
  /** {@code TEMPFILE_CONTENTS} blocks: a temporary file's name to its text. */
  private final Map<String, String> tempFiles = new HashMap<>();
  private String clause = "server";
  private int clauseLine;
  private final List<ConfigSetting> zoneSettings = new ArrayList<>();

  private ConfigParser(String source) {
    this.source = source;
  }

  /** {@code lines} are the raw text before CONFIG_END; {@code firstLine} is the first one's number. */
  static ScenarioConfig parse(String source, List<String> lines, int firstLine) {
    ConfigParser parser = new ConfigParser(source);
    boolean testbound = lines.stream().map(ConfigParser::clean)
        .anyMatch(line -> CLAUSES.stream().anyMatch(name -> line.startsWith(name + ":")));
    for (int i = 0; i < lines.size(); i++) {
      String line = clean(lines.get(i));
      int number = firstLine + i;
      if (line.isEmpty()) {
        continue;
      }
      if (testbound && Character.isUpperCase(line.charAt(0))) {
        i = parser.directive(lines, i, line, number) - firstLine;
      } else if (testbound) {
        parser.unboundConf(line, number);
      } else {
        parser.deckard(line, number);
      }
    }
    parser.endClause();
    return new ScenarioConfig(testbound ? ScenarioConfig.Dialect.TESTBOUND : ScenarioConfig.Dialect.DECKARD,
        parser.settings, parser.stubZones, parser.forwardZones, parser.authZones.stream().map(parser::authZone).toList());
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

  /**
   * A testbound directive ({@code TEMPFILE_NAME}, {@code COMMANDLINE}, ...), kept as a setting of
   * clause "testbound"; a block directive keeps its text up to its end line. Returns the number
   * of the directive's last line.
   */
  private int directive(List<String> lines, int index, String line, int number) {
    String name = line.split("[ \t]+", 2)[0];
    String value = line.substring(name.length()).strip();
    int last = number;
    if (BLOCKS.contains(name)) {
      String end = name.startsWith("TEMPFILE") ? "TEMPFILE_END" : "AUTOTRUST_END";
      int i = index + 1;
      while (i < lines.size() && !lines.get(i).strip().equals(end)) {
        i++;
      }
      if (i == lines.size()) {
        throw new ScenarioFormatException(source, number, name + " without " + end);
      }
      last = number + (i - index);
      if (name.equals("TEMPFILE_CONTENTS")) {
        tempFiles.put(value, String.join("\n", lines.subList(index + 1, i)) + "\n");
      }
    } else if (name.equals("TEMPFILE_NAME")) {
      nameTempFile(value, number);
    }
    settings.add(new ConfigSetting("testbound", name, value, number));
    return last;
  }

  /**
   * testbound writes the name of a temporary file where {@code TEMPFILE_NAME} stands: the value of
   * the option left open on the line before ({@code zonefile:}).
   */
  private void nameTempFile(String name, int number) {
    int last = settings.size() - 1;
    if (last < 0 || !settings.get(last).value().isEmpty()) {
      throw new ScenarioFormatException(source, number, "TEMPFILE_NAME does not follow an option without a value");
    }
    ConfigSetting named = new ConfigSetting(settings.get(last).clause(), settings.get(last).key(), name, number);
    settings.set(last, named);
    if (!zoneSettings.isEmpty()) {
      zoneSettings.set(zoneSettings.size() - 1, named);
    }
  }

  private void deckard(String line, int number) {
    int colon = line.indexOf(':');
    if (colon < 0) {
      throw new ScenarioFormatException(source, number, "CONFIG line is not 'key: value': " + line);
    }
    String key = line.substring(0, colon).strip();
    String value = unquote(SourceLine.withoutComment(line.substring(colon + 1).strip()));
    if (key.equals("features")) {
      addFeatures(value, number);
    } else {
      settings.add(new ConfigSetting(ConfigSetting.DECKARD, key, value, number));
    }
    if (key.equals("stub-addr")) {
      // Deckard's stub-addr is the only root server: a root stub zone, as testbound writes it.
      stubZones.add(new ZoneClause(Name.root, List.of(address(value, number)), List.of(), false, false, false,
          false, number));
    }
  }

  /** Deckard splits a features line at {@code ;}; each knob is {@code name = value}. */
  private void addFeatures(String value, int number) {
    for (String knob : value.split(";")) {
      int equals = knob.indexOf('=');
      if (equals <= 0) {
        throw new ScenarioFormatException(source, number, "a features knob is 'name = value': " + knob);
      }
      settings.add(new ConfigSetting(ConfigSetting.FEATURES, knob.substring(0, equals).strip(),
          knob.substring(equals + 1).strip(), number));
    }
  }

  /** One line of {@code unbound.conf}: keys, each followed by its value words. */
  private void unboundConf(String line, int number) {
    List<String> words = new ArrayList<>();
    Matcher word = WORD.matcher(line);
    while (word.find()) {
      words.add(word.group());
    }
    int i = 0;
    while (i < words.size()) {
      String key = words.get(i);
      if (!KEY.matcher(key).matches()) {
        throw new ScenarioFormatException(source, number, "expected 'key:' in unbound.conf text, found " + key);
      }
      List<String> value = new ArrayList<>();
      for (i++; i < words.size() && !KEY.matcher(words.get(i)).matches(); i++) {
        value.add(unquote(words.get(i)));
      }
      option(key.substring(0, key.length() - 1), String.join(" ", value), number);
    }
  }

  private void option(String key, String value, int number) {
    if (value.isEmpty() && CLAUSES.contains(key)) {
      endClause();
      clause = key;
      clauseLine = number;
      return;
    }
    ConfigSetting setting = new ConfigSetting(clause, key, value, number);
    settings.add(setting);
    if (clause.equals("stub-zone") || clause.equals("forward-zone") || clause.equals("auth-zone")) {
      zoneSettings.add(setting);
    }
  }

  private void endClause() {
    if (clause.equals("auth-zone")) {
      authZones.add(List.copyOf(zoneSettings));
    }
    if (clause.equals("stub-zone") || clause.equals("forward-zone")) {
      String prefix = clause.equals("stub-zone") ? "stub-" : "forward-";
      Name name = null;
      List<InetAddress> addresses = new ArrayList<>();
      List<Name> hosts = new ArrayList<>();
      boolean first = false;
      boolean prime = false;
      boolean noCache = false;
      boolean tcpUpstream = false;
      for (ConfigSetting setting : zoneSettings) {
        String key = setting.key();
        if (key.equals("name")) {
          name = name(setting.value(), setting.line());
        } else if (key.equals(prefix + "addr")) {
          addresses.add(address(setting.value(), setting.line()));
        } else if (key.equals(prefix + "host")) {
          hosts.add(name(setting.value(), setting.line()));
        } else if (key.equals(prefix + "first")) {
          first = ScenarioConfig.isTrue(setting.value());
        } else if (key.equals("stub-prime")) {
          prime = ScenarioConfig.isTrue(setting.value());
        } else if (key.equals(prefix + "no-cache")) {
          noCache = ScenarioConfig.isTrue(setting.value());
        } else if (key.equals(prefix + "tcp-upstream")) {
          tcpUpstream = ScenarioConfig.isTrue(setting.value());
        }
      }
      if (name == null) {
        throw new ScenarioFormatException(source, clauseLine, clause + ": without name:");
      }
      ZoneClause zone = new ZoneClause(name, addresses, hosts, first, prime, noCache, tcpUpstream, clauseLine);
      (clause.equals("stub-zone") ? stubZones : forwardZones).add(zone);
    }
    zoneSettings.clear();
  }

  /** An auth-zone clause's settings as the zone, its text from the temporary file it names. */
  private AuthZoneClause authZone(List<ConfigSetting> clauseSettings) {
    Map<String, ConfigSetting> byKey = new HashMap<>();
    clauseSettings.forEach(setting -> byKey.put(setting.key(), setting));
    ConfigSetting name = byKey.get("name");
    ConfigSetting file = byKey.get("zonefile");
    int line = clauseSettings.isEmpty() ? 0 : clauseSettings.get(0).line();
    if (name == null || file == null) {
      throw new ScenarioFormatException(source, line, "auth-zone: without name: or zonefile:");
    }
    String text = tempFiles.get(file.value());
    if (text == null) {
      throw new ScenarioFormatException(source, file.line(), "auth-zone " + name.value() + ": zonefile "
          + file.value() + " is no TEMPFILE_CONTENTS of the scenario");
    }
    Name zone = name(name.value(), name.line());
    return new AuthZoneClause(zone, withIncludes(text, zone.toString(), file.line(), 0),
        flag(byKey, "for-upstream", true),
        flag(byKey, "for-downstream", true), flag(byKey, "fallback-enabled", false), line);
  }

  /**
   * A zone file's text with each {@code $INCLUDE_TEMPFILE name} line (testbound writes {@code
   * $INCLUDE} and the temporary file's name there) replaced by that file's text, as {@code
   * $INCLUDE} reads it (RFC 1035 §5.1): at the origin in force, which the including file keeps
   * afterwards.
   */
  private String withIncludes(String text, String zone, int line, int depth) {
    StringBuilder expanded = new StringBuilder();
    String origin = zone;
    for (String zoneLine : text.split("\n", -1)) {
      String[] words = zoneLine.strip().split("[ \t]+");
      if (words[0].equals("$ORIGIN") && words.length > 1) {
        origin = words[1];
      }
      if (!words[0].equals("$INCLUDE_TEMPFILE")) {
        expanded.append(zoneLine).append('\n');
        continue;
      }
      String included = words.length == 2 ? tempFiles.get(words[1]) : null;
      if (included == null || depth >= MAX_INCLUDE_DEPTH) {
        throw new ScenarioFormatException(source, line, "zone file " + zoneLine.strip()
            + (included == null ? ": no such TEMPFILE_CONTENTS" : ": includes nested too deep"));
      }
      expanded.append("$ORIGIN ").append(origin).append('\n')
          .append(withIncludes(included, origin, line, depth + 1))
          .append("$ORIGIN ").append(origin).append('\n');
    }
    return expanded.substring(0, expanded.length() - 1);
  }

  private static boolean flag(Map<String, ConfigSetting> byKey, String key, boolean byDefault) {
    ConfigSetting setting = byKey.get(key);
    return setting == null ? byDefault : ScenarioConfig.isTrue(setting.value());
  }

  private Name name(String text, int number) {
    try {
      return Name.fromString(text, Name.root);
    } catch (TextParseException e) {
      throw new ScenarioFormatException(source, number, "not a domain name: " + text, e);
    }
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
