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
    addChain(records, chain);
    return List.copyOf(records);
  }

  /**
   * The chain's records, then the final RRset's {@code data}; a record of {@code data} the chain
   * holds already (the CNAME a DNAME hop synthesised, asked for itself) is shown once. Without a
   * chain, {@code data} itself. Built in one list, copied once: a cold resolution's answer is
   * built from it on the way to the client.
   */
  static List<Record> of(List<Hop> chain, List<Record> data) {
    if (chain.isEmpty()) {
      return data;
    }
    List<Record> all = new ArrayList<>(chain.size() + data.size());
    addChain(all, chain);
    // an RRset holds no record twice: only the chain's records can repeat one of its
    int chained = all.size();
    for (Record record : data) {
      if (!holds(all, chained, record)) {
        all.add(record);
      }
    }
    return List.copyOf(all);
  }

  /** Whether the first {@code count} of {@code records} hold one equal to {@code record}. */
  private static boolean holds(List<Record> records, int count, Record record) {
    for (int i = 0; i < count; i++) {
      if (records.get(i).equals(record)) {
        return true;
      }
    }
    return false;
  }

  /** Adds the chain's records to {@code records}, in order, each once. */
  private static void addChain(List<Record> records, List<Hop> chain) {
    for (Hop hop : chain) {
      addOnce(records, hop.record());
      if (hop.kind() == Hop.Kind.DNAME) {
        addOnce(records, new CNAMERecord(hop.owner(), DClass.IN, hop.ttl().toSeconds(), hop.target()));
      }
    }
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
