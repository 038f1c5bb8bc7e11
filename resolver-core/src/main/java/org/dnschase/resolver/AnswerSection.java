package org.dnschase.resolver;

import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Record;

/** The records an outcome puts in an answer section (RFC 6604 §2): its chain's, then its final data. */
final class AnswerSection {

  private AnswerSection() {}

  /**
   * The chain as records in order, each once: a CNAME hop's CNAME, a DNAME hop's DNAME and the
   * CNAME it synthesises (RFC 6672 §3.1), a service alias's AliasMode record.
   */
  static List<Record> chainRecords(List<Hop> chain) {
    List<Record> records = new ArrayList<>(chain.size());
    for (Hop hop : chain) {
      addOnce(records, hop.record());
      if (hop.kind() == Hop.Kind.DNAME) {
        addOnce(records, new CNAMERecord(hop.owner(), DClass.IN, hop.ttl().toSeconds(), hop.target()));
      }
    }
    return List.copyOf(records);
  }

  /**
   * The chain's records, then the final RRset's {@code data}; a record of {@code data} the chain
   * holds already (the CNAME a DNAME hop synthesised, asked for itself) is shown once. Without a
   * chain, {@code data} itself.
   */
  static List<Record> of(List<Hop> chain, List<Record> data) {
    if (chain.isEmpty()) {
      return data;
    }
    List<Record> hops = chainRecords(chain);
    List<Record> all = new ArrayList<>(hops.size() + data.size());
    all.addAll(hops);
    // an RRset holds no record twice: only the chain's records can repeat one of its
    for (Record record : data) {
      if (!hops.contains(record)) {
        all.add(record);
      }
    }
    return List.copyOf(all);
  }

  /**
   * Adds {@code record} to {@code records} unless an equal one is there. Compared one by one rather
   * than hashed: a record's hash encodes the whole record, while {@link Record#equals} tells records
   * of another type or owner apart by those alone, and a section holds few records.
   */
  private static void addOnce(List<Record> records, Record record) {
    if (!records.contains(record)) {
      records.add(record);
    }
  }
}
