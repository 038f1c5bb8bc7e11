package org.dnschase.resolver.internal.chase;

import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.rules.AliasCheck;
import org.dnschase.resolver.rules.Breach;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * The alias rules ({@link AliasCheck}, shared with the testkit's zone check) and the chain's length,
 * checked against what servers returned. Each broken rule is a {@link Diagnostic}; none changes
 * what the resolver does (the alias is followed either way).
 */
public final class RuleDiagnostics {

  private RuleDiagnostics() {}

  /**
   * Checks a CNAME at {@code owner} against the other RRsets of the same answer section, given
   * the zone the answering server was asked as an authority for; {@code source}, where the
   * answer came from, is turned into text only when there is something to report. Other data is
   * reported once per RRset; every CNAME record counts, so a second alias is seen.
   */
  public static List<Diagnostic> checkCname(Name owner, Name zone, List<RRset> answer, Object source) {
    return checkCname(owner, zone, answer, source, true);
  }

  /**
   * As {@link #checkCname(Name, Name, List, Object)}, for an answer whose CNAME may not be
   * followed: an ANY question, which the records at the name answer (RFC 1034 §4.3.2 step 3a),
   * still reports the data beside the CNAME (RFC 1034 §3.6.2), saying the alias was not taken.
   */
  public static List<Diagnostic> checkCname(Name owner, Name zone, List<RRset> answer, Object source,
      boolean followed) {
    List<org.xbill.DNS.Record> atOwner = new ArrayList<>(2);
    for (RRset set : answer) {
      if (set.getName().equals(owner)) {
        if (set.getType() == Type.CNAME) {
          atOwner.addAll(set.rrs(false));
        } else {
          atOwner.add(set.first());
        }
      }
    }
    List<Breach> breaches = AliasCheck.atOwner(zone, atOwner);
    return breaches.isEmpty() ? List.of()
        : breaches.stream().map(breach -> diagnostic(breach, owner, zone, source, followed)).toList();
  }

  private static Diagnostic diagnostic(Breach breach, Name owner, Name zone, Object source, boolean followed) {
    String detail = switch (breach.rule()) {
      case CNAME_AT_APEX -> owner + " is the apex of " + zone + " and a CNAME (from " + source + ")";
      case CNAME_AND_DNAME -> owner + " owns both a CNAME and a DNAME (from " + source + ")";
      case MULTIPLE_CNAMES -> "from " + source + " returned more than one CNAME at " + owner + ", to "
          + target(breach.beside()) + " and to " + target(breach.at())
          + (followed ? "; the first was followed" : "; none was followed");
      default -> "from " + source + " returned a CNAME and " + Type.string(otherThanCname(breach))
          + " at " + owner + (followed ? "; the CNAME was followed" : "; the CNAME was not followed");
    };
    return new Diagnostic(breach.rule(), owner, detail);
  }

  private static int otherThanCname(Breach breach) {
    return breach.at().getType() == Type.CNAME ? breach.beside().getType() : breach.at().getType();
  }

  private static Name target(org.xbill.DNS.Record cname) {
    return ((CNAMERecord) cname).getTarget();
  }

  /** A chain of {@code hops} hops is reported once it is longer than {@code threshold}. */
  public static List<Diagnostic> checkLength(Name qname, int hops, int threshold) {
    return hops <= threshold ? List.of() : List.of(new Diagnostic(Diagnostic.Oddity.LONG_CHAIN, qname,
        "the chain from " + qname + " has " + hops + " hops, more than " + threshold));
  }

  /**
   * RFC 2181 §10.3, RFC 2782: the target of a record of {@code type} (NS, MX, SRV) at {@code owner}
   * is an alias for {@code aliasFor}.
   *
   * @throws IllegalArgumentException for a type whose target may be an alias
   */
  public static Diagnostic aliasTarget(int type, Name owner, Name target, Name aliasFor) {
    return new Diagnostic(AliasCheck.targetRule(type).orElseThrow(() -> new IllegalArgumentException(
        Type.string(type) + " targets may be aliases")), owner,
        Type.string(type) + " target " + target + " of " + owner + " is an alias for " + aliasFor);
  }
}
