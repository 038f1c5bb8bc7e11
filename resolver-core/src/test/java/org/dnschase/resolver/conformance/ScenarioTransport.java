package org.dnschase.resolver.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import org.dnschase.resolver.spi.Replies;
import org.dnschase.resolver.spi.Transport;
import org.dnschase.resolver.testkit.scenario.ScriptedResponse;
import org.dnschase.resolver.testkit.scenario.ScriptedServers;
import org.dnschase.resolver.testkit.scenario.Step;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The resolver's transport during a scenario: every query is answered in memory by the scripted
 * servers, by destination address, so no packet ever leaves the machine although the scenarios
 * name public addresses. It keeps the {@link Transport} contract as the Netty transport does:
 * a random ID per query, a reply that does not carry the query's ID and question (or lacks QR)
 * is never delivered (the query times out instead; in a testbound file the reply takes the query's
 * ID, as testbound's fake network hands it over), and TC=1 is asked again "over TCP", which
 * Deckard answers exactly like UDP. Timeouts are immediate: the scenario clock does not move.
 * Every query sent is kept, for CHECK_OUT_QUERY. A query no entry foresees fails a strict run: in
 * a Deckard file at once (the servers answer SERVFAIL); in a testbound file it stays pending, as
 * testbound leaves it, until a range of a later step, a REPLY step, or a CHECK_OUT_QUERY step
 * with {@code copy_id} the script reaches answers it or a TIMEOUT or ERROR step fails it, and fails
 * the run if none does. A Deckard priming query the script does not foresee is answered from the
 * root hint ({@link RootHintPriming}).
 */
final class ScenarioTransport implements Transport {

  /** Deckard's servers listen on port 53 only. */
  private static final int DNS_PORT = 53;

  private final ScriptedServers servers;
  private final IntSupplier currentStep;
  private final Strictness strictness;
  private final List<StepFailure> unforeseen = Collections.synchronizedList(new ArrayList<>());
  private final List<String> transcript = Collections.synchronizedList(new ArrayList<>());
  /** testbound: the queries no range answered, oldest first, each waiting for a REPLY, TIMEOUT or ERROR step. */
  private final List<Pending> pending = Collections.synchronizedList(new ArrayList<>());
  private final List<Message> sent = Collections.synchronizedList(new ArrayList<>());
  private final List<Message> delivered = Collections.synchronizedList(new ArrayList<>());
  private final boolean testbound;
  /** Deckard: the root hint, which answers a priming query its script does not foresee; null in testbound. */
  private final RootHintPriming rootHints;

  ScenarioTransport(ScriptedServers servers, IntSupplier currentStep, Strictness strictness, boolean testbound,
      RootHintPriming rootHints) {
    this.servers = servers;
    this.currentStep = currentStep;
    this.strictness = strictness;
    this.testbound = testbound;
    this.rootHints = rootHints;
  }

  @Override
  public CompletableFuture<Message> exchange(InetSocketAddress server, Message query, Duration timeout) {
    return exchange(server, query, false);
  }

  /** Over TCP only: the scripted servers see the query come over TCP (MATCH TCP holds for it). */
  @Override
  public CompletableFuture<Message> exchangeOverTcp(InetSocketAddress server, Message query, Duration timeout) {
    return exchange(server, query, true);
  }

  private CompletableFuture<Message> exchange(InetSocketAddress server, Message query, boolean tcpOnly) {
    if (server.getPort() != DNS_PORT) {
      return CompletableFuture.failedFuture(new IOException("scripted servers listen on port 53, not " + server));
    }
    Object reply = ask(server, query, tcpOnly);
    if (!tcpOnly && reply instanceof Message message && message.getHeader().getFlag(Flags.TC)) {
      reply = ask(server, query, true);
    }
    return switch (reply) {
      case Message message -> CompletableFuture.completedFuture(message);
      case Malformed malformed -> CompletableFuture.failedFuture(malformed.failure());
      case Pending waiting -> waiting.reply();
      case null, default -> CompletableFuture.failedFuture(new TimeoutException("no reply from " + server));
    };
  }

  /**
   * The queries no entry foresaw, in strict mode: each one fails the scenario, in a testbound file
   * when no REPLY, TIMEOUT or ERROR step took it.
   */
  List<StepFailure> unforeseen() {
    List<StepFailure> all = new ArrayList<>(unforeseen);
    synchronized (pending) {
      pending.forEach(waiting -> all.add(waiting.failure()));
    }
    return all;
  }

  /** The replies handed to the resolver so far, oldest first. */
  List<Message> delivered() {
    return List.copyOf(delivered);
  }

  /**
   * testbound's TIMEOUT and ERROR: the oldest pending query fails, timed out or with a closed
   * connection; false if none is pending.
   */
  boolean expireOldestPending(boolean timeout) {
    Pending oldest;
    synchronized (pending) {
      if (pending.isEmpty()) {
        return false;
      }
      oldest = pending.remove(0);
    }
    note("expired: " + oldest.failure().text());
    oldest.reply().completeExceptionally(timeout ? new TimeoutException("no reply (TIMEOUT step)")
        : new IOException("connection closed (ERROR step)"));
    return true;
  }

  /**
   * testbound, as each step is reached: the pending queries a RANGE now serves are answered from
   * it, newest first, as testbound offers its pending list to the ranges of the current moment
   * before doing the moment. A query left pending by one step can so be answered by a range whose
   * window starts later.
   */
  void answerPendingFromRanges() {
    List<Pending> waiting;
    synchronized (pending) {
      waiting = new ArrayList<>(pending.reversed());
    }
    int step = currentStep.getAsInt();
    for (Pending query : waiting) {
      ScriptedResponse response = servers.respond(query.server().getAddress(), query.sent(), step, query.overTcp());
      if (!(response instanceof ScriptedResponse.Unforeseen) && pending.remove(query)) {
        settle(query, response, "step " + step + " pending " + describe(query.sent().getQuestion()) + " answered: ");
      }
    }
  }

  /**
   * testbound's CHECK_OUT_QUERY with {@code ADJUST copy_id}: the query it checked out, if still
   * pending, is answered with its entry, as testbound's fake network does.
   */
  void answerCheckedOut(Message checkedOut, Step.CheckOutQuery step) {
    Pending match = null;
    synchronized (pending) {
      for (Pending waiting : pending) {
        if (waiting.sent() == checkedOut) {
          match = waiting;
        }
      }
      if (match == null) {
        return;
      }
      pending.remove(match);
    }
    settle(match, servers.answer(step, match.sent()),
        "step " + step.id() + " CHECK_OUT_QUERY reply to " + describe(match.sent().getQuestion()) + ": ");
  }

  /**
   * testbound's REPLY step, reached: answers the oldest pending query its entry matches, as the
   * fake network hands a reply to the query it answers (whatever its ID); false if none matches.
   */
  boolean answerPending(Step.Reply step) {
    Pending match = null;
    synchronized (pending) {
      for (Pending waiting : pending) {
        if (step.entry().matches(waiting.sent(), false)) {
          match = waiting;
          break;
        }
      }
      if (match == null) {
        return false;
      }
      pending.remove(match);
    }
    settle(match, servers.answer(step, match.sent()), "step " + step.id() + " reply to "
        + describe(match.sent().getQuestion()) + ": ");
    return true;
  }

  /** Completes a pending query with {@code response}: its reply, or a timeout when none (usable) came. */
  private void settle(Pending query, ScriptedResponse response, String exchange) {
    Object delivered = switch (response) {
      case ScriptedResponse.Reply reply -> deliver(query.sent(), reply, exchange);
      case ScriptedResponse.Silence silence -> {
        note(exchange + "no reply (" + silence.reason() + ")");
        yield null;
      }
      case ScriptedResponse.Unforeseen surprise -> throw new IllegalStateException(surprise.reason());
    };
    switch (delivered) {
      case Message message -> query.reply().complete(message);
      case Malformed malformed -> query.reply().completeExceptionally(malformed.failure());
      case null, default -> query.reply().completeExceptionally(new TimeoutException("no usable reply"));
    }
  }

  /**
   * Removes and returns the first query sent so far, not yet claimed, that {@code matches}
   * accepts (CHECK_OUT_QUERY).
   */
  Message claimSent(java.util.function.Predicate<Message> matches) {
    synchronized (sent) {
      for (int i = 0; i < sent.size(); i++) {
        if (matches.test(sent.get(i))) {
          return sent.remove(i);
        }
      }
      return null;
    }
  }

  /** Every exchange and resolution so far, one line each, to explain a failure. */
  List<String> transcript() {
    return List.copyOf(transcript);
  }

  void note(String line) {
    transcript.add(line);
  }

  /**
   * One exchange: the reply, or a {@link Pending} query (testbound) waiting for a REPLY step, or
   * null when nothing (usable) came back.
   */
  private Object ask(InetSocketAddress server, Message query, boolean overTcp) {
    Message sent = wire(query);
    sent.getHeader().setID(ThreadLocalRandom.current().nextInt(0x10000));
    this.sent.add(sent);
    int step = currentStep.getAsInt();
    String exchange = "step " + step + " " + (overTcp ? "TCP " : "UDP ") + describe(sent.getQuestion()) + " to "
        + server.getAddress().getHostAddress() + ": ";
    switch (servers.respond(server.getAddress(), sent, step, overTcp)) {
      case ScriptedResponse.Reply reply -> {
        return deliver(sent, reply, exchange);
      }
      case ScriptedResponse.Silence silence -> {
        note(exchange + "no reply (" + silence.reason() + ")");
        return null;
      }
      case ScriptedResponse.Unforeseen surprise -> {
        if (rootHints != null && rootHints.primes(server.getAddress(), sent)) {
          note(exchange + "priming answered from the root hint (" + surprise.reason() + ")");
          return rootHints.primingReply(sent);
        }
        return unforeseen(server, sent, overTcp, step, exchange + surprise.reason());
      }
    }
  }

  /**
   * {@code reply} as the resolver gets it, kept as delivered; null when it does not answer {@code
   * sent}. testbound's fake network hands a reply to the query it answers whatever ID the script
   * gave it (only a real socket matches by ID), so there the reply carries the query's.
   */
  private Object deliver(Message sent, ScriptedResponse.Reply reply, String exchange) {
    Message received;
    try {
      received = Replies.read(ByteBuffer.wrap(reply.message().toWire()));
    } catch (IOException e) {
      return malformed(sent, reply, exchange, e);
    }
    if (testbound) {
      received.getHeader().setID(sent.getHeader().getID());
    }
    boolean usable = isReplyTo(sent, received);
    note(exchange + (usable ? Rcode.string(received.getRcode()) : "dropped (ID, QR or question differ)")
        + " from " + reply.origin());
    if (usable) {
      delivered.add(received);
    }
    return usable ? received : null;
  }

  /**
   * A scripted reply that does not parse, read as the transport reads one ({@link Replies#read}),
   * and met as the transport meets it: when its ID and question are the query's, the exchange
   * fails at once with it (the transport's malformed reply); otherwise it is not this query's reply
   * and is dropped.
   */
  private Object malformed(Message sent, ScriptedResponse.Reply reply, String exchange, IOException cause) {
    Message scripted = reply.message().clone();
    if (testbound) {
      scripted.getHeader().setID(sent.getHeader().getID());
    }
    boolean ours = isReplyTo(sent, scripted);
    note(exchange + (ours ? "malformed (" + cause.getMessage() + ")" : "dropped (ID, QR or question differ)")
        + " from " + reply.origin());
    return ours ? new Malformed(new IOException("the reply does not parse: " + cause.getMessage(), cause)) : null;
  }

  /** A reply that does not parse, and the failure its exchange ends with. */
  private record Malformed(IOException failure) {}

  private Object unforeseen(InetSocketAddress server, Message sent, boolean overTcp, int step, String description) {
    note(description);
    if (strictness == Strictness.LENIENT) {
      return null;
    }
    if (testbound) {
      Pending waiting = new Pending(server, sent, overTcp, new CompletableFuture<>(),
          new StepFailure(step, "unforeseen upstream query, left pending: " + description));
      pending.add(waiting);
      return waiting;
    }
    unforeseen.add(new StepFailure(step, "unforeseen upstream query: " + description));
    Message servfail = new Message(sent.getHeader().getID());
    servfail.getHeader().setFlag(Flags.QR);
    servfail.getHeader().setRcode(Rcode.SERVFAIL);
    servfail.addRecord(sent.getQuestion(), Section.QUESTION);
    return servfail;
  }

  /**
   * testbound: a query sent that no range answered, its reply to come from a REPLY step, or its
   * failure from a TIMEOUT or ERROR step; {@code failure} if neither comes.
   */
  private record Pending(InetSocketAddress server, Message sent, boolean overTcp, CompletableFuture<Message> reply,
      StepFailure failure) {}

  /** As the Netty transport's reply matcher: same ID, QR set, the question repeated (RFC 5452 §9.1). */
  private static boolean isReplyTo(Message query, Message reply) {
    Record asked = query.getQuestion();
    Record echoed = reply.getQuestion();
    return reply.getHeader().getID() == query.getHeader().getID() && reply.getHeader().getFlag(Flags.QR)
        && echoed != null && echoed.getName().equals(asked.getName())
        && echoed.getType() == asked.getType() && echoed.getDClass() == asked.getDClass();
  }

  /** Through the wire format and back, so both sides see only what a packet can carry. */
  static Message wire(Message message) {
    try {
      return new Message(message.toWire());
    } catch (IOException e) {
      throw new UncheckedIOException("a scripted message does not survive the wire format", e);
    }
  }

  static String describe(Record question) {
    return question == null ? "(no question)" : question.getName() + " " + Type.string(question.getType());
  }
}
