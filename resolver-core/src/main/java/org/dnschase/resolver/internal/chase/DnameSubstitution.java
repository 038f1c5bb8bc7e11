package org.dnschase.resolver.internal.chase;

import java.util.Optional;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;

/**
 * RFC 6672 §2.2: a DNAME at owner O with target T rewrites every name strictly below O by
 * replacing the suffix O with T. It never applies to O itself (§2.3).
 */
public final class DnameSubstitution {

  private DnameSubstitution() {}

  /** Whether the DNAME owned by {@code owner} redirects {@code name}: only names strictly below it. */
  public static boolean applies(Name owner, Name name) {
    return name.subdomain(owner) && !name.equals(owner);
  }

  /**
   * The name {@code name} is rewritten to, or empty when the result would exceed 255 octets,
   * which the RFC answers with YXDOMAIN.
   *
   * @throws IllegalArgumentException if the DNAME does not apply to the name
   */
  public static Optional<Name> substitute(Name name, DNAMERecord dname) {
    if (!applies(dname.getName(), name)) {
      throw new IllegalArgumentException(dname.getName() + " DNAME does not apply to " + name);
    }
    try {
      return Optional.of(name.fromDNAME(dname));
    } catch (NameTooLongException e) {
      return Optional.empty();
    }
  }
}
