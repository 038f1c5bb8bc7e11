package org.dnschase.resolver.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.spi.Transport;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * Answers each query with the reply the lab's server for its address gave to the same question
 * (name, type, whether EDNS and DNSSEC OK were asked) the first time, kept as octets: the lab's
 * own work is done once, the reply's parse every time.
 */
final class RecordedReplies implements Transport {

  private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 53_000);

  private final TestHierarchy lab;
  private final Map<Question, byte[]> replies = new HashMap<>();

  /** What a reply is kept under: dnsjava's names compare and hash without regard to case. */
  private record Question(InetAddress server, Name name, int type, int ednsFlags) {}

  private RecordedReplies(TestHierarchy lab) {
    this.lab = lab;
  }

  /**
   * A resolver for {@code lab} whose exchanges are answered by recorded replies, completing on the
   * resolving thread, so that a resolution runs whole on the caller's.
   */
  static Resolver resolverFor(TestHierarchy lab) {
    return BenchLab.builderFor(lab.rootHints(), lab.port(), RRsetCache.builder().build())
        .transport(new RecordedReplies(lab))
        .callbackExecutor(Runnable::run)
        .build();
  }

  @Override
  public CompletableFuture<Message> exchange(InetSocketAddress server, Message query, Duration timeout) {
    OPTRecord opt = query.getOPT();
    Record question = query.getQuestion();
    Question key = new Question(server.getAddress(), question.getName(), question.getType(),
        opt == null ? -1 : opt.getFlags());
    byte[] wire = replies.computeIfAbsent(key, k -> labReply(server, query)).clone();
    int id = query.getHeader().getID();
    wire[0] = (byte) (id >>> 8);
    wire[1] = (byte) id;
    try {
      return CompletableFuture.completedFuture(new Message(wire));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] labReply(InetSocketAddress server, Message query) {
    Record question = query.getQuestion();
    Message reply = lab.server(server.getAddress()).zoneDispatcher().dispatch(new RecordedQuery(
        server.getAddress(), CLIENT, question.getName(), question.getType(), RecordedQuery.Transport.UDP,
        Instant.now(), query));
    OPTRecord opt = query.getOPT();
    if (opt != null && reply.getOPT() == null) { // as the lab's server adds it (RFC 6891 §7)
      reply.addRecord(new OPTRecord(opt.getPayloadSize(), 0, 0, opt.getFlags()), Section.ADDITIONAL);
    }
    return reply.toWire();
  }
}
