package org.dnschase.resolver.internal.dnssec.denial;

import java.util.function.IntPredicate;
import org.dnschase.resolver.internal.dnssec.denial.Denial.BogusReason;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The rules for the type map of an NSEC or NSEC3 record at the name asked about, the same for
 * both (RFC 4035 §5.4, RFC 5155 §8.5, §8.6 and §8.9; RFC 6840 §4.4 for the sides of a zone cut).
 */
final class TypeMaps {

  private TypeMaps() {}

  /**
   * Whether the type map at {@code name} proves it has no {@code qtype}. For ANY, which every type
   * matches, only a map of the denial records themselves (NSEC or NSEC3 and their RRSIGs) does: a
   * name that owns any data has something to answer ANY with.
   *
   * @param types the record's type map
   * @return null if it does, else why not
   */
  static Denial.Bogus noData(int[] types, Name name, int qtype) {
    IntPredicate hasType = type -> contains(types, type);
    if (qtype == Type.ANY) {
      for (int type : types) {
        if (type != Type.NSEC && type != Type.NSEC3 && type != Type.RRSIG) {
          return new Denial.Bogus(BogusReason.TYPE_EXISTS, "the record at " + name + " lists "
              + Type.string(type) + ", which answers ANY");
        }
      }
    }
    if (qtype == Type.DS) {
      if (hasType.test(Type.SOA) && !name.equals(Name.root)) {
        return new Denial.Bogus(BogusReason.WRONG_SIDE_OF_CUT,
            "the record at " + name + " is the child zone's apex; only the parent can deny its DS");
      }
    } else if (hasType.test(Type.NS) && !hasType.test(Type.SOA)) {
      return new Denial.Bogus(BogusReason.WRONG_SIDE_OF_CUT,
          "the record at " + name + " is the parent's at a delegation; it denies only DS, not "
              + Type.string(qtype));
    }
    if (hasType.test(qtype) || hasType.test(Type.CNAME)) {
      return new Denial.Bogus(BogusReason.TYPE_EXISTS, "the record at " + name + " lists "
          + (hasType.test(qtype) ? Type.string(qtype) : "CNAME"));
    }
    return null;
  }

  private static boolean contains(int[] types, int type) {
    for (int present : types) {
      if (present == type) {
        return true;
      }
    }
    return false;
  }

  /** What the type map at a delegation point {@code cut} says about its DS. */
  static Denial noDs(IntPredicate hasType, Name cut) {
    if (hasType.test(Type.DS)) {
      return new Denial.Bogus(BogusReason.TYPE_EXISTS, "the record at " + cut + " lists DS");
    }
    if (hasType.test(Type.SOA)) {
      return new Denial.Bogus(BogusReason.WRONG_SIDE_OF_CUT,
          "the record at " + cut + " is the child zone's apex; only the parent can deny its DS");
    }
    if (!hasType.test(Type.NS)) {
      return new Denial.Bogus(BogusReason.NOT_A_DELEGATION, "the record at " + cut + " lists no NS");
    }
    return new Denial.NoDs(cut);
  }
}
