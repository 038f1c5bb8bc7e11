package org.dnschase.resolver.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.cache.TrustRank.AUTHORITATIVE_ANSWER;
import static org.dnschase.resolver.cache.internal.Records.name;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.dnschase.resolver.cache.EntryRef;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.ValidationStatus;
import org.dnschase.resolver.testkit.RetainedHeap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The weight of an entry tracks the heap it really holds, whatever its shape, so that a byte
 * budget means about the same for every mix of data. The RRsets are parsed from the wire, as a
 * resolver gets them: every record then comes with an owner name object of its own.
 */
@DisplayName("The weigher tracks what an entry holds: large RDATA, many records, long names, signatures")
class WeightTrackingTest {

  private static final String LONG = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "."
      + "d".repeat(55) + ".";

  /** Shapes of data a cache may be fed, each as the {@code i}-th RRset of its kind. */
  enum Shape {
    ONE_ADDRESS(i -> addresses("h" + i + ".example.", 1)),
    KILOBYTE_TEXT(i -> text("t" + i + ".example.", 1100, 255)),
    LARGE_TEXT(i -> text("t" + i + ".example.", 16 * 1024, 255)),
    TINY_STRINGS(i -> text("t" + i + ".example.", 2000, 1)),
    HUNDRED_ADDRESSES(i -> addresses("h" + i + ".example.", 100)),
    LONG_OWNER_MANY_RECORDS(i -> addresses("h" + i + "." + LONG, 50)),
    SIGNED(i -> signed("s" + i + ".example.", 4)),
    NSEC_BITMAP(i -> nsec("n" + i + ".example."));

    private final IntFunction<RRset> make;

    Shape(IntFunction<RRset> make) {
      this.make = make;
    }
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  @DisplayName("the estimate is within -25% and +60% of the heap measured after GC")
  void estimate_tracksMeasuredHeap(Shape shape) {
    int count = 1000;
    RRsetCache cache = RRsetCache.builder().maximumBytes(1L << 32).executor(Runnable::run).build();
    cache.put(shape.make.apply(count), AUTHORITATIVE_ANSWER); // loads the classes involved
    cache.invalidate(shape.make.apply(count).getName(), shape.make.apply(count).getType(), DClass.IN);
    long before = RetainedHeap.bytes();
    for (int i = 0; i < count; i++) {
      cache.put(shape.make.apply(i), AUTHORITATIVE_ANSWER);
    }
    long measured = RetainedHeap.bytes() - before;
    long estimated = cache.stats().estimatedBytes();

    System.out.printf("%s: measured %,d bytes per entry, estimated %,d%n", shape, measured / count,
        estimated / count);
    assertThat(cache.stats().entries()).isEqualTo(count);
    assertThat((double) estimated / measured).isBetween(0.75, 1.6);
  }

  @Test
  @DisplayName("records parsed with owner names of their own share one name once stored")
  void recordsOfASet_shareOneOwnerName() {
    RRset parsed = addresses("h." + LONG, 50);
    assertThat(parsed.rrs(false).get(0).getName()).isNotSameAs(parsed.rrs(false).get(1).getName());

    CacheEntry entry = new CacheEntry.Positive(parsed, List.of(), 300, Long.MAX_VALUE, AUTHORITATIVE_ANSWER, ValidationStatus.INDETERMINATE, false);

    Name owner = entry.records().iterator().next().getName();
    assertThat(entry.records()).allSatisfy(record -> assertThat(record.getName()).isSameAs(owner));
  }

  @Test
  @DisplayName("an owner name not shared with the key is charged once per record that holds it")
  void unsharedOwnerNames_areCharged() {
    RRset parsed = addresses("h." + LONG, 50);
    List<Record> records = new ArrayList<>(parsed.rrs(false));
    Name key = records.get(0).getName();

    long shared = EntryWeigher.dataBytes(key, records.stream().map(r -> r.withName(key)).toList());
    long unshared = EntryWeigher.dataBytes(key, records);

    assertThat(unshared - shared).isEqualTo(49L * (EntryWeigher.NAME_BYTES + key.length()));
  }

  @Test
  @DisplayName("an entry no longer stored drops its data: its ref keeps a shell, weighing nothing")
  void removedEntry_dropsItsData() {
    RRsetCache cache = RRsetCache.builder().executor(Runnable::run).build();
    cache.put(text("big.example.", 16 * 1024, 255), AUTHORITATIVE_ANSWER);
    EntryRef ref = cache.entryRef(name("big.example."), Type.TXT, DClass.IN);
    assertThat(ref.dataBytes()).isGreaterThan(16 * 1024);

    cache.invalidateAll();

    assertThat(ref.dataBytes()).isZero();
    assertThat(ref.answerAt(cache.nowNanos())).isNull();
    assertThat(((CacheEntry) ref).records()).isEmpty();
  }

  @Test
  @DisplayName("invalidateAll runs each listener once, until it is removed")
  void invalidateAll_runsListeners() {
    RRsetCache cache = RRsetCache.builder().executor(Runnable::run).build();
    int[] runs = new int[1];
    Runnable listener = () -> runs[0]++;
    cache.addInvalidationListener(listener);
    cache.addInvalidationListener(listener);

    cache.invalidateAll();
    cache.removeInvalidationListener(listener);
    cache.invalidateAll();

    assertThat(runs[0]).isEqualTo(1);
  }

  /* ---- shapes, parsed from the wire ---- */

  private static RRset addresses(String owner, int count) {
    List<Record> records = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      records.add(new ARecord(name(owner), DClass.IN, 300, address(k)));
    }
    return parsed(records);
  }

  private static RRset text(String owner, int octets, int perString) {
    List<String> strings = new ArrayList<>();
    for (int left = octets; left > 0; left -= perString) {
      strings.add("t".repeat(Math.min(perString, left)));
    }
    return parsed(List.of(new TXTRecord(name(owner), DClass.IN, 300, strings)));
  }

  private static RRset signed(String owner, int count) {
    List<Record> records = new ArrayList<>(addresses(owner, count).rrs(false));
    Instant signedAt = Instant.parse("2024-01-01T00:00:00Z");
    for (int k = 0; k < 2; k++) {
      records.add(new RRSIGRecord(name(owner), DClass.IN, 300, Type.A, 13, 300,
          signedAt.plusSeconds(86_400 * 30), signedAt, 12345 + k, name("example."), new byte[64]));
    }
    return parsed(records);
  }

  private static RRset nsec(String owner) {
    int[] types = new int[400];
    for (int t = 0; t < types.length; t++) {
      types[t] = 1000 + t;
    }
    return parsed(List.of(new NSECRecord(name(owner), DClass.IN, 300, name("z" + owner), types)));
  }

  /** The records through the wire format and back, as a reply brings them. */
  private static RRset parsed(List<Record> records) {
    Message message = new Message();
    records.forEach(record -> message.addRecord(record, Section.ANSWER));
    try {
      Message back = new Message(message.toWire());
      RRset rrset = new RRset();
      back.getSection(Section.ANSWER).forEach(rrset::addRR);
      return rrset;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InetAddress address(int k) {
    try {
      return InetAddress.getByAddress(new byte[] {10, 1, (byte) (k >> 8), (byte) k});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
