package org.dnschase.resolver.issues;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.ResolverBuilder;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.spi.Transport;
import org.xbill.DNS.Address;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A few servers with one canned reply per (address, name, type), answered in memory; anything
 * else times out. Records are master-file lines with absolute names.
 */
final class CannedServers implements Transport {

  /** The root server every resolver here starts from. */
  static final InetAddress ROOT = address("192.0.2.1");

  private final Map<String, Message> replies = new HashMap<>();
  private final List<String> asked = new CopyOnWriteArrayList<>();
  private final List<InetAddress> askedServers = new CopyOnWriteArrayList<>();

  /** The root server answers priming with itself. */
  CannedServers() {
    reply(ROOT, ". NS", Rcode.NOERROR, false, List.of(". 86400 NS a.root."), List.of(),
        List.of("a.root. 86400 A 192.0.2.1"));
  }

  CannedServers reply(InetAddress server, String question, int rcode, boolean authoritative,
      List<String> answer, List<String> authority, List<String> additional) {
    Message reply = new Message();
    reply.getHeader().setFlag(Flags.QR);
    if (authoritative) {
      reply.getHeader().setFlag(Flags.AA);
    }
    reply.getHeader().setRcode(rcode);
    add(reply, Section.ANSWER, answer);
    add(reply, Section.AUTHORITY, authority);
    add(reply, Section.ADDITIONAL, additional);
    replies.put(server.getHostAddress() + " " + question, reply);
    return this;
  }

  /** Adds {@code record} to {@code section} of the reply canned for (server, question). */
  CannedServers withRecord(InetAddress server, String question, int section, Record record) {
    replies.get(server.getHostAddress() + " " + question).addRecord(record, section);
    return this;
  }

  /** A fresh resolver whose only root server is {@link #ROOT}, asking these servers. */
  Resolver resolver() {
    return builder().build();
  }

  /** The builder of {@link #resolver()}, for a test that sets more. */
  ResolverBuilder builder() {
    return Resolver.builder().transport(this).qnameMinimisation(false) // canned full-name exchanges
        .rootHints(RootHints.of(Map.of(Name.fromConstantString("a.root."), List.of(ROOT))));
  }

  /** Resolves with a fresh {@link #resolver()}. */
  Resolution resolve(String name, int type) {
    try (Resolver resolver = resolver()) {
      return resolver.resolve(name, type);
    }
  }

  /** How many times {@code question} ("name TYPE") was asked, of any server. */
  long asked(String question) {
    return asked.stream().filter(question::equals).count();
  }

  /** How many questions {@code server} was asked. */
  long askedOf(InetAddress server) {
    return askedServers.stream().filter(server::equals).count();
  }

  /** How many questions were asked in all. */
  long queries() {
    return asked.size();
  }

  @Override
  public CompletableFuture<Message> exchange(InetSocketAddress server, Message query, Duration timeout) {
    Record question = query.getQuestion();
    String asking = question.getName() + " " + Type.string(question.getType());
    asked.add(asking);
    askedServers.add(server.getAddress());
    Message canned = replies.get(server.getAddress().getHostAddress() + " " + asking);
    if (canned == null) {
      return CompletableFuture.failedFuture(new TimeoutException("nothing canned for " + question));
    }
    Message reply = canned.clone();
    reply.getHeader().setID(query.getHeader().getID());
    reply.addRecord(question, Section.QUESTION);
    return CompletableFuture.completedFuture(reply);
  }

  static InetAddress address(String literal) {
    try {
      return Address.getByAddress(literal);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void add(Message message, int section, List<String> lines) {
    for (String line : lines) {
      try (Master master = new Master(new ByteArrayInputStream(line.getBytes(StandardCharsets.US_ASCII)))) {
        message.addRecord(master.nextRecord(), section);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
