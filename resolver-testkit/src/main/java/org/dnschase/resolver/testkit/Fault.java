package org.dnschase.resolver.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
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
   * Meets {@code fault} with the given probability, else {@code otherwise}: a lossy or jittery
   * network rather than a dead server, e.g. {@code new Sometimes(0.05, new Drop())} loses one
   * datagram in twenty. Chances are drawn per query; nest a {@code Sometimes} as {@code otherwise}
   * to mix several faults.
   *
   * @param probability the chance of {@code fault}, 0 to 1
   * @param fault the fault met with that chance
   * @param otherwise the fault met the rest of the time, null for the normal reply
   */
  record Sometimes(double probability, Fault fault, Fault otherwise) implements Fault {
    /** Checks the probability and the fault. */
    public Sometimes {
      if (!(probability >= 0 && probability <= 1)) {
        throw new IllegalArgumentException("probability must be 0..1: " + probability);
      }
      Objects.requireNonNull(fault, "fault");
    }

    /**
     * Meets {@code fault} with the given probability and answers normally the rest of the time.
     *
     * @param probability the chance of {@code fault}, 0 to 1
     * @param fault the fault met with that chance
     */
    public Sometimes(double probability, Fault fault) {
      this(probability, fault, null);
    }
  }

  /**
   * Meets {@code fault} for the first {@code count} queries that arrive over {@code over} (either
   * transport when null), and {@code otherwise} for every other query: a reply lost once (a dropped
   * datagram, a TCP connection that stalls once), after which the server is well again. Unlike the
   * other faults it keeps a count, from the moment it is set: one instance serves one server (or
   * one name) in one test, and setting a new one counts afresh.
   */
  final class FirstOnly implements Fault {
    private final int count;
    private final RecordedQuery.Transport over;
    private final Fault fault;
    private final Fault otherwise;
    private final AtomicInteger met = new AtomicInteger();

    /**
     * Meets {@code fault} for the first {@code count} queries over {@code over}, {@code otherwise}
     * for the rest.
     *
     * @param count how many queries meet {@code fault}, at least 1
     * @param over the transport whose queries count, null for both
     * @param fault the fault the first queries meet
     * @param otherwise the fault every other query meets, null for the normal reply
     */
    public FirstOnly(int count, RecordedQuery.Transport over, Fault fault, Fault otherwise) {
      if (count < 1) {
        throw new IllegalArgumentException("count must be at least 1: " + count);
      }
      this.count = count;
      this.over = over;
      this.fault = Objects.requireNonNull(fault, "fault");
      this.otherwise = otherwise;
    }

    /**
     * Meets {@code fault} for the first {@code count} queries, over either transport; then answers normally.
     *
     * @param count how many queries meet {@code fault}, at least 1
     * @param fault the fault the first queries meet
     */
    public FirstOnly(int count, Fault fault) {
      this(count, null, fault, null);
    }

    /** The fault {@code query} meets, counting it when it is one of the first. */
    Fault choose(RecordedQuery query) {
      boolean counts = over == null || query.transport() == over;
      boolean first = counts && met.getAndUpdate(n -> n < count ? n + 1 : n) < count;
      return first ? fault : otherwise;
    }

    @Override
    public String toString() {
      return "FirstOnly[" + count + (over == null ? "" : " over " + over) + ": " + fault
          + ", then " + (otherwise == null ? "normal" : otherwise) + "]";
    }
  }

  /**
   * Sends the normal reply with {@code owners} extra A records in {@code section}, each under a
   * name of its own below {@code under} ({@code 0.under}, {@code 1.under}, ... in base 36): a
   * hostile large reply, since a resolver that groups or scrubs by owner pays for every distinct
   * name. Over UDP it does not fit and goes out truncated (TC set), so the client retries over TCP
   * and gets all of it, as from a real server.
   *
   * @param under the name the owners are below, e.g. the zone's origin to put them in bailiwick
   * @param owners how many records, 1 to {@link #MAX_OWNERS}
   * @param section a {@link Section} constant: ANSWER, AUTHORITY or ADDITIONAL
   */
  record Flood(Name under, int owners, int section) implements Fault {
    /** The most owners whose records still fit one TCP message (65,535 bytes) beside an answer. */
    public static final int MAX_OWNERS = 3_000;

    /** Checks the name, the count and the section. */
    public Flood {
      Objects.requireNonNull(under, "under");
      if (!under.isAbsolute()) {
        throw new IllegalArgumentException("under must be absolute: " + under);
      }
      if (owners < 1 || owners > MAX_OWNERS) {
        throw new IllegalArgumentException("owners must be 1.." + MAX_OWNERS + ": " + owners);
      }
      requireReplySection(section);
      ownerBelow(under, owners - 1); // the longest owner must be a name
    }

    /**
     * The owner of record {@code i}: its number in base 36, below {@link #under()}.
     *
     * @param i the record's number, 0 to {@code owners - 1}
     * @return its owner name
     * @throws IllegalArgumentException if {@code under} is relative or leaves no room for a label
     */
    public Name owner(int i) {
      return ownerBelow(under, i);
    }

    private static Name ownerBelow(Name under, int i) {
      try {
        return Name.concatenate(Name.fromConstantString(Integer.toString(i, 36)), under);
      } catch (NameTooLongException | RuntimeException e) {
        throw new IllegalArgumentException("no owner names fit below " + under + ": " + e.getMessage(), e);
      }
    }
  }

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
      requireReplySection(section);
    }
  }

  private static void requireReplySection(int section) {
    if (section < Section.ANSWER || section > Section.ADDITIONAL) {
      throw new IllegalArgumentException("section must be ANSWER, AUTHORITY or ADDITIONAL");
    }
  }
}
