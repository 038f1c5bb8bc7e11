package org.dnschase.resolver.jdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.ResolverBuilder;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.dnssec.Validation;
import org.dnschase.resolver.host.HostsFile;
import org.dnschase.resolver.host.ResolvConf;
import org.dnschase.resolver.host.SearchList;
import org.dnschase.resolver.spi.LogText;
import org.dnschase.resolver.zones.ForwardZone;
import org.dnschase.resolver.zones.StubZone;

/**
 * The provider's configuration, read from the {@code dnschase.*} system properties (see {@link
 * DnschaseResolverProvider}). Every malformed value is an {@link IllegalArgumentException} that
 * names the property and, for a file, the file and the line.
 *
 * @param rootHints where resolution starts; null for the IANA roots
 * @param upstreamPort the port servers are asked on; null for 53
 * @param loopbackOnly whether queries may go to loopback addresses only
 * @param forwardZones zones whose names go to the given recursive servers
 * @param stubZones zones walked from the given authoritative servers
 * @param hostsFile the hosts file consulted first; null for none
 * @param resolvConf the resolv.conf read: its name servers stand for {@code system}
 * @param searchList the search domains and ndots; null for none
 * @param validation DNSSEC validation as {@code dnschase.validation} and {@code dnschase.trustAnchors}
 *     say; null for the builder's default (on exactly when no root hints are given)
 */
