package org.dnschase.resolver.testkit;

import java.time.Duration;
import java.util.Objects;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * A way for an {@link AuthServer} to misbehave, set with {@link AuthServer#setFault(Fault)} for
 * every query or with {@link AuthServer#setFault(org.xbill.DNS.Name, Fault)} for one qname. The
 * query is recorded either way; the fault only changes what (if anything) goes back.
 */
public sealed interface Fault {

  /** Sends nothing back, as a server that is down or a lost packet (the client times out). */
  record Drop() implements Fault {}

  /**
   * Sends the normal reply after {@code delay}, scheduled on the event loop so other queries are
   * still answered meanwhile.
   *
   * @param delay how long to hold the reply; not negative
   */
  record Delay(Duration delay) implements Fault {
    /** Checks the delay. */
    public Delay {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative: " + delay);
      }
    }
  }

  /**
   * Over UDP, replies with the header and question only and TC set whatever the size; over TCP,
   * sends the full answer (RFC 1035 §4.2.1, RFC 7766 §5).
   */
  record TruncateUdp() implements Fault {}

  /**
   * Replies with this RCODE and empty sections, e.g. {@link org.xbill.DNS.Rcode#SERVFAIL} or
   * {@link org.xbill.DNS.Rcode#REFUSED}.
   *
   * @param rcode a header RCODE, 0 to 15
   */
  record Rcode(int rcode) implements Fault {
    /** Checks that the RCODE fits the header's four bits. */
    public Rcode {
      if (rcode < 0 || rcode > 15) {
        throw new IllegalArgumentException("rcode must be 0..15 (no extended RCODEs): " + rcode);
      }
    }
  }

  /**
   * Replies with random bytes instead of a DNS message.
   *
   * @param length how many bytes, 1 to 512
   */
  record Garbage(int length) implements Fault {
    /** Garbage of 32 bytes: longer than a header, so a careless parser reads on. */
    public Garbage() {
      this(32);
    }

    /** Checks the length. */
    public Garbage {
      if (length < 1 || length > 512) {
        throw new IllegalArgumentException("length must be 1..512: " + length);
      }
    }
  }

  /** Sends the normal reply with the message ID changed (a spoofing attempt's signature). */
  record WrongId() implements Fault {}

  /** Sends the normal reply with another question in it (RFC 5452 §9.1: must be discarded). */
  record WrongQuestion() implements Fault {}

  /**
   * Answers like a lame server: NOERROR, AA clear, every section but the question empty (RFC 1034
   * §4.2.2's "lame delegation").
   */
  record Lame() implements Fault {}

  /**
   * Sends the normal reply with one extra record in the given section, typically one outside the
   * zone's bailiwick that a resolver must drop (RFC 2181 §5.4.1).
   *
   * @param record the record to add
   * @param section a {@link Section} constant: ANSWER, AUTHORITY or ADDITIONAL
   */
  record OutOfBailiwick(Record record, int section) implements Fault {
    /** Checks the record and the section. */
    public OutOfBailiwick {
      Objects.requireNonNull(record, "record");
      if (section < Section.ANSWER || section > Section.ADDITIONAL) {
        throw new IllegalArgumentException("section must be ANSWER, AUTHORITY or ADDITIONAL");
      }
    }
  }
}
