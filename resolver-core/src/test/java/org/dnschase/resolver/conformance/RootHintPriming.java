package org.dnschase.resolver.conformance;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import org.dnschase.resolver.testkit.scenario.ScenarioConfig;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Deckard's resolver of the time (Knot Resolver with its {@code hints} module) started from its
 * root hint without asking the root for its NS set, so some scripts give their root server no
 * {@code . NS} entry; ours primes first (RFC 8109 §3). Such a priming query is answered with what
 * the hint itself says (the root's NS set naming the hinted server, its addresses as glue): the
 * walk then starts from the same delegation the script's resolver started from, and no query the
 * script does not foresee is hidden (the root server's own {@code . NS} entry, when it has one,
 * answers first).
 *
 * @param server the hinted root server's name
 * @param addresses its addresses
 */
record RootHintPriming(Name server, List<InetAddress> addresses) {

  /** The TTL of the root hints file (RFC 8109 §2). */
  private static final long HINT_TTL = 3_600_000;

  /** The scenario's root hint; null when it names no root server (it forwards, or uses built-in hints). */
  static RootHintPriming of(ScenarioConfig config) {
    List<InetAddress> addresses = config.rootServerAddresses();
    return addresses.isEmpty() ? null : new RootHintPriming(config.rootServerName(), addresses);
  }

  /** Whether {@code query} to {@code destination} is a priming query to the hinted server. */
  boolean primes(InetAddress destination, Message query) {
    Record question = query.getQuestion();
    return question != null && question.getName().equals(Name.root) && question.getType() == Type.NS
        && addresses.contains(destination);
  }

  /** The hint as the authoritative answer to {@code query}: the root's NS set and its glue. */
  Message primingReply(Message query) {
    Message reply = new Message(query.getHeader().getID());
    reply.getHeader().setFlag(Flags.QR);
    reply.getHeader().setFlag(Flags.AA);
    reply.addRecord(query.getQuestion(), Section.QUESTION);
    reply.addRecord(new NSRecord(Name.root, DClass.IN, HINT_TTL, server), Section.ANSWER);
    for (InetAddress address : addresses) {
      reply.addRecord(address instanceof Inet4Address
          ? new ARecord(server, DClass.IN, HINT_TTL, address)
          : new AAAARecord(server, DClass.IN, HINT_TTL, address), Section.ADDITIONAL);
    }
    return ScenarioTransport.wire(reply);
  }
}
