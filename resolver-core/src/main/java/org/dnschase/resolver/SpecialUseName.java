package org.dnschase.resolver;

import org.xbill.DNS.Name;

/**
 * Special-use names a resolver answers itself instead of asking the DNS, each as its RFC says.
 * All are on by default; {@link ResolverBuilder#specialUseNames(java.util.Set)} chooses.
 * {@code test.} and {@code example.} are not here: they resolve normally (RFC 6761 §6.2, §6.5).
 */
public enum SpecialUseName {
  /** {@code localhost.} and below: A 127.0.0.1, AAAA ::1, NODATA otherwise (RFC 6761 §6.3). */
  LOCALHOST("localhost."),
  /** {@code invalid.} and below: NXDOMAIN without a query (RFC 6761 §6.4). */
  INVALID("invalid."),
  /** {@code onion.} and below: NXDOMAIN, never leaked to the DNS (RFC 7686 §2). */
  ONION("onion.");

  private final Name domain;

  SpecialUseName(String domain) {
    this.domain = Name.fromConstantString(domain);
  }

  /**
   * The domain whose names this rule covers, itself included.
   *
   * @return the domain
   */
  public Name domain() {
    return domain;
  }

  /**
   * Whether {@code name} is this domain or below it.
   *
   * @param name an absolute name
   * @return true when the rule applies to {@code name}
   */
  public boolean covers(Name name) {
    return name.subdomain(domain);
  }
}
