package org.dnschase.resolver.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.dnschase.resolver.testkit.scenario.ConfigSetting;
import org.dnschase.resolver.testkit.scenario.ScenarioConfig;

/**
 * Every CONFIG option the corpus uses, and what the runner does with it: {@link ResolverSetup}
 * maps it to a builder setting, or it has no effect a scenario can observe here (with why), or
 * the resolver has no equivalent, which makes the scenario fail with that reason (so it can only
 * be a known gap, never a silent pass). An option missing from this table is an error naming the
 * file and line.
 */
final class ConfigSupport {

  /** A setting's value to the reason it cannot be honoured; empty when it is honoured or has no effect. */
  private interface Rule extends Function<String, Optional<String>> {}

  private static final Rule HONOURED = value -> Optional.empty();

  private static Rule unsupported(String reason) {
    return value -> Optional.of(reason);
  }

  private static Rule unsupportedIf(boolean when, String reason) {
    return value -> ScenarioConfig.isTrue(value) == when ? Optional.of(reason) : Optional.empty();
  }

  /**
   * Options that take effect through {@link ResolverSetup}, or that change only what the checks
   * compare exactly (so a difference fails the check), or only Unbound's internals.
   */
  private static final Map<String, Rule> SERVER = Map.ofEntries(
      // Mapped by ResolverSetup.
      Map.entry("qname-minimisation", HONOURED),
      Map.entry("query-minimization", HONOURED),
      Map.entry("do-ip4", HONOURED),
      Map.entry("do-ip6", HONOURED),
      Map.entry("do-not-query-localhost", HONOURED),
      Map.entry("stub-addr", HONOURED),
      Map.entry("stub-name", HONOURED),
      Map.entry("cache-min-ttl", HONOURED),
      Map.entry("cache-max-ttl", HONOURED),
      Map.entry("cache-max-negative-ttl", HONOURED),
      Map.entry("min_ttl", HONOURED),
      Map.entry("max_ttl", HONOURED),
      Map.entry("prefetch", HONOURED),
      Map.entry("serve-expired", HONOURED),
      Map.entry("serve-expired-ttl", HONOURED),
      Map.entry("serve-expired-reply-ttl", HONOURED),
      Map.entry("serve-expired-client-timeout", HONOURED),
      Map.entry("serve-original-ttl", HONOURED),
      Map.entry("serve-expired-ttl-reset", HONOURED),
      Map.entry("num-queries-per-thread", HONOURED),
      Map.entry("msg-cache-size", HONOURED),
      Map.entry("jostle-timeout", HONOURED),
      Map.entry("max-query-restarts", HONOURED),
      Map.entry("iter-scrub-ns", HONOURED),
      Map.entry("harden-unverified-glue", HONOURED),
      Map.entry("do-nat64", HONOURED),
      Map.entry("nat64-prefix", HONOURED),
      Map.entry("outbound-msg-retry", HONOURED),
      Map.entry("iter-scrub-promiscuous", HONOURED),
      Map.entry("private-address", HONOURED),
      Map.entry("private-domain", HONOURED),
      Map.entry("forward-addr", HONOURED),
      Map.entry("val-override-date", value -> value.equals("-1")
          ? Optional.of("validating without checking signature dates (val-override-date: -1): ours always checks them")
          : Optional.empty()),
      Map.entry("val-override-timestamp", HONOURED),
      // minimal-responses: ScenarioRun adds the referral data (ReferralData). What else a
      // response carries beside the answer (RFC 8914
      // extended errors, record order): the CHECK_ANSWER entries compare it exactly.
      Map.entry("minimal-responses", HONOURED),
      Map.entry("ede", HONOURED), // ScenarioRun adds the Extended DNS Error, as the server does
      Map.entry("ede-serve-expired", HONOURED),
      Map.entry("rrset-roundrobin", HONOURED),
      // Unbound's own machinery: threads, cache sizes and slabs, logging, which NS addresses it
      // fetches ahead (ours: a forward or stub zone's named servers, always; a walked delegation's
      // glueless ones when needed), its scrubber's policy knobs; the scripted servers see our
      // queries as they are.
      Map.entry("target-fetch-policy", HONOURED),
      Map.entry("msg-cache-slabs", HONOURED),
      Map.entry("verbosity", HONOURED),
      Map.entry("log-servfail", HONOURED),
      Map.entry("discard-timeout", HONOURED),
      Map.entry("max-global-quota", HONOURED),
      // The runner is the only client: access control has nobody to refuse.
      Map.entry("access-control", HONOURED),
      // DNSSEC, mapped by ResolverSetup: trust anchors turn validation on, domain-insecure zones
      // are negative trust anchors (RFC 7646).
      Map.entry("trust-anchor", HONOURED),
      Map.entry("domain-insecure", HONOURED),
      // The validator's own machinery, or what it does anyway: Unbound's module list, its logging,
      // SHA-1 and DSA signatures accepted unchecked where a build lacks them (ours checks them), how often
      // it re-asks other servers after bogus data, RFC 8145 key tag queries (which a scenario only
      // ever switches off). Aggressive use of NSEC (RFC 8198) is mapped by ResolverSetup.
      Map.entry("module-config", HONOURED),
      Map.entry("val-log-level", HONOURED),
      Map.entry("fake-sha1", HONOURED),
      Map.entry("fake-dsa", HONOURED),
      Map.entry("harden-algo-downgrade", unsupportedIf(true, "insisting that every algorithm the DS set or trust "
          + "anchor lists signs the zone (harden-algo-downgrade: yes), which RFC 6840 §5.11 advises validators "
          + "against: ours accepts any one algorithm that works")),
      Map.entry("val-max-restart", HONOURED),
      Map.entry("trust-anchor-signaling", unsupportedIf(true, "RFC 8145 key tag queries (trust-anchor-signaling)")),
      Map.entry("aggressive-nsec", HONOURED),
      Map.entry("val-nsec3-keysize-iterations", unsupported("NSEC3 iteration limits by key size "
          + "(val-nsec3-keysize-iterations): ours is one limit for every key, Defaults.MAX_NSEC3_ITERATIONS, 150")),
      Map.entry("prefetch-key", HONOURED), // mapped by ResolverSetup
      // Unbound's default local zones are ours (SpecialUseName) but test. (RFC 6761 §6.2: resolved
      // normally); a nodefault turns ours off (ResolverSetup), local data is not ours.
      Map.entry("local-zone", value -> value.matches("\\S+\\s+nodefault") ? Optional.empty()
          : Optional.of("local zones (local-zone: local data), a feature we deliberately do not have")),
      Map.entry("directory", HONOURED),
      // Our scrubbing keeps nothing of an additional section but the addresses of name servers.
      Map.entry("harden-unknown-additional", HONOURED),
      // What we do always, and cannot switch off.
      Map.entry("harden-glue", unsupportedIf(false, "accepting out-of-bailiwick glue (harden-glue: no)")),
      // A forwarder is a recursive server: the CNAME chain its reply gives is used as given.
      Map.entry("harden-cname-follow", unsupportedIf(true,
          "asking a forwarder again for every CNAME target of a chain it answered (harden-cname-follow: yes)")),
      Map.entry("harden-dnssec-stripped", unsupportedIf(false, "making a trust-anchored zone whose DNSSEC "
          + "records are missing, or whose keys fail to validate, insecure instead of bogus (harden-dnssec-stripped: no)")),
      Map.entry("harden-below-nxdomain", unsupportedIf(false,
          "resolving below a cached NXDOMAIN (harden-below-nxdomain: no; RFC 8020 is always on)")),
      Map.entry("harden-referral-path", unsupportedIf(true, "re-querying the NS sets of referrals (harden-referral-path)")),
      Map.entry("tcp-upstream", unsupportedIf(true, "every upstream query over TCP only (tcp-upstream); a forward zone's "
          + "servers can be (forward-tcp-upstream)")),
      // Features the resolver does not have.
      Map.entry("do-not-query-address", HONOURED),
      Map.entry("force-ipv6", unsupported("preferring IPv6 for the root hint (force-ipv6)")));

