package org.dnschase.resolver.testkit.scenario;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.Name;

/**
 * The CONFIG section of a scenario (FORMAT §3), read from either dialect: Deckard's
 * {@code key: value} lines or testbound's {@code unbound.conf} text. The accessors translate the
 * settings a resolver under test can map; {@link #values(String)} gives any other key as written.
 */
public final class ScenarioConfig {

  /** Which suite's CONFIG syntax a scenario uses. */
  public enum Dialect {
    /** CZ.NIC Deckard: {@code key: value}, {@code stub-addr} is the root server. */
    DECKARD,
    /** Unbound testbound: {@code unbound.conf} clauses, the root is a {@code stub-zone} for ".". */
    TESTBOUND
  }

  /** Deckard's {@code stub-name} default. */
  private static final Name DEFAULT_ROOT_SERVER_NAME = Name.fromConstantString("k.root-servers.net.");
  private static final DateTimeFormatter OVERRIDE_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private final Dialect dialect;
  private final Map<String, List<String>> values;
  private final List<InetAddress> rootServerAddresses;

  ScenarioConfig(Dialect dialect, Map<String, List<String>> values, List<InetAddress> rootServerAddresses) {
    this.dialect = dialect;
    this.values = Map.copyOf(values);
    this.rootServerAddresses = List.copyOf(rootServerAddresses);
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Every value given for {@code key}, in file order (features split per knob); empty if absent. */
  public List<String> values(String key) {
    return values.getOrDefault(key, List.of());
  }

  /** The name of the one root server (Deckard's {@code stub-name}, default k.root-servers.net.). */
  public Name rootServerName() {
    return value("stub-name").map(text -> Name.fromConstantString(text.endsWith(".") ? text : text + "."))
        .orElse(DEFAULT_ROOT_SERVER_NAME);
  }

  /** The root server's addresses: {@code stub-addr} (Deckard) or the root stub-zone's (testbound). */
  public List<InetAddress> rootServerAddresses() {
    return rootServerAddresses;
  }

  /**
   * Whether the scenario fixes QNAME minimisation. Empty in a Deckard file that does not say,
   * which means it must pass both ways; testbound files default to on, as Unbound does.
   */
  public Optional<Boolean> qnameMinimisation() {
    return switch (dialect) {
      case DECKARD -> value("query-minimization").map(ScenarioConfig::isTrue);
      case TESTBOUND -> Optional.of(value("qname-minimisation").map(ScenarioConfig::isTrue).orElse(true));
    };
  }

  /** Whether upstream queries may go over IPv4 (default yes). */
  public boolean doIp4() {
    return flag("do-ip4", true);
  }

  /** Whether upstream queries may go over IPv6 (default yes). */
  public boolean doIp6() {
    return flag("do-ip6", true);
  }

  /** Whether 127.0.0.0/8 and ::1 learned from DNS must not be asked (default yes). */
  public boolean doNotQueryLocalhost() {
    return flag("do-not-query-localhost", true);
  }

  /** The floor on cached TTLs: Deckard {@code features: min_ttl}, testbound {@code cache-min-ttl}. */
  public Optional<Duration> minTtl() {
    return seconds(dialect == Dialect.DECKARD ? "feature.min_ttl" : "cache-min-ttl");
  }

  /** The cap on cached TTLs: Deckard {@code features: max_ttl}, testbound {@code cache-max-ttl}. */
  public Optional<Duration> maxTtl() {
    return seconds(dialect == Dialect.DECKARD ? "feature.max_ttl" : "cache-max-ttl");
  }

  /** The fake clock's start: {@code val-override-date} (UTC) or {@code val-override-timestamp}. */
  public Optional<Instant> startTime() {
    Optional<Instant> date = value("val-override-date")
        .map(text -> LocalDateTime.parse(text, OVERRIDE_DATE).toInstant(ZoneOffset.UTC));
    return date.isPresent() ? date
        : value("val-override-timestamp").map(text -> Instant.ofEpochSecond(Long.parseLong(text)));
  }

  private Optional<String> value(String key) {
    List<String> given = values(key);
    return given.isEmpty() ? Optional.empty() : Optional.of(given.get(given.size() - 1));
  }

  private boolean flag(String key, boolean byDefault) {
    return value(key).map(ScenarioConfig::isTrue).orElse(byDefault);
  }

  private Optional<Duration> seconds(String key) {
    return value(key).map(text -> Duration.ofSeconds(Long.parseLong(text)));
  }

  /** Deckard's reading: on, yes, true and 1 are true, any other word false. */
  static boolean isTrue(String text) {
    return switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "on", "yes", "true", "1" -> true;
      default -> false;
    };
  }

  @Override
  public String toString() {
    return dialect + " " + values;
  }
}
