package org.dnschase.resolver.spi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Record;

/**
 * The answer section a client that set DO is owed (RFC 4035 §3.2.1): each RRset followed by the
 * RRSIGs that came with it (the record a failure stopped at too). For a DNAME hop the DNAME's signatures follow the DNAME, and the CNAME
 * synthesised from it goes unsigned (RFC 6672 §5.3.1: a validator checks the DNAME and the
 * synthesis, never a signature over the CNAME).
 */
final class SignedSections {

  private SignedSections() {}

  /**
   * {@link Resolution#answerSection()} with the signatures of its RRsets: the chain's, then the
   * final RRset's; a record several hops used (a DNAME applied twice) is listed once, and so are
   * its signatures.
   */
  static List<Record> answer(Resolution resolution) {
    Set<Record> records = new LinkedHashSet<>();
    for (Hop hop : resolution.chain()) {
      records.add(hop.record());
      records.addAll(hop.signatures());
      if (hop.kind() == Hop.Kind.DNAME) {
        records.add(new CNAMERecord(hop.owner(), DClass.IN, hop.ttl().toSeconds(), hop.target()));
      }
    }
    switch (resolution) {
      case Resolution.Answer answer -> {
        records.addAll(answer.records());
        records.addAll(answer.rrset().sigs());
      }
      case Resolution.Failure failure when failure.stoppedAt() != null -> {
        records.add(failure.stoppedAt());
        records.addAll(failure.stoppedAtSignatures());
      }
      default -> { }
    }
    return List.copyOf(records);
  }
}
