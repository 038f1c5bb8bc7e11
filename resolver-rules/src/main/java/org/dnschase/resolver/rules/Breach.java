package org.dnschase.resolver.rules;

import java.util.Objects;
import org.xbill.DNS.Record;

/**
 * One {@link AliasRule} broken by the records at one owner name, as {@link AliasCheck#atOwner}
 * found it.
 *
 * @param rule which rule
 * @param at the record where the data went wrong: of two records that may not stand together, the
 *     later one in the order given (a second CNAME, the DNAME or other data after the CNAME, or the
 *     CNAME after them); for {@link AliasRule#CNAME_AT_APEX}, the CNAME
 * @param beside the record {@code at} may not stand beside: the earlier of the two; for {@link
 *     AliasRule#CNAME_AT_APEX}, the apex's SOA, or null when the records given hold none
 */
public record Breach(AliasRule rule, Record at, Record beside) {

  /** Checks that the rule and the record at fault are there, and that only an apex CNAME stands alone. */
  public Breach {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(at, "at");
    if (beside == null && rule != AliasRule.CNAME_AT_APEX) {
      throw new IllegalArgumentException(rule + " is broken by two records, but only one was given");
    }
  }
}
