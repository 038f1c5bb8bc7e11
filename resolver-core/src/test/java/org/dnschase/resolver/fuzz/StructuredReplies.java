package org.dnschase.resolver.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.dnschase.resolver.testkit.Dispatcher;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;

/**
 * Replies built from the fuzzer's choices: mostly what the lab's server would answer, bent by a
 * few mutations (flags, rcode, records dropped, added, moved, renamed, re-classed or given other
 * TTLs), sometimes a reply made from nothing, a silence or a failed exchange. An input that runs
 * out of bytes gets the lab's own replies from then on, so every input ends in a resolution.
 */
final class StructuredReplies implements ReplyScript {

  private static final int[] SECTIONS = {Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL};
  private static final int[] RCODES = {Rcode.NOERROR, Rcode.NXDOMAIN, Rcode.SERVFAIL, Rcode.REFUSED,
      Rcode.FORMERR, Rcode.NOTIMP, Rcode.YXDOMAIN, Rcode.NOTAUTH};
  private static final int[] CLASSES = {DClass.IN, DClass.CH, DClass.HS, DClass.NONE, DClass.ANY, 0};
  private static final long[] TTLS = {0, 1, 60, 86_400, 604_800, 0x7FFF_FFFFL};
  private static final Duration[] RTTS = {Duration.ofMillis(1), Duration.ofMillis(20),
      Duration.ofMillis(300), Duration.ofSeconds(2)};

  private final FuzzedDataProvider data;

  StructuredReplies(FuzzedDataProvider data) {
    this.data = data;
  }

  @Override
  public Outcome next(InetSocketAddress server, Message query, Message lab) {
    Duration rtt = RTTS[data.consumeInt(0, RTTS.length - 1)];
    return switch (data.consumeInt(0, 7)) {
      case 0, 1, 2 -> arrives(lab, rtt, data.consumeInt(0, 2));
      case 3, 4 -> arrives(lab, rtt, data.consumeInt(1, 6));
      case 5 -> new Arrives(fromNothing(query), rtt);
      case 6 -> new Silence();
      default -> new Broken();
    };
  }

  private Outcome arrives(Message lab, Duration rtt, int mutations) {
    if (lab == null) {
      return new Silence(); // nobody listens there
    }
    for (int i = 0; i < mutations; i++) {
      mutate(lab);
    }
    return new Arrives(lab, rtt);
  }

  private Message fromNothing(Message query) {
    Message reply = Dispatcher.replyTo(query);
    reply.getHeader().setRcode(RCODES[data.consumeInt(0, RCODES.length - 1)]);
    if (data.consumeBoolean()) {
      reply.getHeader().setFlag(Flags.AA);
    }
    for (int section : SECTIONS) {
      for (int i = data.consumeInt(0, 4); i > 0; i--) {
        reply.addRecord(record(), section);
      }
    }
    return reply;
  }

  private void mutate(Message reply) {
    int section = SECTIONS[data.consumeInt(0, SECTIONS.length - 1)];
    List<Record> records = reply.getSection(section);
    Record victim = records.isEmpty() ? null : records.get(data.consumeInt(0, records.size() - 1));
    switch (data.consumeInt(0, 8)) {
      case 0 -> toggle(reply, Flags.AA);
      case 1 -> reply.getHeader().setRcode(RCODES[data.consumeInt(0, RCODES.length - 1)]);
      case 2 -> toggle(reply, Flags.TC);
      case 3 -> reply.addRecord(record(), section);
      case 4 -> replace(reply, section, victim, null);
      case 5 -> replace(reply, section, victim, victim == null ? null
          : reclassed(victim, victim.getDClass(), ttl()));
      case 6 -> replace(reply, section, victim, victim == null ? null
          : reclassed(victim, CLASSES[data.consumeInt(0, CLASSES.length - 1)], victim.getTTL()));
      case 7 -> replace(reply, section, victim, victim == null ? null : victim.withName(name()));
      default -> {
        replace(reply, section, victim, null);
        if (victim != null) {
          reply.addRecord(victim, SECTIONS[data.consumeInt(0, SECTIONS.length - 1)]);
        }
      }
    }
  }

  private static Record reclassed(Record record, int dclass, long ttl) {
    return Record.newRecord(record.getName(), record.getType(), dclass, ttl, record.rdataToWireCanonical());
  }

  private static void toggle(Message reply, int flag) {
    if (reply.getHeader().getFlag(flag)) {
      reply.getHeader().unsetFlag(flag);
    } else {
      reply.getHeader().setFlag(flag);
    }
  }

  private static void replace(Message reply, int section, Record old, Record replacement) {
    if (old != null) {
      reply.removeRecord(old, section);
      if (replacement != null) {
        reply.addRecord(replacement, section);
      }
    }
  }

  /** A record of a type the resolver looks at, mostly of class IN, about a name of the lab or not. */
  private Record record() {
    Name owner = name();
    int dclass = data.consumeInt(0, 7) == 0 ? CLASSES[data.consumeInt(1, CLASSES.length - 1)] : DClass.IN;
    long ttl = ttl();
    return switch (data.consumeInt(0, 7)) {
      case 0 -> new NSRecord(owner, dclass, ttl, name());
      case 1 -> new CNAMERecord(owner, dclass, ttl, name());
      case 2 -> new DNAMERecord(owner, dclass, ttl, name());
      case 3 -> new SOARecord(owner, dclass, ttl, name(), name(), 1, 3600, 600, 86_400, ttl());
      case 4 -> new MXRecord(owner, dclass, ttl, data.consumeInt(0, 65_535), name());
      case 5 -> new TXTRecord(owner, dclass, ttl, data.consumeAsciiString(16).replace("\\", ""));
      default -> address(owner, dclass, ttl);
    };
  }

  private Record address(Name owner, int dclass, long ttl) {
    InetAddress address = FuzzLab.ADDRESSES.get(data.consumeInt(0, FuzzLab.ADDRESSES.size() - 1));
    return address instanceof Inet4Address
        ? new ARecord(owner, dclass, ttl, address)
        : new AAAARecord(owner, dclass, ttl, address);
  }

  private Name name() {
    return FuzzLab.NAMES.get(data.consumeInt(0, FuzzLab.NAMES.size() - 1));
  }

  private long ttl() {
    return data.consumeBoolean() ? TTLS[data.consumeInt(0, TTLS.length - 1)] : data.consumeLong(0, 0x7FFF_FFFFL);
  }
}
