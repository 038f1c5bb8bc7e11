package org.dnschase.resolver.testkit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Answers from the zones of one server as RFC 1034 §4.3.2 says: the closest enclosing zone is
 * searched; a CNAME or DNAME is followed while its target stays inside that zone (step 3a), a cut
 * gives a referral with glue (step 3b), a missing name or type gives the SOA (RFC 2308).
 */
final class ZoneDispatcher implements Dispatcher {
  /**
   * Most CNAME/DNAME links followed inside one reply. Generous (the resolver's own limit is 12) so
   * that hop-limit tests can be served from one zone; it only ends DNAME-to-own-subtree spirals.
   */
  static final int MAX_LINKS = 64;

  private final List<ServedZone> zones;

  ZoneDispatcher(List<ServedZone> zones) {
    this.zones = List.copyOf(zones);
  }

  @Override
  public Message dispatch(RecordedQuery query) {
    Message reply = Dispatcher.replyTo(query.message());
    if (query.message().getHeader().getOpcode() != Opcode.QUERY) {
      reply.getHeader().setRcode(Rcode.NOTIMP);
      return reply;
    }
    ServedZone zone = query.message().getQuestion().getDClass() == DClass.IN
        ? zoneFor(query.qname(), query.qtype())
        : null;
    if (zone == null) {
      reply.getHeader().setRcode(Rcode.REFUSED); // not authoritative, and we do not recurse
      return reply;
    }
    new Filler(zone, reply, wantsDnssec(query.message())).fill(query.qname(), query.qtype());
    return reply;
  }

  /** RFC 3225 §3: the DO bit asks for RRSIGs and proofs. */
  static boolean wantsDnssec(Message query) {
    OPTRecord opt = query.getOPT();
    return opt != null && (opt.getFlags() & ExtendedFlags.DO) != 0;
  }

  private ServedZone zoneFor(Name qname, int qtype) {
    ServedZone best = closest(qname);
    // DS at a cut belongs to the parent (RFC 4035 §3.1.4.1), if this server serves it too
    if (best != null && qtype == Type.DS && best.origin().equals(qname) && qname.labels() > 1) {
      ServedZone parent = closest(new Name(qname, 1));
      return parent != null ? parent : best;
    }
    return best;
  }

  private ServedZone closest(Name name) {
    ServedZone best = null;
    for (ServedZone zone : zones) {
      if (zone.encloses(name)
          && (best == null || zone.origin().labels() > best.origin().labels())) {
        best = zone;
      }
    }
    return best;
  }

  /**
   * Fills one reply from one zone; with {@code dnssec}, each RRset with its RRSIGs and each
   * negative answer, wildcard expansion and insecure referral with its NSEC or NSEC3 proof (RFC
   * 4035 §3.1).
   */
  private record Filler(ServedZone zone, Message reply, boolean dnssec) {

    void fill(Name qname, int qtype) {
      reply.getHeader().setFlag(Flags.AA); // cleared again if the first step is a referral
      Set<Name> seen = new HashSet<>();
      Name name = qname;
      // a name seen twice is a CNAME loop: the reply ends with the records that close it
      while (name != null && seen.size() < MAX_LINKS && seen.add(name)) {
        name = step(name, qtype);
      }
    }

    /** Answers one name; returns the next name to look up in this zone, or null when done. */
    private Name step(Name name, int qtype) {
      return switch (zone.lookup(name, qtype)) {
        case ZoneResult.Answer a -> {
          a.rrsets().forEach(set -> addAll(set, Section.ANSWER));
          a.rrsets().forEach(this::addTargetAddresses);
          proveExpansion(name);
          yield null;
        }
        case ZoneResult.Alias a -> {
          add(a.cname(), Section.ANSWER);
          addSignatures(a.cname().getName(), Type.CNAME, name);
          proveExpansion(name);
          yield inZone(a.cname().getTarget());
        }
        case ZoneResult.Redirect r -> synthesise(name, r.dname());
        case ZoneResult.Referral r -> referral(r.ns());
        case ZoneResult.NxDomain n -> negative(Rcode.NXDOMAIN, name);
        case ZoneResult.NoData n -> negative(Rcode.NOERROR, name);
      };
    }

    /** RFC 4035 §3.1.3.3: an answer from a wildcard proves the name asked for does not exist. */
    private void proveExpansion(Name name) {
      if (dnssec && zone.denial() != null && !zone.exists(name)) {
        prove(zone.denial().wildcardAnswer(name, zone.closestEncloser(name)));
      }
    }

