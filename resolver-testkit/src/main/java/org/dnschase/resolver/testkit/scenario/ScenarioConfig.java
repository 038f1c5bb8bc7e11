package org.dnschase.resolver.testkit.scenario;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.xbill.DNS.Name;

/**
 * The CONFIG section of a scenario (FORMAT §3), read from either dialect: Deckard's
 * {@code key: value} lines or testbound's {@code unbound.conf} text. The accessors translate the
 * settings a resolver under test can map; {@link #settings()} gives every setting as written,
 * with its line, so a runner can refuse the ones it cannot honour.
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
  private static final int OVERRIDE_DATE_DIGITS = 14;

  private final Dialect dialect;
  private final List<ConfigSetting> settings;
  private final List<ZoneClause> stubZones;
  private final List<ZoneClause> forwardZones;
  private final List<AuthZoneClause> authZones;

  ScenarioConfig(Dialect dialect, List<ConfigSetting> settings, List<ZoneClause> stubZones,
      List<ZoneClause> forwardZones, List<AuthZoneClause> authZones) {
    this.dialect = dialect;
    this.settings = List.copyOf(settings);
    this.stubZones = List.copyOf(stubZones);
    this.forwardZones = List.copyOf(forwardZones);
    this.authZones = List.copyOf(authZones);
  }

  /** {@return which replayer's files the scenario follows} */
  public Dialect dialect() {
    return dialect;
  }

  /** {@return every setting in file order, zone clauses' options included} */
  public List<ConfigSetting> settings() {
    return settings;
  }

  /**
   * Every value given for {@code key} outside stub, forward and auth zones (Deckard lines, features
   * knobs, testbound {@code server:} options), in file order; empty if absent.
   *
   * @param key a setting's name, e.g. {@code harden-glue}
   * @return its values, in file order
   */
  public List<String> values(String key) {
    return settings.stream()
        .filter(setting -> !List.of("stub-zone", "forward-zone", "auth-zone").contains(setting.clause()))
        .filter(setting -> setting.key().equals(key)).map(ConfigSetting::value).toList();
  }

  /** {@return testbound's {@code stub-zone:} clauses, the root's included; Deckard's root is one too} */
  public List<ZoneClause> stubZones() {
    return stubZones;
  }

  /** {@return testbound's {@code forward-zone:} clauses} */
  public List<ZoneClause> forwardZones() {
    return forwardZones;
  }

  /** {@return testbound's {@code auth-zone:} clauses, each with its zone file's text} */
  public List<AuthZoneClause> authZones() {
    return authZones;
  }

  /** {@return the name of the one root server (Deckard's {@code stub-name}, default k.root-servers.net.)} */
  public Name rootServerName() {
    return value("stub-name").map(text -> Name.fromConstantString(text.endsWith(".") ? text : text + "."))
        .orElse(DEFAULT_ROOT_SERVER_NAME);
  }

  /**
   * The root server's addresses: the root stub-zone's ({@code stub-addr} in Deckard's dialect);
   * empty when the scenario names none (it forwards the root, or relies on built-in hints).
   *
   * @return the root server's addresses, possibly none
   */
  public List<InetAddress> rootServerAddresses() {
    return stubZones.stream().filter(zone -> zone.name().equals(Name.root))
        .flatMap(zone -> zone.addresses().stream()).toList();
  }

  /**
   * Whether the scenario fixes QNAME minimisation. Empty in a Deckard file that does not say,
   * which means it must pass both ways; testbound files default to on, as Unbound does.
   *
   * @return whether QNAME minimisation is on, empty when the scenario does not say
   */
  public Optional<Boolean> qnameMinimisation() {
    return switch (dialect) {
      case DECKARD -> value("query-minimization").map(ScenarioConfig::isTrue);
      case TESTBOUND -> Optional.of(value("qname-minimisation").map(ScenarioConfig::isTrue).orElse(true));
    };
  }

  /** {@return whether upstream queries may go over IPv4 (default yes)} */
  public boolean doIp4() {
    return flag("do-ip4", true);
  }

  /** {@return whether upstream queries may go over IPv6 (default yes)} */
  public boolean doIp6() {
    return flag("do-ip6", true);
  }

  /** {@return whether 127.0.0.0/8 and ::1 learned from DNS must not be asked (default yes)} */
  public boolean doNotQueryLocalhost() {
    return flag("do-not-query-localhost", true);
  }

  /** {@return the floor on cached TTLs: Deckard {@code features: min_ttl}, testbound {@code cache-min-ttl}} */
  public Optional<Duration> minTtl() {
    return seconds(dialect == Dialect.DECKARD ? "min_ttl" : "cache-min-ttl");
  }

  /** {@return the cap on cached TTLs: Deckard {@code features: max_ttl}, testbound {@code cache-max-ttl}} */
  public Optional<Duration> maxTtl() {
    return seconds(dialect == Dialect.DECKARD ? "max_ttl" : "cache-max-ttl");
  }

  /** {@return the cap on cached negative answers' TTLs: testbound {@code cache-max-negative-ttl}} */
  public Optional<Duration> maxNegativeTtl() {
    return seconds("cache-max-negative-ttl");
  }

  /**
   * The fake clock's start: {@code val-override-date}, an RRSIG-style time (RFC 4034 §3.2:
   * {@code YYYYMMDDHHmmSS} in UTC, or seconds since 1970 as Deckard's own scenarios write it), or
   * {@code val-override-timestamp}.
   *
   * @return the start, empty when the scenario gives none
   */
  public Optional<Instant> startTime() {
    // Unbound's -1 means "check no signature dates": no clock to start from.
    Optional<Instant> date = value("val-override-date").filter(text -> !text.equals("-1"))
        .map(ScenarioConfig::rrsigTime);
    return date.isPresent() ? date
        : value("val-override-timestamp").map(text -> Instant.ofEpochSecond(Long.parseLong(text)));
  }

  private static Instant rrsigTime(String text) {
    return text.length() == OVERRIDE_DATE_DIGITS ? LocalDateTime.parse(text, OVERRIDE_DATE).toInstant(ZoneOffset.UTC)
        : Instant.ofEpochSecond(Long.parseLong(text));
  }

  /**
   * The last value of {@code key} outside zone clauses, if any.
   *
   * @param key a setting's name
   * @return its last value, empty if absent
   */
  public Optional<String> value(String key) {
    List<String> given = values(key);
    return given.isEmpty() ? Optional.empty() : Optional.of(given.get(given.size() - 1));
  }

  /**
   * {@code key}'s last value read as a boolean (see {@link #isTrue}), else {@code byDefault}.
   *
   * @param key a setting's name
   * @param byDefault the value when the setting is absent
   * @return the setting as a boolean
   */
  public boolean flag(String key, boolean byDefault) {
    return value(key).map(ScenarioConfig::isTrue).orElse(byDefault);
  }

  private Optional<Duration> seconds(String key) {
    return value(key).map(text -> Duration.ofSeconds(Long.parseLong(text)));
  }

  /**
   * Deckard's reading: on, yes, true and 1 are true, any other word false.
   *
   * @param text a setting's value
   * @return whether it means true
   */
  public static boolean isTrue(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "on", "yes", "true", "1" -> true;
      default -> false;
    };
  }

  @Override
  public String toString() {
    return dialect + " " + settings;
  }
}
