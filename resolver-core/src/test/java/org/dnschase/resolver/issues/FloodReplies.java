package org.dnschase.resolver.issues;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.spi.Transport;
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
 * An in-memory root server whose every reply carries a flood: {@code owners} records, each under
 * a name of its own, in the additional or authority section, all in bailiwick. The reply is
 * encoded once and parsed anew for each exchange, as a transport would, and delivered at once,
 * so a whole resolution runs on the thread that asked: its CPU time is the resolver's work.
 */
final class FloodReplies implements Transport {

  private static final InetAddress ROOT = CannedServers.ROOT;
  private static final Name FLOOD = Name.fromConstantString("flood.");

  private final byte[] answer;
  private final byte[] priming;

  /**
   * @param owners how many records under distinct owners the answer to any A question carries
   * @param section {@link Section#ADDITIONAL} (A records) or {@link Section#AUTHORITY} (NS records)
   */
  FloodReplies(int owners, int section) {
    Message reply = new Message();
    reply.getHeader().setFlag(Flags.QR);
    reply.getHeader().setFlag(Flags.AA);
    for (int i = 0; i < owners; i++) {
      Name owner = owner(i);
      Record record = section == Section.AUTHORITY
          ? new NSRecord(owner, DClass.IN, 3600, Name.fromConstantString("ns.flood."))
          : new ARecord(owner, DClass.IN, 3600, ROOT);
      reply.addRecord(record, section);
    }
    this.answer = reply.toWire();
    Message prime = new Message();
    prime.getHeader().setFlag(Flags.QR);
    prime.getHeader().setFlag(Flags.AA);
    prime.addRecord(new NSRecord(Name.root, DClass.IN, 86400, Name.fromConstantString("a.root.")), Section.ANSWER);
    prime.addRecord(new ARecord(Name.fromConstantString("a.root."), DClass.IN, 86400, ROOT), Section.ADDITIONAL);
    this.priming = prime.toWire();
  }

  /** A resolver asking only this server. */
  Resolver resolver() {
    return Resolver.builder().transport(this).qnameMinimisation(false)
        .rootHints(RootHints.of(Map.of(Name.fromConstantString("a.root."), List.of(ROOT)))).build();
  }

  @Override
  public CompletableFuture<Message> exchange(InetSocketAddress server, Message query, Duration timeout) {
    Record question = query.getQuestion();
    try {
      Message reply = new Message(question.getType() == Type.NS ? priming : answer);
      reply.getHeader().setID(query.getHeader().getID());
      reply.addRecord(question, Section.QUESTION);
      if (question.getType() == Type.A) {
        reply.addRecord(new ARecord(question.getName(), DClass.IN, 300, ROOT), Section.ANSWER);
      }
      return CompletableFuture.completedFuture(reply);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Name owner(int i) {
    return Name.fromConstantString(Integer.toString(i, 36) + "." + FLOOD);
  }
}
