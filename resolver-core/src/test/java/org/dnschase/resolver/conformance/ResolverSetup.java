package org.dnschase.resolver.conformance;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.ResolverBuilder;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.zones.SpecialUseName;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.RRsetCacheBuilder;
import org.dnschase.resolver.cache.TimeSource;
import org.dnschase.resolver.dnssec.Validation;
import org.dnschase.resolver.reply.ReplyPolicy;
import org.dnschase.resolver.spi.Transport;
import org.dnschase.resolver.testkit.scenario.ScenarioConfig;
import org.dnschase.resolver.testkit.scenario.ZoneClause;
import org.dnschase.resolver.zones.AuthZone;
import org.dnschase.resolver.zones.ForwardZone;
import org.dnschase.resolver.zones.StubZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.Address;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Name;

/**
 * Builds the resolver under test from a scenario's CONFIG (FORMAT §3): the one root server as
 * root hints, the other stub zones, the forward zones and the auth zones as the builder's, whether answers' NS
 * sets are kept (iter-scrub-promiscuous), whether sibling glue is verified
 * (harden-unverified-glue), the private-address filter, validation with the
 * scenario's trust anchors and domain-insecure zones (when it gives any), the scenario's transport
 * and clock, the cache's TTL floor and caps, serve-expired (its window, reply TTL and client
 * timeout),
 * prefetch, the restart limit and the name servers kept of an NS RRset, do-nat64, and the do-ip4, do-ip6,
 * do-not-query-localhost and
 * do-not-query-address rules as the upstream filter, the zones served locally less those local-zone
 * nodefault names. {@link ConfigSupport} says what every other
 * option means here.
 */
final class ResolverSetup {

  /**
   * Where the root is when a scenario names none (it forwards the root, or relies on Unbound's
   * built-in hints): an address from TEST-NET-1 (RFC 5737) no scripted server uses, so an
   * attempt to walk from the root is an unforeseen query, never a packet.
   */
  private static final InetAddress NO_ROOT = address("192.0.2.254");

  /** A DS whose algorithm is a mnemonic, which Unbound reads and dnsjava does not (RFC 4034 §5.3). */
  private static final Pattern DS_MNEMONIC = Pattern.compile("(\\sDS\\s+\\d+\\s+)([A-Z][A-Z0-9-]*)\\s");

  private ResolverSetup() {}

  /**
   * The cache: the scenario's clock, TTL floor and caps, serve-expired window (renewed on failure
   * with serve-expired-ttl-reset), serve-original-ttl.
   */
  static RRsetCache cache(ScenarioConfig config, TimeSource clock) {
    RRsetCacheBuilder cache = RRsetCache.builder().timeSource(clock).executor(Runnable::run);
    config.minTtl().ifPresent(cache::minTtl);
    config.maxTtl().ifPresent(cache::maxTtl);
    config.maxNegativeTtl().ifPresent(cache::maxNegativeTtl);
    if (config.flag("serve-original-ttl", false)) {
      cache.serveOriginalTtl();
    }
    if (config.flag("serve-expired", false)) {
      cache.serveStale(config.value("serve-expired-ttl").map(ResolverSetup::seconds)
          .orElse(RRsetCacheBuilder.DEFAULT_STALE_WINDOW),
          config.value("serve-expired-reply-ttl").map(ResolverSetup::seconds).orElse(RRsetCache.STALE_TTL));
      if (config.flag("serve-expired-ttl-reset", false)) {
        cache.renewStaleOnFailure();
      }
    }
    return cache.build();
  }

