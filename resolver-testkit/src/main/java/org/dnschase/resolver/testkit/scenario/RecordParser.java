package org.dnschase.resolver.testkit.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Reads the one-line records of an entry (FORMAT §5): {@code owner [ttl] [class] type rdata},
 * TTL 3600 and class IN by default (or {@code $TTL}), names relative to the root (or
 * {@code $ORIGIN}); and question lines, {@code name [ttl] [class] type} (a TTL there means
 * nothing and is skipped, as testbound does). DS algorithms may be mnemonics.
 */
final class RecordParser {

  /** Deckard's default TTL. */
  static final long DEFAULT_TTL = 3600;
  private static final Pattern FIELD = Pattern.compile("\\S+");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  /** An RRSIG's fields up to its signer's name: type covered to signer (RFC 4034 §3.2). */
  private static final int UNSIGNED_RRSIG_FIELDS = 8;
  /** One zero octet in base64: the signature an RRSIG is read with when its own is missing. */
  private static final String PLACEHOLDER_SIGNATURE = "AA==";

  private RecordParser() {}

  static Record question(String text, Name origin) throws TextParseException {
    List<String> fields = new ArrayList<>(FIELD.matcher(text).results().map(MatchResult::group).toList());
    if (fields.size() > 2 && DIGITS.matcher(fields.get(1)).matches()) {
      fields.remove(1);
    }
    if (fields.size() < 2 || fields.size() > 3) {
      throw new TextParseException("a question is 'name [class] type': " + text);
    }
    int dclass = fields.size() == 3 ? dclass(fields.get(1)) : DClass.IN;
    return Record.newRecord(name(fields.get(0), origin), type(fields.get(fields.size() - 1)), dclass);
  }

  /**
   * Whether {@code text} is {@code owner [ttl] [class] type} and nothing more: dnspython, which
   * reads Deckard's files, takes such a line in an answer, authority or additional section for
   * an RRset of no records, as a dynamic update's deletion is written.
   */
  static boolean withoutData(String text) {
    List<String> fields = FIELD.matcher(text).results().map(MatchResult::group).toList();
    int index = 1;
    while (index < Math.min(fields.size(), 3)
        && (DIGITS.matcher(fields.get(index)).matches() || DClass.value(fields.get(index)) >= 0)) {
      index++;
    }
    return fields.size() == index + 1 && Type.value(fields.get(index)) >= 0;
  }

  static Record record(String text, Name origin, long defaultTtl) throws IOException {
    List<MatchResult> fields = new ArrayList<>(FIELD.matcher(text).results().toList());
    if (fields.size() < 2) {
      throw new TextParseException("a record is 'owner [ttl] [class] type rdata': " + text);
    }
    Name owner = name(fields.get(0).group(), origin);
    long ttl = defaultTtl;
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
    if (type == Type.DS) {
      rdata = numericAlgorithm(rdata);
    }
    if (type == Type.RRSIG && rdata.split("\\s+").length == UNSIGNED_RRSIG_FIELDS) {
      return withoutSignature(Record.fromString(owner, type, dclass, ttl, rdata + " " + PLACEHOLDER_SIGNATURE, origin));
    }
    try {
      return Record.fromString(owner, type, dclass, ttl, rdata, origin);
    } catch (IOException | RuntimeException e) {
      byte[] octets = genericRdata(rdata);
      if (octets == null) {
        throw e;
      }
      return new OpaqueRecord(owner, type, dclass, ttl, octets);
    }
  }

  /**
   * An RRSIG whose signature field is empty, as a broken signer sends it (the wire format carries
   * it: the signature is whatever follows the signer's name, RFC 4034 §3.1); dnsjava requires one,
   * so it is read with a one-octet placeholder, which the octets sent leave out.
   */
  private static Record withoutSignature(Record signed) {
    byte[] octets = signed.rdataToWireCanonical();
    return new OpaqueRecord(signed.getName(), signed.getType(), signed.getDClass(), signed.getTTL(),
        Arrays.copyOf(octets, octets.length - 1));
  }

  /**
   * RDATA in RFC 3597 §5's generic form ({@code \# length hex}) as octets, for a record dnsjava
   * refuses to make of them (an A record of three octets); null when the text is not in that form
   * or its length disagrees with its octets.
   */
  private static byte[] genericRdata(String rdata) {
    String[] parts = rdata.split("\\s+", 3);
    if (parts.length < 2 || !parts[0].equals("\\#") || !DIGITS.matcher(parts[1]).matches()) {
      return null;
    }
    String hex = parts.length == 3 ? parts[2].replaceAll("\\s+", "") : "";
    try {
      byte[] octets = HexFormat.of().parseHex(hex);
      return octets.length == Integer.parseInt(parts[1]) ? octets : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** DS rdata is {@code keytag algorithm digesttype digest}; zone files may name the algorithm. */
  private static String numericAlgorithm(String rdata) {
    String[] parts = rdata.split("\\s+", 3);
    if (parts.length == 3 && !DIGITS.matcher(parts[1]).matches()) {
      int algorithm = DNSSEC.Algorithm.value(parts[1]);
      if (algorithm >= 0) {
        return parts[0] + " " + algorithm + " " + parts[2];
      }
    }
    return rdata;
  }

  private static Name name(String text, Name origin) throws TextParseException {
    return Name.fromString(text, origin);
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