record ProviderSettings(RootHints rootHints, Integer upstreamPort, boolean loopbackOnly,
    List<ForwardZone> forwardZones, List<StubZone> stubZones, Path hostsFile,
    ResolvConf resolvConf, SearchList searchList, Validation validation) {

  static final String PREFIX = "dnschase.";
  private static final ResolvConf NO_RESOLV_CONF = new ResolvConf(List.of(), List.of(), SearchList.DEFAULT_NDOTS);

  /**
   * The settings the properties give.
   *
   * @param properties a property's value by its full name ({@code dnschase.ndots}), null when unset
   * @throws IllegalArgumentException naming the property (and file and line) that is malformed
   */
  static ProviderSettings read(UnaryOperator<String> properties) {
    ResolvConf conf = resolvConf(properties);
    return new ProviderSettings(
        rootHints(properties.apply(PREFIX + "rootHints")),
        port(properties.apply(PREFIX + "upstreamPort")),
        bool(PREFIX + "loopbackOnly", properties.apply(PREFIX + "loopbackOnly"), false),
        ZoneTargets.parse(PREFIX + "forwardZones", properties.apply(PREFIX + "forwardZones"), conf, ForwardZone::of),
        ZoneTargets.parse(PREFIX + "stubZones", properties.apply(PREFIX + "stubZones"), conf, StubZone::of),
        hostsFile(properties.apply(PREFIX + "hostsFile")),
        conf,
        searchList(properties, conf),
        validation(properties.apply(PREFIX + "validation"), properties.apply(PREFIX + "trustAnchors")));
  }

  /** Whether the provider is on: {@code dnschase.enabled}, true unless it says false. */
  static boolean enabled(String value) {
    return bool(PREFIX + "enabled", value, true);
  }

  /** A resolver built with these settings. */
  Resolver build() {
    ResolverBuilder builder = Resolver.builder()
        // The provider waits for each outcome itself: completing on the transport's thread costs
        // no hand-off and cannot queue behind a busy common pool the waiting caller may belong to.
        .callbackExecutor(Runnable::run);
    if (rootHints != null) {
      builder.rootHints(rootHints);
    }
    if (upstreamPort != null) {
      builder.upstreamPort(upstreamPort);
    }
    if (loopbackOnly) {
      builder.loopbackOnly();
    }
    if (hostsFile != null) {
      builder.hostsFile(HostsFile.at(hostsFile));
    }
    if (searchList != null) {
      builder.searchList(searchList);
    }
    forwardZones.forEach(builder::forwardZone);
    stubZones.forEach(builder::stubZone);
    if (validation != null) {
      builder.validation(validation);
    }
    return builder.build();
  }

  /**
   * Validation from the trust anchor file named, off when {@code dnschase.validation} says false;
   * null when neither property is set. Both together are a conflict, named.
   */
  private static Validation validation(String switchValue, String anchorFile) {
    boolean on = bool(PREFIX + "validation", switchValue, true);
    if (anchorFile == null) {
      return switchValue == null ? null : on ? Validation.ianaRoot() : Validation.off();
    }
    String property = PREFIX + "trustAnchors";
    if (!on) {
      throw new IllegalArgumentException(PREFIX + "validation=false conflicts with " + property + "=" + anchorFile);
    }
    String text = readFile(property, Path.of(anchorFile.strip()));
    try {
      return Validation.trustAnchors(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(property + ": " + anchorFile + ": " + e.getMessage(), e);
    }
  }

  private static RootHints rootHints(String file) {
    if (file == null) {
      return null;
    }
    String property = PREFIX + "rootHints";
    String text = readFile(property, Path.of(file));
    try {
      return RootHints.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(property + ": " + file + ": " + e.getMessage(), e);
    }
  }

  private static Integer port(String value) {
    if (value == null) {
      return null;
    }
    if (!value.strip().matches("[0-9]{1,5}") || Integer.parseInt(value.strip()) < 1
        || Integer.parseInt(value.strip()) > 65535) {
      throw new IllegalArgumentException(PREFIX + "upstreamPort must be a port, 1..65535, was '" + value + "'");
    }
    return Integer.parseInt(value.strip());
  }

  private static boolean bool(String property, String value, boolean absent) {
    if (value == null) {
      return absent;
    }
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(property + " must be true or false, was '" + value + "'");
    };
  }

  /** The hosts file: the one named, none for an empty value, else /etc/hosts when there is one. */
  private static Path hostsFile(String value) {
    if (value == null) {
      return Files.isRegularFile(HostsFile.SYSTEM_PATH) ? HostsFile.SYSTEM_PATH : null;
    }
    return value.isBlank() ? null : Path.of(value.strip());
  }

  /** The resolv.conf: the one named, none for an empty value, else /etc/resolv.conf when there is one. */
  private static ResolvConf resolvConf(UnaryOperator<String> properties) {
    String property = PREFIX + "resolvConf";
    String value = properties.apply(property);
    Path file = value == null ? (Files.isRegularFile(ResolvConf.SYSTEM_PATH) ? ResolvConf.SYSTEM_PATH : null)
        : value.isBlank() ? null : Path.of(value.strip());
    if (file == null) {
      return NO_RESOLV_CONF;
    }
    String text = readFile(property, file);
    try {
      return ResolvConf.parse(text, file.toString());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(property + ": " + e.getMessage(), e);
    }
  }

  /** The search list: the properties' domains and ndots, each defaulting to the resolv.conf's. */
  private static SearchList searchList(UnaryOperator<String> properties, ResolvConf conf) {
    String domains = properties.apply(PREFIX + "searchDomains");
    String ndotsValue = properties.apply(PREFIX + "ndots");
    int ndots = conf.ndots();
    if (ndotsValue != null) {
      if (!ndotsValue.strip().matches("[0-9]{1,2}") || Integer.parseInt(ndotsValue.strip()) > SearchList.MAX_NDOTS) {
        throw new IllegalArgumentException(PREFIX + "ndots must be 0.." + SearchList.MAX_NDOTS + ", was '"
            + LogText.escaped(ndotsValue) + "'");
      }
      ndots = Integer.parseInt(ndotsValue.strip());
    }
    if (domains == null) {
      return conf.search().isEmpty() ? null : new SearchList(conf.search(), ndots);
    }
    List<String> given = new ArrayList<>();
    for (String domain : domains.split("[,\\s]+")) {
      if (!domain.isEmpty()) {
        given.add(domain);
      }
    }
    try {
      return given.isEmpty() ? null : SearchList.of(given, ndots);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(PREFIX + "searchDomains: " + e.getMessage(), e);
    }
  }

  private static String readFile(String property, Path file) {
    try {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(property + ": cannot read " + file + ": no such file", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(property + ": cannot read " + file + ": " + e, e);
    }
  }
}
