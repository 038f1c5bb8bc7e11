package org.dnschase.resolver.testkit;

import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

/** Takes one query of one server from bytes to reply bytes, the same for UDP and TCP. */
final class QueryProcessor {
  private static final Logger log = LoggerFactory.getLogger(QueryProcessor.class);

  private final AuthServer server;

  QueryProcessor(AuthServer server) {
    this.server = server;
  }

  /**
   * Handles one query. {@code send} is called with the reply on the event loop, now or after a
   * delay, or never (a dropped query, an unreadable one or a response).
   */
  void process(byte[] wire, InetSocketAddress client, RecordedQuery.Transport transport,
      EventExecutor loop, Consumer<byte[]> send) {
    Message query = parse(wire);
    if (query != null && query.getHeader().getFlag(Flags.QR)) {
      log.debug("{} {}: ignoring a response from {}", server.address(), transport, client);
      return; // answering responses could make two servers talk to each other forever
    }
    if (query == null || query.getQuestion() == null) {
      log.debug("{} {}: malformed query from {}", server.address(), transport, client);
      sendIfAny(Replies.formatError(wire), send);
      return;
    }
    RecordedQuery recorded = new RecordedQuery(server.address(), client,
        query.getQuestion().getName(), query.getQuestion().getType(), transport, Instant.now(), query);
    server.record(recorded);
    Fault fault = Faults.chosen(server.faultFor(recorded.qname()), recorded);
    log.debug("{} fault={}", recorded, fault);
    if (fault instanceof Fault.Delay delay) {
      // scheduled rather than slept, so the event loop keeps serving other queries meanwhile
      loop.schedule(() -> reply(recorded, fault, send), delay.delay().toNanos(), TimeUnit.NANOSECONDS);
    } else {
      reply(recorded, fault, send);
    }
  }

  private void reply(RecordedQuery query, Fault fault, Consumer<byte[]> send) {
    byte[] reply;
    try {
      reply = Faults.reply(fault, query, server.dispatcher());
    } catch (RuntimeException e) {
      log.warn("{}: the dispatcher failed, answering SERVFAIL", query, e);
      Message failure = Dispatcher.replyTo(query.message());
      failure.getHeader().setRcode(Rcode.SERVFAIL);
      reply = Replies.toWire(failure, query);
    }
    sendIfAny(reply, send);
  }

  private static void sendIfAny(byte[] reply, Consumer<byte[]> send) {
    if (reply != null) {
      send.accept(reply);
    }
  }

  private static Message parse(byte[] wire) {
    try {
      return new Message(wire);
    } catch (IOException | RuntimeException e) {
      return null; // garbage may trip any check of dnsjava's parser, not only its IOExceptions
    }
  }
}
