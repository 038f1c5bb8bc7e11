package org.dnschase.resolver.fuzz;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.dnschase.resolver.spi.Transport;
import org.xbill.DNS.Message;

/**
 * A {@link Transport} whose servers are a {@link ReplyScript}: every exchange completes at once,
 * on the caller's thread, after moving the fake clock by the reply's round-trip time or by the
 * whole timeout. Every reply handed to the resolver is shown to the {@link BailiwickLedger} first,
 * and every query sent once the deadline had passed is remembered.
 */
final class InMemoryServers implements Transport {

  private final AtomicLong clock;
  private final long deadlineNanos;
  private final FuzzLab lab;
  private final ReplyScript script;
  private final BailiwickLedger ledger;
  private final List<String> lateQueries = new ArrayList<>();
  private int exchanges;

  InMemoryServers(FuzzLab lab, AtomicLong clock, Duration deadline, ReplyScript script, BailiwickLedger ledger) {
    this.lab = lab;
    this.clock = clock;
    this.deadlineNanos = clock.get() + deadline.toNanos();
    this.script = script;
    this.ledger = ledger;
  }

  @Override
  public CompletableFuture<Message> exchange(InetSocketAddress server, Message query, Duration timeout) {
    exchanges++;
    if (clock.get() >= deadlineNanos) {
      lateQueries.add(server + " " + query.getQuestion() + " at " + Duration.ofNanos(clock.get()));
    }
    Message labReply = lab.isLabServer(server) ? lab.authoritativeReply(server, query) : null;
    ReplyScript.Outcome outcome;
    try {
      outcome = script.next(server, query, labReply);
    } catch (RuntimeException e) { // an Error passes the resolver's guard against its own bugs
      throw new AssertionError("the fuzz harness failed, not the resolver", e);
    }
    return switch (outcome) {
      case ReplyScript.Arrives arrives when arrives.rtt().compareTo(timeout) < 0 -> {
        clock.addAndGet(arrives.rtt().toNanos());
        ledger.replied(server.getAddress(), query, arrives.reply());
        yield CompletableFuture.completedFuture(arrives.reply());
      }
      case ReplyScript.Broken broken -> CompletableFuture.failedFuture(new IOException("scripted failure"));
      default -> {
        clock.addAndGet(timeout.toNanos());
        yield CompletableFuture.failedFuture(new TimeoutException("scripted silence"));
      }
    };
  }

  /** The queries sent at or after the deadline, which a resolution should never send. */
  List<String> lateQueries() {
    return lateQueries;
  }

  int exchanges() {
    return exchanges;
  }
}
