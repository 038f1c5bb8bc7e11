package org.dnschase.resolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.dnschase.resolver.spi.Transport;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * A DNS tree that exists only as rules, answered in memory: the root server (127.0.0.1) is
 * authoritative for every name and answers after the top-level label of the question, except
 * below {@code deleg.}, which it delegates, one zone per second-level label, to 13 name servers
 * with A and AAAA glue each, on addresses of their own; any other address is the server of such a
 * zone. Replies are generated for each query and go through the wire format, so the resolver gets
 * objects of its own, as from a socket, and nothing here keeps what it sent.
 *
 * <pre>
 *   n&lt;i&gt;.small.   A                       one address
 *   n&lt;i&gt;.kilo.    TXT                     1.1 KB of text
 *   n&lt;i&gt;.big.     TXT                     16 KB of text
 *   n&lt;i&gt;.many.    A                       100 addresses
 *   &lt;long&gt;.chain.  CNAME x 12, then A     a 12-hop chain of 200-octet names, in one reply
 *   &lt;long&gt;.neg.    NXDOMAIN                with the root's SOA
 *   h.z&lt;i&gt;.deleg. A                       after a referral with 13 NS and 26 glue records
 * </pre>
 */
final class SyntheticServers implements Transport {

  static final String ROOT_HINTS = """
      .            3600000 NS a.root.lab.
      a.root.lab.  3600000 A  127.0.0.1
      """;

  static final int CHAIN_HOPS = 12;
  private static final int NAME_SERVERS = 13;
  private static final long TTL = 3600;
  private static final Name ROOT_NS = Name.fromConstantString("a.root.lab.");
  private final AtomicInteger exchanges = new AtomicInteger();

  private static final String LONG_LABELS = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60);

  /** The question for the {@code i}-th name of a scenario, by its top-level label. */
  static Name question(String scenario, int i) {
    String name = switch (scenario) {
      case "chain" -> "x" + i + "-0." + LONG_LABELS + ".chain.";
      case "neg" -> "missing" + i + "." + LONG_LABELS + ".neg.";
      case "deleg" -> "h.z" + i + ".deleg.";
      default -> "n" + i + "." + scenario + ".";
    };
    return Name.fromConstantString(name);
  }

  /** How many queries the servers answered. */
  int exchanges() {
    return exchanges.get();
  }

  @Override
  public CompletableFuture<Message> exchange(InetSocketAddress server, Message query, Duration timeout) {
    exchanges.incrementAndGet();
    Record question = query.getQuestion();
    Message reply = new Message(query.getHeader().getID());
    reply.getHeader().setFlag(Flags.QR);
    reply.addRecord(question, Section.QUESTION);
    boolean root = server.getAddress().getHostAddress().equals("127.0.0.1");
    if (question.getName().equals(Name.root)) {
      primingAnswer(reply);
    } else if (root && topLabel(question.getName()).equals("deleg")) {
      referral(reply, question.getName());
    } else {
      answer(reply, question.getName(), question.getType());
    }
    try {
      return CompletableFuture.completedFuture(new Message(reply.toWire()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void primingAnswer(Message reply) {
    reply.getHeader().setFlag(Flags.AA);
    reply.addRecord(new NSRecord(Name.root, DClass.IN, TTL, ROOT_NS), Section.ANSWER);
    reply.addRecord(new ARecord(ROOT_NS, DClass.IN, TTL, address(127, 0, 0, 1)), Section.ADDITIONAL);
  }

  private static void answer(Message reply, Name name, int type) {
    reply.getHeader().setFlag(Flags.AA);
    switch (topLabel(name)) {
      case "small", "deleg" -> addA(reply, name, 1);
      case "many" -> addA(reply, name, 100);
      case "kilo" -> reply.addRecord(txt(name, 1100), Section.ANSWER);
      case "big" -> reply.addRecord(txt(name, 16 * 1024), Section.ANSWER);
      case "chain" -> chain(reply, name);
      default -> {
        reply.getHeader().setRcode(Rcode.NXDOMAIN);
        reply.addRecord(new SOARecord(Name.root, DClass.IN, TTL, ROOT_NS,
            Name.fromConstantString("hostmaster.root.lab."), 1, 3600, 600, 86400, TTL), Section.AUTHORITY);
      }
    }
  }

  /** The chain from {@code x<i>-0} on, each hop a name of its own, then the addresses. */
  private static void chain(Message reply, Name name) {
    String start = name.getLabelString(0);
    String prefix = start.substring(0, start.indexOf('-') + 1);
    int from = Integer.parseInt(start.substring(prefix.length()));
    for (int hop = from; hop < CHAIN_HOPS; hop++) {
      reply.addRecord(new CNAMERecord(chainName(prefix, hop), DClass.IN, TTL, chainName(prefix, hop + 1)),
          Section.ANSWER);
    }
    addA(reply, chainName(prefix, CHAIN_HOPS), 1);
  }

  private static Name chainName(String prefix, int hop) {
    return Name.fromConstantString(prefix + hop + "." + LONG_LABELS + ".chain.");
  }

  /** z<i>.deleg. on 13 name servers, each with an A and an AAAA of its own. */
  private static void referral(Message reply, Name name) {
    Name zone = new Name(name, name.labels() - 3);
    int i = Integer.parseInt(zone.getLabelString(0).substring(1));
    for (int k = 0; k < NAME_SERVERS; k++) {
      Name server = Name.fromConstantString("ns" + k + "." + zone);
      reply.addRecord(new NSRecord(zone, DClass.IN, TTL, server), Section.AUTHORITY);
      reply.addRecord(new ARecord(server, DClass.IN, TTL, address(127, 1 + (i >> 8 & 0xff), i & 0xff, 1 + k)),
          Section.ADDITIONAL);
      reply.addRecord(new AAAARecord(server, DClass.IN, TTL, address6(i, k)), Section.ADDITIONAL);
    }
  }

  private static void addA(Message reply, Name name, int count) {
    for (int k = 0; k < count; k++) {
      reply.addRecord(new ARecord(name, DClass.IN, TTL, address(10, 0, k >> 8, k & 0xff)), Section.ANSWER);
    }
  }

  private static TXTRecord txt(Name name, int octets) {
    List<String> strings = new ArrayList<>();
    for (int left = octets; left > 0; left -= 255) {
      strings.add("t".repeat(Math.min(255, left)));
    }
    return new TXTRecord(name, DClass.IN, TTL, strings);
  }

  private static String topLabel(Name name) {
    return name.getLabelString(name.labels() - 2);
  }

  private static InetAddress address(int a, int b, int c, int d) {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InetAddress address6(int zone, int server) {
    byte[] bytes = new byte[16];
    bytes[0] = (byte) 0xfd;
    bytes[12] = (byte) (zone >> 8);
    bytes[13] = (byte) zone;
    bytes[15] = (byte) (server + 1);
    try {
      return InetAddress.getByAddress(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int typeOf(String scenario) {
    return scenario.equals("kilo") || scenario.equals("big") ? Type.TXT : Type.A;
  }
}
