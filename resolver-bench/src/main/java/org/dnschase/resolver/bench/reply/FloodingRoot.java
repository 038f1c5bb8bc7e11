package org.dnschase.resolver.bench.reply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.spi.Transport;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A root server in memory that answers every A question with the address asked for and, in the
 * additional section, one A record under each of {@code owners} distinct names below
 * {@code flood.}: all in bailiwick, so the resolver groups, scrubs and classifies every one. The
 * reply is encoded once and parsed for each exchange, as the transport would.
 */
final class FloodingRoot implements Transport {

  static final Name FLOOD = Name.fromConstantString("flood.");
  private static final Name HOST = Name.fromConstantString("a.root.");

  private final InetAddress address;
  private final byte[] flood;
  private final byte[] priming;

  FloodingRoot(int owners) {
    try {
      address = InetAddress.getByAddress("a.root.", new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
    Message reply = authoritative();
    for (int i = 0; i < owners; i++) {
      reply.addRecord(new ARecord(owner(i), DClass.IN, 3600, address), Section.ADDITIONAL);
    }
    flood = reply.toWire();
    Message prime = authoritative();
    prime.addRecord(new NSRecord(Name.root, DClass.IN, 86400, HOST), Section.ANSWER);
    prime.addRecord(new ARecord(HOST, DClass.IN, 86400, address), Section.ADDITIONAL);
    priming = prime.toWire();
  }

  /** The owner of flood record {@code i}: its number in base 36 below {@link #FLOOD}. */
  static Name owner(int i) {
    return Name.fromConstantString(Integer.toString(i, 36) + "." + FLOOD);
  }

  /** A loopback-only resolver whose one root server is this one. */
  Resolver resolver() {
    return Resolver.builder().transport(this).qnameMinimisation(false).loopbackOnly()
        .cache(RRsetCache.builder().build())
        .rootHints(RootHints.of(Map.of(HOST, List.of(address)))).build();
  }

  /** The flooded reply as a fresh message, as a transport hands it over. */
  Message parse() {
    try {
      return new Message(flood);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public CompletableFuture<Message> exchange(InetSocketAddress server, Message query, Duration timeout) {
    try {
      var question = query.getQuestion();
      Message reply = new Message(question.getType() == Type.NS ? priming : flood);
      reply.getHeader().setID(query.getHeader().getID());
      reply.addRecord(question, Section.QUESTION);
      if (question.getType() == Type.A) {
        reply.addRecord(new ARecord(question.getName(), DClass.IN, 300, address), Section.ANSWER);
      }
      return CompletableFuture.completedFuture(reply);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static Message authoritative() {
    Message message = new Message();
    message.getHeader().setFlag(Flags.QR);
    message.getHeader().setFlag(Flags.AA);
    return message;
  }
}
