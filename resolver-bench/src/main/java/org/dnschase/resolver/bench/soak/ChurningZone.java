package org.dnschase.resolver.bench.soak;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicLong;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Dispatcher;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * {@code churn.lab.}'s server, a zone that never repeats itself: every name below it is referred
 * to two name servers named for the first time, without glue, so each referral costs the resolver
 * two look-ups of new names; half of those names have this server's address (the walk goes on one
 * label deeper, and the name asked last is referred to itself, which is lame), the other half an
 * address on 127.54.0.0/16 where nothing listens. Over a long run the resolver meets ever more
 * zone cuts, name servers and server addresses, all of which it must keep within bounds.
 */
final class ChurningZone implements Dispatcher {

  private static final Name ZONE = Name.fromConstantString("churn.lab.");
  private static final long TTL = 300;

  private final Dispatcher zone;
  private final AtomicLong serial = new AtomicLong();

  ChurningZone(AuthServer server) {
    this.zone = server.zoneDispatcher();
  }

  @Override
  public Message dispatch(RecordedQuery query) {
    Message asked = query.message();
    Name qname = asked.getQuestion().getName();
    if (qname.equals(ZONE) || !qname.subdomain(ZONE)) {
      return zone.dispatch(query);
    }
    Message reply = Dispatcher.replyTo(asked);
    String first = qname.getLabelString(0);
    if (first.matches("ns[0-9]{1,18}")) {
      reply.getHeader().setFlag(Flags.AA);
      if (asked.getQuestion().getType() == Type.A) {
        reply.addRecord(new ARecord(qname, DClass.IN, TTL, address(first)), Section.ANSWER);
      }
      return reply;
    }
    for (int i = 0; i < 2; i++) {
      reply.addRecord(new NSRecord(qname, DClass.IN, TTL, fresh()), Section.AUTHORITY);
    }
    return reply;
  }

  private Name fresh() {
    try {
      return Name.fromString("ns" + serial.incrementAndGet(), ZONE);
    } catch (TextParseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** This server's address for an even name server, one where nothing listens for an odd one. */
  private static InetAddress address(String label) {
    long n = Long.parseLong(label.substring(2));
    byte[] octets = n % 2 == 0 ? new byte[] {127, 53, 9, 1}
        : new byte[] {127, 54, (byte) (n >> 8), (byte) n};
    try {
      return InetAddress.getByAddress(octets);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
