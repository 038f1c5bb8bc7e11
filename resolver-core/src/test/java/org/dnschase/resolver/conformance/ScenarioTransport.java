package org.dnschase.resolver.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import org.dnschase.resolver.spi.Transport;
import org.dnschase.resolver.testkit.scenario.ScriptedResponse;
import org.dnschase.resolver.testkit.scenario.ScriptedServers;
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
 * is never delivered (the query times out instead), and TC=1 is asked again "over TCP", which
 * Deckard answers exactly like UDP. Timeouts are immediate: the scenario clock does not move.
 * Every query sent is kept, for CHECK_OUT_QUERY. A query no entry foresees fails a strict run: in
 * a Deckard file at once (the servers answer SERVFAIL), in a testbound file at the end unless a
 * TIMEOUT or ERROR step expires it (it stays pending, as testbound leaves it).
 */
final class ScenarioTransport implements Transport {

  /** Deckard's servers listen on port 53 only. */
  private static final int DNS_PORT = 53;

  private final ScriptedServers servers;
  private final IntSupplier currentStep;
  private final Strictness strictness;
  private final List<StepFailure> unforeseen = Collections.synchronizedList(new ArrayList<>());
  private final List<String> transcript = Collections.synchronizedList(new ArrayList<>());
  private final List<StepFailure> pending = Collections.synchronizedList(new ArrayList<>());
  private final List<Message> sent = Collections.synchronizedList(new ArrayList<>());
  private final List<Message> delivered = Collections.synchronizedList(new ArrayList<>());
  private final boolean testbound;

  ScenarioTransport(ScriptedServers servers, IntSupplier currentStep, Strictness strictness, boolean testbound) {
    this.servers = servers;
    this.currentStep = currentStep;
    this.strictness = strictness;
    this.testbound = testbound;
  }

  @Override
  public CompletableFuture<Message> exchange(InetSocketAddress server, Message query, Duration timeout) {
    if (server.getPort() != DNS_PORT) {
      return CompletableFuture.failedFuture(new IOException("scripted servers listen on port 53, not " + server));
    }
    Message reply = ask(server, query, false);
    if (reply != null && reply.getHeader().getFlag(Flags.TC)) {
      reply = ask(server, query, true);
    }
    return reply != null ? CompletableFuture.completedFuture(reply)
        : CompletableFuture.failedFuture(new TimeoutException("no reply from " + server));
  }

  /** The queries no entry foresaw and no TIMEOUT step expired, in strict mode: each one fails the scenario. */
  List<StepFailure> unforeseen() {
    List<StepFailure> all = new ArrayList<>(unforeseen);
    all.addAll(pending);
    return all;
  }

  /** The replies handed to the resolver so far, oldest first. */
  List<Message> delivered() {
    return List.copyOf(delivered);
  }

  /** testbound's TIMEOUT and ERROR: the oldest pending query fails; false if none is pending. */
  boolean expireOldestPending() {
    synchronized (pending) {
      if (pending.isEmpty()) {
        return false;
      }
      note("expired: " + pending.remove(0));
      return true;
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

  /** One exchange; null when nothing (usable) came back. */
  private Message ask(InetSocketAddress server, Message query, boolean overTcp) {
    Message sent = wire(query);
    sent.getHeader().setID(ThreadLocalRandom.current().nextInt(0x10000));
    this.sent.add(sent);
    int step = currentStep.getAsInt();
    String exchange = "step " + step + " " + (overTcp ? "TCP " : "UDP ") + describe(sent.getQuestion()) + " to "
        + server.getAddress().getHostAddress() + ": ";
    switch (servers.respond(server.getAddress(), sent, step, overTcp)) {
      case ScriptedResponse.Reply reply -> {
        Message received = wire(reply.message());
        boolean usable = isReplyTo(sent, received);
        note(exchange + (usable ? Rcode.string(received.getRcode()) : "dropped (ID, QR or question differ)")
            + " from " + reply.origin());
        if (usable) {
          delivered.add(received);
        }
        return usable ? received : null;
      }
      case ScriptedResponse.Silence silence -> {
        note(exchange + "no reply (" + silence.reason() + ")");
        return null;
      }
      case ScriptedResponse.Unforeseen surprise -> {
        return unforeseen(sent, step, exchange + surprise.reason());
      }
    }
  }

  private Message unforeseen(Message sent, int step, String description) {
    note(description);
    if (strictness == Strictness.LENIENT) {
      return null;
    }
    if (testbound) {
      pending.add(new StepFailure(step, "unforeseen upstream query, left pending: " + description));
      return null;
    }
    unforeseen.add(new StepFailure(step, "unforeseen upstream query: " + description));
    Message servfail = new Message(sent.getHeader().getID());
    servfail.getHeader().setFlag(Flags.QR);
    servfail.getHeader().setRcode(Rcode.SERVFAIL);
    servfail.addRecord(sent.getQuestion(), Section.QUESTION);
    return servfail;
  }

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
