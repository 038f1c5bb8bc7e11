package org.dnschase.resolver.testkit.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** Reads one ENTRY_BEGIN ... ENTRY_END block (FORMAT §5) into an {@link Entry}. */
final class EntryParser {

  private static final Map<String, Byte> HEADER_FLAGS = Map.of("QR", Flags.QR, "AA", Flags.AA,
      "TC", Flags.TC, "RD", Flags.RD, "RA", Flags.RA, "AD", Flags.AD, "CD", Flags.CD);
  private static final Map<String, Integer> SECTIONS = Map.of("QUESTION", Section.QUESTION,
      "ANSWER", Section.ANSWER, "AUTHORITY", Section.AUTHORITY, "ADDITIONAL", Section.ADDITIONAL);

  private final LineCursor cursor;
  private final Set<Match> matches = EnumSet.noneOf(Match.class);
  private final Set<Adjust> adjusts = EnumSet.noneOf(Adjust.class);
  private final Message message = new Message();
  private final Map<Integer, List<Record>> emptyRrsets = new HashMap<>();
  private boolean dnssecOk;
  private boolean mandatory;
  private int extendedError = Entry.ANY_EXTENDED_ERROR;
  private StringBuilder raw;
  private int section = -1;

  private EntryParser(LineCursor cursor) {
    this.cursor = cursor;
  }

  /** Reads the lines after ENTRY_BEGIN (at {@code beginLine}) up to and including ENTRY_END. */
  static Entry parse(LineCursor cursor, int beginLine) {
    EntryParser parser = new EntryParser(cursor);
    for (SourceLine line = cursor.next("ENTRY"); !line.keyword().equals("ENTRY_END");
        line = cursor.next("ENTRY")) {
      parser.accept(line);
    }
    byte[] raw = parser.raw == null ? null : parser.rawBytes(beginLine);
    return new Entry(beginLine, parser.matches, parser.adjusts, parser.message, parser.emptyRrsets,
        parser.dnssecOk, parser.mandatory, parser.extendedError, raw);
  }

  private void accept(SourceLine line) {
    if (raw != null) {
      raw.append(line.text().replaceAll("\\s+", ""));
      return;
    }
    switch (line.keyword()) {
      case "MATCH" -> line.arguments().forEach(option -> match(option, line.number()));
      case "ADJUST" -> line.arguments().forEach(option -> adjusts.add(Adjust.of(option)
          .orElseThrow(() -> cursor.error(line.number(), "ADJUST option '" + option + "' is not supported"))));
      case "REPLY", "FLAGS" -> line.arguments().forEach(token -> header(token, line.number()));
      case "MANDATORY" -> mandatory = true;
      case "SECTION" -> section = sectionOf(line);
      case "RAW" -> raw = new StringBuilder();
      case "TSIG", "HEX_ANSWER_BEGIN", "EXTRA_PACKET", "HEX_EDNSDATA_BEGIN" ->
          throw cursor.error(line.number(), line.keyword() + " entries are not supported");
      default -> record(line);
    }
  }

  private void match(String option, int number) {
    matches.add(Match.of(option)
        .orElseThrow(() -> cursor.error(number, "MATCH option '" + option + "' is not supported")));
    if (option.startsWith("ede=") && !option.equals("ede=any")) {
      try {
        extendedError = Integer.parseInt(option.substring("ede=".length()));
      } catch (NumberFormatException e) {
        throw cursor.error(number, "MATCH ede=<code>|any, not " + option, e);
      }
    }
  }

  /** The hex digits after RAW, as bytes. */
  private byte[] rawBytes(int beginLine) {
    try {
      return java.util.HexFormat.of().parseHex(raw);
    } catch (IllegalArgumentException e) {
      throw cursor.error(beginLine, "RAW data is not hex: " + e.getMessage(), e);
    }
  }

  /** FORMAT §5.1: exactly the listed flags, one opcode, one rcode, and DO for EDNS. */
  private void header(String token, int number) {
    Header header = message.getHeader();
    Byte flag = HEADER_FLAGS.get(token);
    if (flag != null) {
      header.setFlag(flag);
    } else if (token.equals("DO")) {
      dnssecOk = true;
    } else if (Opcode.value(token) >= 0) {
      header.setOpcode(Opcode.value(token));
    } else if (Rcode.value(token) >= 0 && Rcode.value(token) <= 0xF) {
      header.setRcode(Rcode.value(token));
    } else {
      throw cursor.error(number, "REPLY token '" + token + "' is not supported");
    }
  }

  private int sectionOf(SourceLine line) {
    if (line.arguments().size() != 1 || !SECTIONS.containsKey(line.arguments().get(0))) {
      throw cursor.error(line.number(), "expected SECTION QUESTION|ANSWER|AUTHORITY|ADDITIONAL");
    }
    return SECTIONS.get(line.arguments().get(0));
  }

  private void record(SourceLine line) {
    if (section < 0) {
      throw cursor.error(line.number(), "unknown keyword or a record outside any SECTION: " + line.text());
    }
    try {
      if (section != Section.QUESTION && RecordParser.withoutData(line.text())) {
        emptyRrsets.computeIfAbsent(section, s -> new ArrayList<>())
            .add(RecordParser.question(line.text(), cursor.origin()));
        return;
      }
      Record record = section == Section.QUESTION ? RecordParser.question(line.text(), cursor.origin())
          : RecordParser.record(line.text(), cursor.origin(), cursor.defaultTtl());
      message.addRecord(record, section);
    } catch (IOException | RuntimeException e) {
      throw cursor.error(line.number(), "bad record: " + e.getMessage(), e);
    }
  }
}
