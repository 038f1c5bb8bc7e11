package org.dnschase.resolver.testkit.scenario;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.EDNSOption.Code;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Deckard's comparison of a received message with an expected one (FORMAT §6): question fields
 * case-insensitive, header flags as an exact set, sections as multisets of records with TTLs
 * ignored (compared under testbound's {@code MATCH ttl}) and names compared in canonical (lower)
 * case; testbound's transport and extended-error checks.
 */
final class MessageComparison {

  private static final int[] HEADER_FLAGS = {Flags.QR, Flags.AA, Flags.TC, Flags.RD, Flags.RA, Flags.AD, Flags.CD};

  private MessageComparison() {}

  /** {@code checks} must be expanded ({@link Match#expand}): no ALL, no QUESTION. */
  static List<String> differences(Set<Match> checks, Entry entry, Message received, boolean overTcp) {
    Message expected = entry.message();
    boolean ttl = checks.contains(Match.TTL);
    List<String> found = new ArrayList<>();
    for (Match check : checks) {
      String difference = switch (check) {
        case OPCODE -> differ("opcode", Opcode.string(expected.getHeader().getOpcode()),
            Opcode.string(received.getHeader().getOpcode()));
        case QTYPE, QNAME, QCASE, SUBDOMAIN -> questionDifference(check, expected.getQuestion(),
            received.getQuestion());
        case FLAGS -> differ("flags", flags(expected), flags(received));
        case RCODE -> differ("rcode", Rcode.string(expected.getRcode()), Rcode.string(received.getRcode()));
        case ANSWER -> sectionDifference("answer", entry, received, Section.ANSWER, ttl);
        case AUTHORITY -> sectionDifference("authority", entry, received, Section.AUTHORITY, ttl);
        case ADDITIONAL -> sectionDifference("additional", entry, received, Section.ADDITIONAL, ttl);
        case TTL -> null;
        case TCP -> overTcp ? null : "transport: expected TCP but got UDP";
        case UDP -> overTcp ? "transport: expected UDP but got TCP" : null;
        case EDE -> extendedErrorDifference(entry.extendedError(), received);
        case QUESTION, ALL -> throw new IllegalArgumentException(check + " must be expanded first");
      };
      if (difference != null) {
        found.add(difference);
      }
    }
    return found;
  }

  /**
   * Deckard's code: no question on both sides matches, on one side only does not, except for
   * {@code subdomain}, where an expected entry without question accepts anything.
   */
  private static String questionDifference(Match check, Record expected, Record received) {
    if (expected == null && (received == null || check == Match.SUBDOMAIN)) {
      return null;
    }
    if (expected == null || received == null) {
      return check.option() + ": expected " + describe(expected) + " but got " + describe(received);
    }
    boolean same = switch (check) {
      case QTYPE -> expected.getType() == received.getType();
      case QNAME -> expected.getName().equals(received.getName());
      case QCASE -> expected.getName().toString().equals(received.getName().toString());
      case SUBDOMAIN -> received.getName().subdomain(expected.getName());
      default -> throw new IllegalArgumentException(check + " is not a question check");
    };
    return same ? null : check.option() + ": expected " + describe(expected) + " but got " + describe(received);
  }

  /** RFC 8914: an EDNS option 15 whose first two bytes are the info code. */
  private static String extendedErrorDifference(int code, Message received) {
    OPTRecord opt = received.getOPT();
    List<EDNSOption> options = opt == null ? List.of() : opt.getOptions(Code.EDNS_EXTENDED_ERROR);
    for (EDNSOption option : options) {
      if (code == Entry.ANY_EXTENDED_ERROR || ((ExtendedErrorCodeOption) option).getErrorCode() == code) {
        return null;
      }
    }
    return "ede: expected extended DNS error " + (code == Entry.ANY_EXTENDED_ERROR ? "(any)" : code)
        + " but got " + options;
  }

  private static String sectionDifference(String what, Entry entry, Message received, int section, boolean ttl) {
    List<Record> want = records(entry.message(), section);
    List<Record> got = records(received, section);
    List<Record> empty = entry.emptyRrsets(section);
    if (canonical(want, ttl).equals(canonical(got, ttl)) && empty.isEmpty()) {
      return null;
    }
    String emptyToo = empty.isEmpty() ? "" : " and RRsets of no records " + empty.stream()
        .map(MessageComparison::describe).toList() + ", which no message carries";
    return what + ": expected " + list(want) + emptyToo + " but got " + list(got);
  }

  /** A section's records without OPT, which is never part of a comparison. */
  private static List<Record> records(Message message, int section) {
    return message.getSection(section).stream().filter(record -> record.getType() != Type.OPT).toList();
  }

  /** Owner, class, type and canonical RDATA of each record (and its TTL if asked), sorted: a multiset. */
  private static List<String> canonical(List<Record> records, boolean ttl) {
    return records.stream()
        .map(record -> record.getName().toString().toLowerCase(Locale.ROOT) + (ttl ? " " + record.getTTL() : "")
            + " " + record.getDClass()
            + " " + record.getType() + " " + HexFormat.of().formatHex(record.rdataToWireCanonical()))
        .sorted()
        .toList();
  }

  private static String flags(Message message) {
    StringJoiner set = new StringJoiner(" ", "[", "]");
    for (int flag : HEADER_FLAGS) {
      if (message.getHeader().getFlag(flag)) {
        set.add(Flags.string(flag).toUpperCase(Locale.ROOT));
      }
    }
    return set.toString();
  }

  private static String differ(String what, String expected, String received) {
    return expected.equals(received) ? null : what + ": expected " + expected + " but got " + received;
  }

  private static String describe(Record question) {
    return question == null ? "no question" : question.getName() + " " + Type.string(question.getType());
  }

  private static String list(List<Record> records) {
    StringJoiner joined = new StringJoiner(" | ", "[", "]");
    records.forEach(record -> joined.add(record.toString().replace('\t', ' ')));
    return joined.toString();
  }
}