  static ResolverBuilder builder(ScenarioConfig config, Transport transport, TimeSource clock, RRsetCache cache) {
    ResolverBuilder builder = Resolver.builder()
        .rootHints(rootHints(config))
        .transport(transport)
        .timeSource(clock)
        .cache(cache)
        .prefetch(config.flag("prefetch", false))
        .replyPolicy(ReplyPolicy.defaults()
            .withAnswerNameServersCached(!config.flag("iter-scrub-promiscuous", true))
            .withGlueVerified(config.flag("harden-unverified-glue", false))
            .withPrivateAddresses(config.values("private-address"), config.values("private-domain")))
        .upstreamFilter(allowed(config), describe(config))
        // Unbound's serve-expired-client-timeout is in milliseconds; 0 (answer stale at once) by default.
        .staleAnswerTimeout(Duration.ofMillis(config.value("serve-expired-client-timeout").map(Long::parseLong)
            .orElse(0L)));
    nat64Prefix(config).ifPresent(builder::nat64);
    // Unbound's num-queries-per-thread, with its jostle-timeout default of 200 ms.
    config.value("num-queries-per-thread").ifPresent(slots -> builder.maxResolutionsInFlight(Integer.parseInt(slots),
        Duration.ofMillis(config.value("jostle-timeout").map(Long::parseLong).orElse(200L))));
    // testbound runs Unbound, whose answers live in its message cache (msg-cache-size, 4 MB by default).
    if (config.dialect() == ScenarioConfig.Dialect.TESTBOUND) {
      builder.messageCache(config.value("msg-cache-size").map(ResolverSetup::bytes).orElse(4L << 20));
    }
    // Deckard's forwarding mode: every name to one recursive server, a forward zone for the root.
    config.value("forward-addr").ifPresent(server -> builder.forwardZone(new ForwardZone(Name.root,
        List.of(new InetSocketAddress(address(server), 0)), List.of(), false)));
    for (ZoneClause zone : config.forwardZones()) {
      builder.forwardZone(new ForwardZone(zone.name(), servers(zone), zone.hosts(), zone.first(), !zone.noCache(),
          zone.tcpUpstream()));
    }
    config.stubZones().stream().filter(zone -> !zone.name().equals(Name.root)).forEach(zone -> builder.stubZone(
        new StubZone(zone.name(), servers(zone), zone.hosts(), zone.prime(), zone.first())));
    config.authZones().forEach(zone -> builder.authZone(AuthZone.parse(zone.name().toString(), zone.zoneText())));
    builder.specialUseNames(servedLocally(config));
    // Validation exactly when the scenario gives trust anchors (FORMAT §3): they replace the root's.
    // DSA is validated, as by the Unbound (built with DSA) these scenarios were written for.
    List<String> anchors = config.values("trust-anchor");
    List<Name> insecure = config.values("domain-insecure").stream().map(ResolverSetup::absolute).toList();
    if (anchors.isEmpty()) {
      builder.validation(Validation.off());
    } else {
      Validation validation = Validation.trustAnchors(String.join("\n", anchors.stream().map(ResolverSetup::anchorText)
              .toList())).withNegativeTrustAnchors(insecure).withLegacyAlgorithms(Set.of(Validation.LegacyAlgorithm.DSA));
      if (config.value("aggressive-nsec").filter("no"::equals).isPresent()) {
        validation = validation.withoutAggressiveNsec();
      }
      builder.validation(config.value("prefetch-key").filter("yes"::equals).isPresent()
          ? validation.withKeyPrefetch() : validation);
    }
    return builder.budgets(budgets(config));
  }

  /**
   * The limits: the restart limit as hops, iter-scrub-ns as the name servers kept of an NS RRset,
   * outbound-msg-retry as the attempts per server (0 still sends the one query: rrset_use_cached
   * gives a single SERVFAIL with it).
   */
  private static Budgets budgets(ScenarioConfig config) {
    Budgets budgets = Budgets.DEFAULTS;
    // Unbound counts restarts where we count hops; several CNAMEs of one reply cost it one restart.
    Optional<String> restarts = config.value("max-query-restarts");
    if (restarts.isPresent()) {
      budgets = budgets.withMaxHops(Integer.parseInt(restarts.get()) + 1);
    }
    Optional<String> retries = config.value("outbound-msg-retry");
    if (retries.isPresent()) {
      budgets = budgets.withMaxAttemptsPerServer(Math.max(1, Integer.parseInt(retries.get())));
    }
    Optional<String> nameServers = config.value("iter-scrub-ns");
    return nameServers.isPresent() ? budgets.withMaxNameServers(Integer.parseInt(nameServers.get())) : budgets;
  }

  /**
   * A trust anchor as master-file text: what the CONFIG reader left of {@code "owner TTL IN DS ..."}
   * once its {@code ;} comment was cut, which may take the closing quote with it.
   */
  private static String anchorText(String value) {
    Matcher mnemonic = DS_MNEMONIC.matcher(value.replace("\"", "").strip());
    return mnemonic.replaceAll(match -> match.group(1) + DNSSEC.Algorithm.value(match.group(2)) + " ");
  }


  private static Name absolute(String name) {
    return Name.fromConstantString(name.endsWith(".") ? name : name + ".");
  }

