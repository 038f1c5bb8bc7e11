package org.dnschase.resolver.testkit.scenario;

import java.util.Objects;
import org.xbill.DNS.Name;

/**
 * A testbound {@code auth-zone:} clause: a zone whose data the resolver holds itself, read from
 * the zone file its {@code zonefile:} names, which the scenario gives as a {@code TEMPFILE_CONTENTS}
 * block (testbound writes it to a temporary file whose name {@code TEMPFILE_NAME} puts there).
 *
 * @param name the zone
 * @param zoneText the zone file's text, in master-file format
 * @param forUpstream {@code for-upstream} (Unbound's default yes): the resolver uses the data when it resolves
 * @param forDownstream {@code for-downstream} (Unbound's default yes): clients get the data as authoritative answers
 * @param fallbackEnabled {@code fallback-enabled} (Unbound's default no): a failed look-up in the zone goes to the
 *     internet instead
 * @param line the line the clause starts on
 */
public record AuthZoneClause(Name name, String zoneText, boolean forUpstream, boolean forDownstream,
    boolean fallbackEnabled, int line) {

  /** Checks that the zone has a name and text. */
  public AuthZoneClause {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(zoneText, "zoneText");
  }
}
