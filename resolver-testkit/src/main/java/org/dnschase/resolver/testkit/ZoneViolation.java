package org.dnschase.resolver.testkit;

import java.util.Objects;
import org.dnschase.resolver.rules.AliasRule;
import org.xbill.DNS.Name;

/**
 * One CNAME rule a zone file breaks, as {@link ZoneCheck} found it.
 *
 * @param line the 1-based line where the offending record starts: for two records at one name
 *     that may not stand together, the later one (the {@code detail} names the earlier one's
 *     line); for a target that is an alias, the record whose target it is
 * @param kind which rule, from the same set the resolver reports in its diagnostics
 * @param name the owner name of the record at {@code line}
 * @param detail what is wrong, for people: the types, targets and lines involved
 */
public record ZoneViolation(int line, AliasRule kind, Name name, String detail) {

  /** Checks that every component is there and the line is a real one. */
  public ZoneViolation {
    if (line < 1) {
      throw new IllegalArgumentException("line must be 1 or more: " + line);
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(detail, "detail");
  }

  /** {@code line 12: CNAME_AND_OTHER_DATA www.example. (A beside the CNAME at line 11)}. */
  @Override
  public String toString() {
    return "line " + line + ": " + kind + " " + name + " (" + detail + ")";
  }
}