  /**
   * The zones served locally: Unbound's defaults are ours (test. aside), and {@code local-zone: X
   * nodefault} turns off the group of ours that serves X, all of it, as near as the groups come.
   */
  private static Set<SpecialUseName> servedLocally(ScenarioConfig config) {
    List<Name> noDefault = config.values("local-zone").stream().map(value -> value.split("\\s+"))
        .filter(words -> words.length == 2 && words[1].equals("nodefault"))
        .map(words -> absolute(words[0].replace("\"", ""))).toList();
    Set<SpecialUseName> served = EnumSet.allOf(SpecialUseName.class);
    served.removeIf(special -> noDefault.stream().anyMatch(special.zones()::contains));
    return served;
  }

  /** A zone clause's addresses, on the scripted servers' port (the resolver's upstream port). */
  private static List<InetSocketAddress> servers(ZoneClause zone) {
    return zone.addresses().stream().map(address -> new InetSocketAddress(address, 0)).toList();
  }

  private static RootHints rootHints(ScenarioConfig config) {
    List<InetAddress> addresses = config.rootServerAddresses();
    return RootHints.of(Map.of(config.rootServerName(), addresses.isEmpty() ? List.of(NO_ROOT) : addresses));
  }

  /** do-nat64's prefix: nat64-prefix, else the Well-Known Prefix; empty without do-nat64. */
  private static Optional<String> nat64Prefix(ScenarioConfig config) {
    return config.flag("do-nat64", false)
        ? Optional.of(config.value("nat64-prefix").orElse(Defaults.NAT64_PREFIX)) : Optional.empty();
  }

  /**
   * The addresses the resolver may ask. The root hint itself is exempt from
   * do-not-query-localhost: FORMAT §3.1 notes {@code iter_minim_a} has its root at 127.0.0.10.
   * Unbound never applies do-not-query-address inside the NAT64 prefix, through which do-nat64
   * reaches every IPv4 server (iter_nat64_donotq refuses all of IPv6 but that).
   */
  private static Predicate<InetAddress> allowed(ScenarioConfig config) {
    List<InetAddress> hints = config.rootServerAddresses();
    boolean ip4 = config.doIp4();
    boolean ip6 = config.doIp6();
    boolean noLocalhost = config.doNotQueryLocalhost();
    List<Predicate<InetAddress>> refused = new ArrayList<>();
    config.values("do-not-query-address").forEach(prefix -> refused.add(prefix(prefix)));
    Predicate<InetAddress> nat64 = nat64Prefix(config).map(ResolverSetup::prefix).orElse(address -> false);
    return address -> (address instanceof Inet4Address ? ip4 : ip6)
        && !(noLocalhost && address.isLoopbackAddress() && !hints.contains(address))
        && (nat64.test(address) || refused.stream().noneMatch(rule -> rule.test(address)));
  }

  /** An address or {@code address/length} prefix, as do-not-query-address takes it. */
  private static Predicate<InetAddress> prefix(String text) {
    int slash = text.indexOf('/');
    InetAddress network = address(slash < 0 ? text : text.substring(0, slash));
    int length = slash < 0 ? network.getAddress().length * 8 : Integer.parseInt(text.substring(slash + 1));
    return address -> address.getClass() == network.getClass()
        && Address.truncate(address, length).equals(Address.truncate(network, length));
  }

  private static InetAddress address(String text) {
    try {
      return Address.getByAddress(text);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException("not an address: " + text, e);
    }
  }

  /** A size as unbound.conf writes it: a number with an optional k, m or g. */
  private static long bytes(String text) {
    String size = text.strip().toLowerCase(java.util.Locale.ROOT);
    int shift = switch (size.charAt(size.length() - 1)) {
      case 'k' -> 10;
      case 'm' -> 20;
      case 'g' -> 30;
      default -> 0;
    };
    return Long.parseLong(shift == 0 ? size : size.substring(0, size.length() - 1)) << shift;
  }

  private static Duration seconds(String text) {
    return Duration.ofSeconds(Long.parseLong(text));
  }

  private static String describe(ScenarioConfig config) {
    return "scenario CONFIG: do-ip4 " + config.doIp4() + ", do-ip6 " + config.doIp6()
        + ", do-not-query-localhost " + config.doNotQueryLocalhost()
        + ", do-not-query-address " + config.values("do-not-query-address");
  }
}
