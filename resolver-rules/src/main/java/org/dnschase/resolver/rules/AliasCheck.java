package org.dnschase.resolver.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The {@link AliasRule}s applied to DNS data: which records may stand beside a CNAME at one owner
 * name, and which record types name a target that may not be an alias. Pure functions over dnsjava
 * records, with no resolution: the caller knows where the records came from (a zone file's lines,
 * a server's reply) and says it in its own words.
 */
public final class AliasCheck {
  /** RFC 4035 §2.5: a signed CNAME has its RRSIG and NSEC beside it, and that is no violation. */
  private static final Set<Integer> ALLOWED_BESIDE_CNAME = Set.of(Type.CNAME, Type.RRSIG, Type.NSEC);

  private AliasCheck() {}

  /**
   * Every rule broken by the records at one owner name, in the order they were seen (file order, or
   * the order of a reply's answer section). Identical CNAME records count once: a repeated record
   * is one RR (RFC 2181 §5), not a second alias. The first CNAME is the alias; each further one is
   * {@link AliasRule#MULTIPLE_CNAMES}; each DNAME, and each record of another type outside the
   * apex, is a breach beside it.
   *
   * @param zone the origin of the zone the records belong to, so a CNAME at its apex is told
   * @param records the records at one owner name, in the order seen; an empty list, or one without a
   *     CNAME, keeps every rule
   * @return the breaches, CNAME_AT_APEX first, then by the order of the record at fault
   * @throws IllegalArgumentException if the records have more than one owner name
   */
  public static List<Breach> atOwner(Name zone, List<? extends Record> records) {
    if (records.isEmpty()) {
      return List.of();
    }
    Name owner = records.get(0).getName();
    for (Record r : records) {
      if (!r.getName().equals(owner)) {
        throw new IllegalArgumentException("records of two owner names, " + owner + " and " + r.getName());
      }
    }
    List<Record> cnames = distinctCnames(records);
    if (cnames.isEmpty()) {
      return List.of();
    }
    Record alias = cnames.get(0);
    boolean apex = owner.equals(zone);
    List<Breach> found = new ArrayList<>(1);
    if (apex) {
      found.add(new Breach(AliasRule.CNAME_AT_APEX, alias, firstOfType(records, Type.SOA)));
    }
    for (Record other : cnames.subList(1, cnames.size())) {
      found.add(new Breach(AliasRule.MULTIPLE_CNAMES, other, alias));
    }
    int aliasAt = records.indexOf(alias);
    for (int i = 0; i < records.size(); i++) {
      Record r = records.get(i);
      AliasRule rule = r.getType() == Type.DNAME ? AliasRule.CNAME_AND_DNAME
          : apex || ALLOWED_BESIDE_CNAME.contains(r.getType()) ? null : AliasRule.CNAME_AND_OTHER_DATA;
      if (rule != null) {
        found.add(i > aliasAt ? new Breach(rule, r, alias) : new Breach(rule, alias, r));
      }
    }
    return List.copyOf(found);
  }

  /**
   * The rule an alias breaks as the target of a record of {@code type}: RFC 2181 §10.3 for NS and MX,
   * RFC 2782 for SRV. A record's target is dnsjava's {@link Record#getAdditionalName()}.
   *
   * @param type a record type, as dnsjava's {@link Type} numbers it
   * @return the rule, or empty for a type whose target may be an alias (or that has none)
   */
  public static Optional<AliasRule> targetRule(int type) {
    return switch (type) {
      case Type.NS -> Optional.of(AliasRule.NS_TARGET_IS_ALIAS);
      case Type.MX -> Optional.of(AliasRule.MX_TARGET_IS_ALIAS);
      case Type.SRV -> Optional.of(AliasRule.SRV_TARGET_IS_ALIAS);
      default -> Optional.empty();
    };
  }

  private static List<Record> distinctCnames(List<? extends Record> records) {
    List<Record> cnames = new ArrayList<>(1);
    for (Record r : records) {
      if (r.getType() == Type.CNAME && !cnames.contains(r)) {
        cnames.add(r);
      }
    }
    return cnames;
  }

  private static Record firstOfType(List<? extends Record> records, int type) {
    return records.stream().filter(r -> r.getType() == type).findFirst().orElse(null);
  }
}
