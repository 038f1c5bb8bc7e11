package org.dnschase.resolver.testkit;

import java.util.List;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SetResponse;

/** What one zone holds for one (name, type): dnsjava's {@link SetResponse} as a closed set. */
sealed interface ZoneResult {

  /** The data asked for (several RRsets for ANY). */
  record Answer(List<RRset> rrsets) implements ZoneResult {}

  /** A CNAME at the name (RFC 1034 §3.6.2). */
  record Alias(CNAMERecord cname) implements ZoneResult {}

  /** A DNAME at an ancestor of the name (RFC 6672 §2.2). */
  record Redirect(DNAMERecord dname) implements ZoneResult {}

  /** A zone cut at or above the name (RFC 1034 §4.3.2 step 3b). */
  record Referral(RRset ns) implements ZoneResult {}

  /** The name does not exist (RFC 2308 §2.1). */
  record NxDomain() implements ZoneResult {}

  /** The name exists without data of the type (RFC 2308 §2.2). */
  record NoData() implements ZoneResult {}

  static ZoneResult of(SetResponse response) {
    if (response.isSuccessful()) {
      // an empty non-terminal is stored as an empty RRset, which an ANY lookup hands back; for
      // another type dnsjava answers "successful" with no RRsets at all (null)
      List<RRset> answers = response.answers();
      List<RRset> sets = answers == null ? List.of()
          : answers.stream().filter(set -> set.size() > 0).toList();
      return sets.isEmpty() ? new NoData() : new Answer(sets);
    }
    if (response.isCNAME()) {
      return new Alias(response.getCNAME());
    }
    if (response.isDNAME()) {
      return new Redirect(response.getDNAME());
    }
    if (response.isDelegation()) {
      return new Referral(response.getNS());
    }
    return response.isNXRRSET() ? new NoData() : new NxDomain();
  }

  /** Gives wildcard data the name that was asked for (RFC 4592 §4.1). */
  static ZoneResult expand(ZoneResult result, Name owner) {
    return switch (result) {
      case Answer a -> new Answer(a.rrsets().stream().map(set -> rename(set, owner)).toList());
      case Alias a -> new Alias((CNAMERecord) a.cname().withName(owner));
      default -> result;
    };
  }

  private static RRset rename(RRset set, Name owner) {
    RRset renamed = new RRset();
    for (Record r : set.rrs(false)) {
      renamed.addRR(r.withName(owner));
    }
    // the RRSIGs keep their labels field, which tells a validator the answer was expanded
    set.sigs().forEach(sig -> renamed.addRR((RRSIGRecord) sig.withName(owner)));
    return renamed;
  }
}
