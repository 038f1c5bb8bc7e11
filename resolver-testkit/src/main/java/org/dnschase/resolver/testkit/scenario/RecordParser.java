package org.dnschase.resolver.testkit.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Reads the one-line records of an entry (FORMAT §5): {@code owner [ttl] [class] type rdata},
 * TTL 3600 and class IN by default, names relative to the root; and question lines,
 * {@code name [class] type}.
 */
final class RecordParser {

  /** Deckard's default TTL. */
  static final long DEFAULT_TTL = 3600;
  private static final Pattern FIELD = Pattern.compile("\\S+");
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  private RecordParser() {}

  static Record question(String text) throws TextParseException {
    List<String> fields = FIELD.matcher(text).results().map(MatchResult::group).toList();
    if (fields.size() < 2 || fields.size() > 3) {
      throw new TextParseException("a question is 'name [class] type': " + text);
    }
    int dclass = fields.size() == 3 ? dclass(fields.get(1)) : DClass.IN;
    return Record.newRecord(name(fields.get(0)), type(fields.get(fields.size() - 1)), dclass);
  }

  static Record record(String text) throws IOException {
    List<MatchResult> fields = new ArrayList<>(FIELD.matcher(text).results().toList());
    if (fields.size() < 2) {
      throw new TextParseException("a record is 'owner [ttl] [class] type rdata': " + text);
    }
    Name owner = name(fields.get(0).group());
    long ttl = DEFAULT_TTL;
    int dclass = DClass.IN;
    int index = 1;
    // Zone-file syntax lets TTL and class come in either order, each optional.
    for (int seen = 0; seen < 2 && index < fields.size() - 1; seen++) {
      String field = fields.get(index).group();
      if (DIGITS.matcher(field).matches()) {
        ttl = Long.parseLong(field);
      } else if (DClass.value(field) >= 0) {
        dclass = DClass.value(field);
      } else {
        break;
      }
      index++;
    }
    MatchResult typeField = fields.get(index);
    int type = type(typeField.group());
    String rdata = text.substring(typeField.end()).strip();
    return Record.fromString(owner, type, dclass, ttl, rdata, Name.root);
  }

  private static Name name(String text) throws TextParseException {
    return Name.fromString(text, Name.root);
  }

  private static int type(String text) throws TextParseException {
    int type = Type.value(text);
    if (type < 0) {
      throw new TextParseException("unknown type " + text);
    }
    return type;
  }

  private static int dclass(String text) throws TextParseException {
    int dclass = DClass.value(text);
    if (dclass < 0) {
      throw new TextParseException("unknown class " + text);
    }
    return dclass;
  }
}
