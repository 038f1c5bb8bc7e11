package org.dnschase.resolver.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dnschase.resolver.rules.AliasCheck;
import org.dnschase.resolver.rules.AliasRule;
import org.dnschase.resolver.rules.Breach;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The {@link AliasRule}s applied to the records of one zone, in file order, each breach told by
 * the line of the record at fault.
 */
final class ZoneRules {

  /** A record and the line it starts on. */
  record Numbered(Record record, int line) {}

  private final Name origin;
  /** Name's equals and hashCode ignore case, as owner names compare (RFC 4343). */
  private final Map<Name, List<Record>> byOwner = new LinkedHashMap<>();
  /** By identity: a zone may hold one record twice, on two lines. */
  private final Map<Record, Integer> lines = new IdentityHashMap<>();
  private final List<ZoneViolation> found = new ArrayList<>();

  private ZoneRules(Name origin, List<Numbered> records) {
    this.origin = origin;
    for (Numbered r : records) {
      byOwner.computeIfAbsent(r.record().getName(), k -> new ArrayList<>()).add(r.record());
      lines.put(r.record(), r.line());
    }
  }

  /** Every violation in {@code records}, ordered by line. */
  static List<ZoneViolation> check(Name origin, List<Numbered> records) {
    ZoneRules rules = new ZoneRules(origin, records);
    rules.byOwner.values().forEach(atOwner -> AliasCheck.atOwner(origin, atOwner).forEach(rules::add));
    records.forEach(r -> rules.checkTarget(r.record()));
    rules.found.sort(Comparator.comparingInt(ZoneViolation::line).thenComparing(ZoneViolation::kind));
    return List.copyOf(rules.found);
  }

  private void add(Breach breach) {
    Record at = breach.at();
    Record beside = breach.beside();
    String detail = switch (breach.rule()) {
      case CNAME_AT_APEX -> "CNAME to " + target(at) + " at the apex of " + origin
          + (beside == null ? "" : ", beside the SOA at line " + lines.get(beside));
      case MULTIPLE_CNAMES -> "a second CNAME, to " + target(at) + "; the CNAME at line "
          + lines.get(beside) + " points to " + target(beside);
      default -> Type.string(at.getType()) + " beside the " + Type.string(beside.getType())
          + " at line " + lines.get(beside);
    };
    add(at, breach.rule(), detail);
  }

  /** Only targets inside the zone can be checked without resolving. */
  private void checkTarget(Record r) {
    AliasCheck.targetRule(r.getType()).ifPresent(rule -> {
      Name target = r.getAdditionalName();
      if (!target.subdomain(origin)) {
        return;
      }
      byOwner.getOrDefault(target, List.of()).stream().filter(t -> t.getType() == Type.CNAME).findFirst()
          .ifPresent(alias -> add(r, rule, Type.string(r.getType()) + " target " + target
              + " is an alias: its CNAME at line " + lines.get(alias) + " points to " + target(alias)));
    });
  }

  private static Name target(Record cname) {
    return ((CNAMERecord) cname).getTarget();
  }

  private void add(Record at, AliasRule rule, String detail) {
    found.add(new ZoneViolation(lines.get(at), rule, at.getName(), detail));
  }
}
