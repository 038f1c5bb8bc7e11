package org.dnschase.resolver.internal.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * A small section, searched in order, and a large one, indexed by hash, answer every look-up
 * alike: the first RRset of a type at an owner (a repeated one is not taken), every RRset at an
 * owner in the section's order, the first of a type.
 */
class SectionIndexTest {

  private static final int[] TYPES = {Type.A, Type.AAAA, Type.TXT};

  @ParameterizedTest(name = "{0} RRsets")
  @ValueSource(ints = {1, 3, SectionIndex.SCANNED, SectionIndex.SCANNED + 1, 40})
  @DisplayName("searched in order or indexed, a section's look-ups give the same RRsets")
  void lookUps_followTheSectionsOrder(int size) throws Exception {
    List<RRset> sets = sets(size);
    SectionIndex index = new SectionIndex(sets);

    for (int owner = 0; owner < 5; owner++) {
      Name name = owner(owner);
      List<RRset> at = sets.stream().filter(set -> set.getName().equals(name)).toList();
      assertThat(index.at(name)).containsExactlyElementsOf(at);
      for (int type : TYPES) {
        RRset first = at.stream().filter(set -> set.getType() == type).findFirst().orElse(null);
        assertThat(index.find(name, type)).isSameAs(first);
      }
      assertThat(index.find(name, Type.ANY)).isSameAs(at.isEmpty() ? null : at.get(0));
    }
    for (int type : TYPES) {
      assertThat(index.firstOfType(type))
          .isSameAs(sets.stream().filter(set -> set.getType() == type).findFirst().orElse(null));
    }
    assertThat(index.find(Name.fromConstantString("absent.example."), Type.A)).isNull();
  }

  /** {@code size} RRsets over four owners and three types, the last repeating the first's owner and type. */
  private static List<RRset> sets(int size) throws Exception {
    List<RRset> sets = new ArrayList<>();
    for (int i = 0; i < size - 1; i++) {
      sets.add(new RRset(record(owner(i % 4), TYPES[(i / 4) % TYPES.length], i)));
    }
    sets.add(new RRset(record(owner(0), TYPES[0], size)));
    return sets;
  }

  private static Name owner(int n) {
    return Name.fromConstantString("h" + n + ".example.");
  }

  private static Record record(Name owner, int type, int n) throws Exception {
    return switch (type) {
      case Type.A -> new ARecord(owner, DClass.IN, 300, InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) n}));
      case Type.AAAA -> new AAAARecord(owner, DClass.IN, 300,
          InetAddress.getByAddress(new byte[] {32, 1, 13, (byte) 184, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) n}));
      default -> new TXTRecord(owner, DClass.IN, 300, "n" + n);
    };
  }
}
