package org.dnschase.resolver.internal.dnssec.denial;

import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.Type;

/**
 * What one NSEC record says about a name (RFC 4035 §4.1, §5.4), in dnsjava's canonical name order
 * ({@link Name#compareTo}, RFC 4034 §6.1).
 */
public final class Nsecs {
  private static final Name WILDCARD_LABEL = Name.fromConstantString("*");

  private Nsecs() {}

  /**
   * Whether {@code nsec} proves that {@code name} does not exist: the name sorts after the owner
   * and before the next name (or after the last owner, whose next name is the apex), and no
   * descendant of it is the next name. An NSEC at an ancestor that is a delegation point or holds a
   * DNAME proves nothing below it: those names are not the zone's (RFC 4035 §5.4, RFC 6672 §5.3.2).
   *
   * @param nsec a validated NSEC of {@code zone}
   * @param name the name
   * @param zone the zone that signed the NSEC
   * @return true if the NSEC covers the name
   */
  public static boolean covers(NSECRecord nsec, Name name, Name zone) {
    Name owner = nsec.getName();
    Name next = nsec.getNext();
    if (!name.subdomain(zone) || owner.compareTo(name) >= 0) {
      return false;
    }
    if (name.subdomain(owner) && (nsec.hasType(Type.DNAME) || isDelegation(nsec))) {
      return false;
    }
    if (next.subdomain(name) && !next.equals(name)) {
      return false; // the name has a descendant: it is an empty non-terminal
    }
    boolean last = next.compareTo(owner) <= 0;
    return last || name.compareTo(next) < 0;
  }

  /**
   * Whether {@code nsec} proves {@code name} an empty non-terminal: the name sorts after the owner
   * and the next name is a descendant of it (RFC 4035 §3.1.3.2 with RFC 7129 §3.2).
   */
  static boolean provesEmptyNonTerminal(NSECRecord nsec, Name name) {
    Name next = nsec.getNext();
    return nsec.getName().compareTo(name) < 0 && next.subdomain(name) && !next.equals(name);
  }

  /**
   * The closest encloser of {@code qname} an NSEC covering it shows: the longer of the ancestors
   * it shares with the owner and with the next name (RFC 4035 §5.4; Unbound's
   * nsec_closest_encloser).
   */
  static Name closestEncloser(NSECRecord nsec, Name qname) {
    Name byOwner = commonAncestor(qname, nsec.getName());
    Name byNext = commonAncestor(qname, nsec.getNext());
    return byOwner.labels() >= byNext.labels() ? byOwner : byNext;
  }

  /** Whether the record marks a delegation point as its parent zone sees it: NS without SOA. */
  static boolean isDelegation(NSECRecord nsec) {
    return nsec.hasType(Type.NS) && !nsec.hasType(Type.SOA);
  }

  /** The longest name both {@code a} and {@code b} are at or below. */
  static Name commonAncestor(Name a, Name b) {
    int shared = 1; // the root label
    int most = Math.min(a.labels(), b.labels());
    while (shared < most && suffix(a, shared + 1).equals(suffix(b, shared + 1))) {
      shared++;
    }
    return suffix(a, shared);
  }

  private static Name suffix(Name name, int labels) {
    return new Name(name, name.labels() - labels);
  }

  /**
   * {@code *.encloser}, the wildcard that would answer below the closest encloser, or null when the
   * encloser is too long for one (RFC 1035 §2.3.4): then no wildcard can answer.
   */
  static Name wildcardAt(Name encloser) {
    try {
      return Name.concatenate(WILDCARD_LABEL, encloser);
    } catch (NameTooLongException e) {
      return null;
    }
  }
}
