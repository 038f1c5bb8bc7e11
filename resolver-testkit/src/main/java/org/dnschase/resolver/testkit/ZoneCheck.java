package org.dnschase.resolver.testkit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * The CNAME rules checked on a zone file in master format, with no resolution: what {@code
 * named-checkzone} checks for CNAMEs, each violation with the line it is on. The rules are the
 * {@link org.dnschase.resolver.rules.AliasRule}s, which the resolver reports too when it meets them
 * in answers.
 * {@link TestHierarchy.Builder} runs this on every zone it loads and logs a warning per violation,
 * then serves the zone as it is, since labs break these rules on purpose.
 *
 * {@snippet class=org.dnschase.resolver.testkit.Snippets region=check}
 */
public final class ZoneCheck {

  private ZoneCheck() {}

  /**
   * Checks a zone whose origin is the {@code $ORIGIN} in effect at its SOA record, or the SOA's
   * absolute owner name, as {@link TestHierarchy.Builder#zone(String)} finds it.
   *
   * @param masterFileText the zone, as a zone file holds it
   * @return every violation, ordered by line; empty for a zone that keeps the rules
   * @throws IllegalArgumentException if the text is not a zone file, has no origin, or uses
   *     {@code $GENERATE} or {@code $INCLUDE} (their records cannot be told by line)
   */
  public static List<ZoneViolation> check(String masterFileText) {
    return run(null, Objects.requireNonNull(masterFileText, "masterFileText"));
  }

  /**
   * Checks a zone with the given absolute origin, which relative names in the text are relative to.
   *
   * @param origin the zone's origin, absolute
   * @param masterFileText the zone, as a zone file holds it
   * @return every violation, ordered by line; empty for a zone that keeps the rules
   * @throws IllegalArgumentException if the origin is relative, the text is not a zone file, or
   *     it uses {@code $GENERATE} or {@code $INCLUDE} (their records cannot be told by line)
   */
  public static List<ZoneViolation> check(Name origin, String masterFileText) {
    return run(Objects.requireNonNull(origin, "origin"),
        Objects.requireNonNull(masterFileText, "masterFileText"));
  }

  private static List<ZoneViolation> run(Name origin, String text) {
    // lines first, so $GENERATE and $INCLUDE are refused by name before Master trips on them
    List<Integer> lines = ZoneLines.recordStartLines(text);
    Name zoneOrigin = ServedZone.zoneOrigin(origin, text);
    List<Record> records;
    try {
      records = ServedZone.readAll(text, zoneOrigin);
    } catch (IOException | IllegalArgumentException e) { // dnsjava: RelativeNameException
      throw new IllegalArgumentException("zone " + zoneOrigin + ": " + e.getMessage(), e);
    }
    if (records.size() != lines.size()) {
      throw new IllegalStateException("zone " + zoneOrigin + ": " + records.size()
          + " records but " + lines.size() + " record lines; the line counting is wrong");
    }
    List<ZoneRules.Numbered> numbered = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      numbered.add(new ZoneRules.Numbered(records.get(i), lines.get(i)));
    }
    return ZoneRules.check(zoneOrigin, numbered);
  }
}
