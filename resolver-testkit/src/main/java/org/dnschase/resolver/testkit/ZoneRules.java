package org.dnschase.resolver.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dnschase.resolver.testkit.ZoneViolation.Kind;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Type;

/** The rules of {@link ZoneViolation.Kind} applied to the records of one zone, in file order. */
final class ZoneRules {
  /** RFC 4035 §2.5: a signed CNAME has its RRSIG and NSEC beside it, and that is no violation. */
  private static final Set<Integer> ALLOWED_BESIDE_CNAME = Set.of(Type.CNAME, Type.RRSIG, Type.NSEC);

  /** A record and the line it starts on. */
  record Numbered(Record record, int line) {
    int type() {
      return record.getType();
    }
  }

  private final Name origin;
  /** Name's equals and hashCode ignore case, as owner names compare (RFC 4343). */
  private final Map<Name, List<Numbered>> byOwner = new LinkedHashMap<>();
  private final List<ZoneViolation> found = new ArrayList<>();

  private ZoneRules(Name origin, List<Numbered> records) {
    this.origin = origin;
    records.forEach(r -> byOwner.computeIfAbsent(r.record().getName(), k -> new ArrayList<>()).add(r));
  }

  /** Every violation in {@code records}, ordered by line. */
  static List<ZoneViolation> check(Name origin, List<Numbered> records) {
    ZoneRules rules = new ZoneRules(origin, records);
    rules.byOwner.forEach(rules::checkOwner);
    records.forEach(rules::checkTarget);
    rules.found.sort(Comparator.comparingInt(ZoneViolation::line).thenComparing(ZoneViolation::kind));
    return List.copyOf(rules.found);
  }

  /** The rules about what may stand beside a CNAME at one owner name. */
  private void checkOwner(Name owner, List<Numbered> records) {
    List<Numbered> cnames = distinctCnames(records);
    if (cnames.isEmpty()) {
      return;
    }
    Numbered first = cnames.get(0);
    boolean apex = owner.equals(origin);
    if (apex) {
      add(first, Kind.CNAME_AT_APEX, "CNAME to " + target(first) + " at the apex of " + origin
          + soaLine(records));
    }
    for (Numbered other : cnames.subList(1, cnames.size())) {
      add(other, Kind.MULTIPLE_CNAMES, "a second CNAME, to " + target(other) + "; the CNAME at line "
          + first.line() + " points to " + target(first));
    }
    for (Numbered r : records) {
      if (r.type() == Type.DNAME) {
        conflict(Kind.CNAME_AND_DNAME, first, r);
      } else if (!apex && !ALLOWED_BESIDE_CNAME.contains(r.type())) {
        conflict(Kind.CNAME_AND_OTHER_DATA, first, r);
      }
    }
  }

  /** CNAMEs in file order; a repeat of the same record is one RR (RFC 2181 §5), not a second alias. */
  private static List<Numbered> distinctCnames(List<Numbered> records) {
    List<Numbered> cnames = new ArrayList<>(1);
    for (Numbered r : records) {
      if (r.type() == Type.CNAME && cnames.stream().noneMatch(c -> c.record().equals(r.record()))) {
        cnames.add(r);
      }
    }
    return cnames;
  }

  private static String soaLine(List<Numbered> records) {
    return records.stream().filter(r -> r.type() == Type.SOA).findFirst()
        .map(soa -> ", beside the SOA at line " + soa.line()).orElse("");
  }

  /** Two records that may not stand together: the later one is where the zone went wrong. */
  private void conflict(Kind kind, Numbered a, Numbered b) {
    Numbered later = a.line() > b.line() ? a : b;
    Numbered earlier = later == a ? b : a;
    add(later, kind, Type.string(later.type()) + " beside the " + Type.string(earlier.type())
        + " at line " + earlier.line());
  }

  /** RFC 2181 §10.3, RFC 2782: NS, MX and SRV targets must name the host itself, not an alias. */
  private void checkTarget(Numbered r) {
    switch (r.record()) {
      case NSRecord ns -> aliasTarget(r, ns.getTarget(), Kind.NS_TARGET_IS_ALIAS);
      case MXRecord mx -> aliasTarget(r, mx.getTarget(), Kind.MX_TARGET_IS_ALIAS);
      case SRVRecord srv -> aliasTarget(r, srv.getTarget(), Kind.SRV_TARGET_IS_ALIAS);
      default -> { }
    }
  }

  /** Only targets inside the zone can be checked without resolving. */
  private void aliasTarget(Numbered r, Name target, Kind kind) {
    if (!target.subdomain(origin)) {
      return;
    }
    byOwner.getOrDefault(target, List.of()).stream().filter(t -> t.type() == Type.CNAME).findFirst()
        .ifPresent(alias -> add(r, kind, Type.string(r.type()) + " target " + target
            + " is an alias: its CNAME at line " + alias.line() + " points to " + target(alias)));
  }

  private static Name target(Numbered cname) {
    return ((CNAMERecord) cname.record()).getTarget();
  }

  private void add(Numbered at, Kind kind, String detail) {
    found.add(new ZoneViolation(at.line(), kind, at.record().getName(), detail));
  }
}