    /** The RRSIGs of the RRset of {@code type} at {@code name}, or at the wildcard that made it. */
    private void addSignatures(Name name, int type, Name owner) {
      if (!dnssec) {
        return;
      }
      RRset source = zone.exists(name) ? zone.rrset(name, type)
          : zone.rrset(Denial.wildcardAt(zone.closestEncloser(name)), type);
      if (source != null) {
        source.sigs().forEach(sig -> add(sig.withName(owner), Section.ANSWER));
      }
    }

    private void prove(List<RRset> proof) {
      proof.forEach(set -> addAll(set, Section.AUTHORITY));
    }

    /** RFC 6672 §2.2 and §3.1: the DNAME, the CNAME it implies (same TTL), then the target. */
    private Name synthesise(Name name, DNAMERecord dname) {
      add(dname, Section.ANSWER);
      addSignatures(dname.getName(), Type.DNAME, dname.getName());
      Name target;
      try {
        target = name.fromDNAME(dname);
      } catch (NameTooLongException e) {
        reply.getHeader().setRcode(Rcode.YXDOMAIN);
        return null;
      }
      add(new CNAMERecord(name, dname.getDClass(), dname.getTTL(), target), Section.ANSWER);
      return inZone(target);
    }

    private Name referral(RRset ns) {
      if (reply.getSection(Section.ANSWER).isEmpty()) {
        reply.getHeader().unsetFlag(Flags.AA); // the child zone holds the answer, not us
      }
      addAll(ns, Section.AUTHORITY);
      proveDelegation(ns.getName());
      for (Record r : ns.rrs(false)) {
        Name host = ((NSRecord) r).getTarget();
        if (zone.encloses(host)) {
          zone.addressRecords(host).forEach(glue -> add(glue, Section.ADDITIONAL));
        }
      }
      return null;
    }

    /**
     * RFC 1035 §3.3.9 and §3.3.11, additional section processing: the addresses the zone holds
     * for the targets of NS and MX records in the answer, as NSD and BIND send them (a resolver
     * priming from {@code . NS} finds the root servers' addresses there), with their RRSIGs for a
     * DO query (RFC 4035 §3.1.1); glue below a cut has none.
     */
    private void addTargetAddresses(RRset answer) {
      if (answer.getType() != Type.NS && answer.getType() != Type.MX) {
        return;
      }
      for (Record r : answer.rrs(false)) {
        Name target = r.getAdditionalName();
        if (zone.encloses(target)) {
          for (int type : new int[] {Type.A, Type.AAAA}) {
            RRset addresses = zone.rrset(target, type);
            if (addresses != null) {
              addAll(addresses, Section.ADDITIONAL);
            }
          }
        }
      }
    }

    /** RFC 4035 §3.1.4: the DS of a signed child, or the proof that there is none. */
    private void proveDelegation(Name cut) {
      RRset ds = zone.rrset(cut, Type.DS);
      if (dnssec && ds != null) {
        addAll(ds, Section.AUTHORITY);
      } else if (dnssec && zone.denial() != null) {
        prove(zone.denial().noDs(cut));
      }
    }

    private Name negative(int rcode, Name name) {
      reply.getHeader().setRcode(rcode);
      if (zone.negativeSoaServed()) {
        add(zone.negativeSoa(), Section.AUTHORITY);
        if (dnssec) {
          zone.rrset(zone.origin(), Type.SOA).sigs().forEach(sig -> add(sig, Section.AUTHORITY));
        }
      }
      Denial denial = zone.denial();
      if (dnssec && denial != null) {
        boolean exists = zone.exists(name);
        Name encloser = exists ? name : zone.closestEncloser(name);
        prove(rcode == Rcode.NXDOMAIN ? denial.nxDomain(name, encloser)
            : exists ? denial.noData(name) : denial.wildcardNoData(name, encloser));
      }
      return null;
    }

    private Name inZone(Name target) {
      return zone.encloses(target) ? target : null;
    }

    /**
     * The RRset's records, and its RRSIGs with DO; a set of signatures alone (the answer to an
     * RRSIG question, which asks for them explicitly, RFC 3225 §3) goes out with or without DO.
     */
    private void addAll(RRset set, int section) {
      set.rrs(false).forEach(r -> add(r, section));
      if (dnssec || set.size() == 0) {
        set.sigs().forEach(sig -> add(sig, section));
      }
    }

    private void add(Record record, int section) {
      if (!reply.findRecord(record, section)) {
        reply.addRecord(record, section);
      }
    }
  }
}
