package org.dnschase.resolver.spi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Reads a reply off the wire as the resolver's own transport does, for a {@link Transport} that
 * carries the datagrams itself: with dnsjava, except that an address record whose RDATA cannot be
 * an address (an A record that is not 4 octets, RFC 1035 §3.4.1; an AAAA that is not 16, RFC 3596
 * §2.2) is left out and the rest of the reply kept, as Unbound's scrubber leaves such a record out,
 * rather than the whole reply refused: one broken record costs that record, not the answer beside
 * it. Anything else that does not parse still refuses the reply.
 */
public final class Replies {

  /** Where the header's section counts are, and how long it is (RFC 1035 §4.1.1). */
  private static final int QDCOUNT = 4;
  private static final int HEADER_LENGTH = 12;
  /** TYPE, CLASS, TTL and RDLENGTH after a record's owner name (RFC 1035 §4.1.3). */
  private static final int RECORD_FIXED_FIELDS = 10;
  private static final int RDLENGTH_OFFSET = 8;
  /** The types reserved for private use (RFC 6895 §3.1), one of which stands in for a misfit while parsing. */
  private static final int FIRST_PRIVATE_TYPE = 0xFF00;
  private static final int LAST_PRIVATE_TYPE = 0xFFFE;
  /** More labels than a name of 255 octets can have: a longer walk is a compression loop. */
  private static final int MAX_LABELS = 128;

  private Replies() {}

  /**
   * The reply in {@code wire}, from its position to its limit, which this consumes.
   *
   * @param wire a DNS message as received
   * @return the message, without its misfit address records
   * @throws IOException if it does not parse, misfit address records aside
   */
  public static Message read(ByteBuffer wire) throws IOException {
    ByteBuffer octets = wire.duplicate();
    try {
      return new Message(wire);
    } catch (IOException | RuntimeException refused) {
      byte[] copy = new byte[octets.remaining()];
      octets.get(copy);
      Message kept = withoutMisfits(copy);
      if (kept == null) {
        throw refused instanceof IOException io ? io : new IOException(refused.getMessage(), refused);
      }
      return kept;
    }
  }

  /**
   * The message with its misfit address records left out, or null when it has none (or is
   * malformed elsewhere too): each misfit's TYPE is set to a private-use type no record of the
   * message has, so that dnsjava reads it as opaque data, and those records are then removed.
   */
  private static Message withoutMisfits(byte[] octets) {
    if (octets.length < HEADER_LENGTH) {
      return null;
    }
    int questions = u16(octets, QDCOUNT);
    int records = u16(octets, QDCOUNT + 2) + u16(octets, QDCOUNT + 4) + u16(octets, QDCOUNT + 6);
    int at = HEADER_LENGTH;
    for (int i = 0; i < questions; i++) {
      int end = afterName(octets, at);
      if (end < 0) {
        return null;
      }
      at = end + 4;
    }
    List<Integer> misfits = new ArrayList<>();
    Set<Integer> types = new HashSet<>();
    for (int i = 0; i < records; i++) {
      at = afterName(octets, at);
      if (at < 0 || at + RECORD_FIXED_FIELDS > octets.length) {
        return null;
      }
      int type = u16(octets, at);
      int length = u16(octets, at + RDLENGTH_OFFSET);
      types.add(type);
      if (type == Type.A && length != 4 || type == Type.AAAA && length != 16) {
        misfits.add(at);
      }
      at += RECORD_FIXED_FIELDS + length;
    }
    int free = FIRST_PRIVATE_TYPE;
    while (types.contains(free) && free < LAST_PRIVATE_TYPE) {
      free++;
    }
    int standIn = free;
    if (misfits.isEmpty() || at > octets.length || types.contains(standIn)) {
      return null;
    }
    for (int misfit : misfits) {
      octets[misfit] = (byte) (standIn >>> 8);
      octets[misfit + 1] = (byte) standIn;
    }
    Message message;
    try {
      message = new Message(octets);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    for (int section = Section.ANSWER; section <= Section.ADDITIONAL; section++) {
      int from = section;
      message.getSection(section).stream().filter(record -> record.getType() == standIn).toList()
          .forEach(record -> message.removeRecord(record, from));
    }
    return message;
  }

  /** Where the name at {@code at} ends (after its root label or its compression pointer); -1 if it runs off. */
  private static int afterName(byte[] octets, int at) {
    for (int labels = 0; labels < MAX_LABELS && at < octets.length; labels++) {
      int length = octets[at] & 0xFF;
      if ((length & 0xC0) == 0xC0) {
        return at + 2 <= octets.length ? at + 2 : -1;
      }
      if ((length & 0xC0) != 0) {
        return -1;
      }
      at += 1 + length;
      if (length == 0) {
        return at;
      }
    }
    return -1;
  }

  private static int u16(byte[] octets, int at) {
    return (octets[at] & 0xFF) << 8 | octets[at + 1] & 0xFF;
  }
}