  /**
   * testbound directives around the config lines, and options of the auth-zone clause, which
   * ResolverSetup maps to an auth zone of the builder: its data answers the resolution itself, as
   * Unbound's for-upstream does, never a client directly.
   */
  private static final Map<String, Rule> AUTH_ZONE = Map.of(
      "name", HONOURED, "zonefile", HONOURED,
      "for-upstream", unsupportedIf(false, "an auth zone for clients only (for-upstream: no)"),
      "for-downstream", unsupportedIf(true, "answering clients from an auth zone directly, authoritatively "
          + "(for-downstream: yes)"),
      "fallback-enabled", unsupportedIf(true, "resolving an auth zone's names from the internet when its data "
          + "fails (fallback-enabled: yes)"),
      "TEMPFILE_NAME", HONOURED, "TEMPFILE_CONTENTS", HONOURED);

  /**
   * A Deckard file's {@code name: "."}, the stub zone line testbound writes above {@code
   * stub-addr}: Deckard's {@code stub-addr} is the root's server, so only the root can be named.
   */
  private static final Rule ROOT_STUB_NAME = value -> value.equals(".") ? Optional.empty()
      : Optional.of("a stub zone other than the root (name: " + value + "): Deckard's stub-addr is the root's server");

  private ConfigSupport() {}

  /**
   * What of {@code config} the resolver cannot honour, one line each with the setting and the
   * missing behaviour; empty when the scenario can run as written.
   *
   * @throws IllegalArgumentException naming the file and line of an option this table lacks
   */
  static List<String> unsupported(String file, ScenarioConfig config) {
    List<String> found = new ArrayList<>();
    for (ConfigSetting setting : config.settings()) {
      Rule rule = switch (setting.clause()) {
        case "stub-zone", "forward-zone" -> zoneRule(setting);
        case "auth-zone", "testbound" -> AUTH_ZONE.get(setting.key());
        case ConfigSetting.DECKARD -> setting.key().equals("name") ? ROOT_STUB_NAME : SERVER.get(setting.key());
        default -> SERVER.get(setting.key());
      };
      if (rule == null) {
        throw new IllegalArgumentException(file + ":" + setting.line() + ": CONFIG option '" + setting.key()
            + "' (" + setting.clause() + ") is unknown to the runner: map it in ResolverSetup or list it in "
            + "ConfigSupport with what it means here");
      }
      rule.apply(setting.value()).ifPresent(reason -> found.add(setting + ": " + reason));
    }
    return found.stream().distinct().toList();
  }

  /** Stub and forward zones are mapped by ResolverSetup (the root stub zone is the root hint). */
  private static Rule zoneRule(ConfigSetting setting) {
    return switch (setting.key()) {
      case "name", "stub-addr", "stub-host", "forward-addr", "forward-host", "stub-first", "forward-first",
          "stub-prime" -> HONOURED;
      case "forward-no-cache" -> HONOURED;
      case "stub-no-cache" -> unsupportedIf(true, "stub zones whose answers are not cached (stub-no-cache)");
      case "forward-tcp-upstream" -> HONOURED;
      case "stub-tcp-upstream" -> unsupportedIf(true, "a stub zone's servers asked over TCP only (stub-tcp-upstream)");
      default -> null;
    };
  }
}
