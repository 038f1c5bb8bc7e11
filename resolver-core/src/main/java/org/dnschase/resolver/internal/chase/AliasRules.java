package org.dnschase.resolver.internal.chase;

import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.Diagnostic;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * The rules a CNAME must keep, checked against what a server returned. Each broken rule is a
 * {@link Diagnostic}; none changes what the resolver does (the CNAME is followed either way).
 */
public final class AliasRules {

  private AliasRules() {}

  /**
   * Checks a CNAME at {@code owner} against the other RRsets of the same answer section, given
   * the zone the answering server was asked as an authority for; {@code source}, where the
   * answer came from, is turned into text only when there is something to report.
   */
  public static List<Diagnostic> checkCname(Name owner, Name zone, List<RRset> answer, Object source) {
    List<Diagnostic> found = new ArrayList<>(0);
    if (owner.equals(zone)) {
      found.add(new Diagnostic(Diagnostic.Kind.CNAME_AT_APEX, owner,
          owner + " is the apex of " + zone + " and a CNAME (from " + source + ")"));
    }
    for (RRset set : answer) {
      if (!set.getName().equals(owner) || set.getType() == Type.CNAME || set.getType() == Type.RRSIG) {
        continue;
      }
      if (set.getType() == Type.DNAME) {
        found.add(new Diagnostic(Diagnostic.Kind.CNAME_AND_DNAME, owner,
            owner + " owns both a CNAME and a DNAME (from " + source + ")"));
      } else {
        found.add(new Diagnostic(Diagnostic.Kind.CNAME_AND_OTHER_DATA, owner, "from " + source + " returned a CNAME and "
            + Type.string(set.getType()) + " at " + owner + "; the CNAME was followed"));
      }
    }
    return found;
  }

  /** A chain of {@code hops} hops is reported once it is longer than {@code threshold}. */
  public static List<Diagnostic> checkLength(Name qname, int hops, int threshold) {
    return hops <= threshold ? List.of() : List.of(new Diagnostic(Diagnostic.Kind.LONG_CHAIN, qname,
        "the chain from " + qname + " has " + hops + " hops, more than " + threshold));
  }

  /** RFC 2181 §10.3: the target of an NS or MX record must not be an alias. */
  public static Diagnostic aliasTarget(Diagnostic.Kind kind, Name owner, Name target, Name aliasFor) {
    return new Diagnostic(kind, owner, Type.string(kind == Diagnostic.Kind.MX_TARGET_IS_ALIAS ? Type.MX : Type.NS)
        + " target " + target + " of " + owner + " is an alias for " + aliasFor);
  }
}
