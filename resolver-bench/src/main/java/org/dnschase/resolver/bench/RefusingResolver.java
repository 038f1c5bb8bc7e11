package org.dnschase.resolver.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.TSIG;

/**
 * A dnsjava {@link Resolver} that never sends anything: every query fails at once and is counted.
 * The dnsjava peers run over it so that a cache miss can neither reach the network nor hide in
 * the numbers.
 */
final class RefusingResolver implements Resolver {

  private final AtomicInteger attempts = new AtomicInteger();

  int attempts() {
    return attempts.get();
  }

  @Override
  public Message send(Message query) throws IOException {
    attempts.incrementAndGet();
    throw new IOException("the benchmark's dnsjava resolver sends nothing: " + query.getQuestion());
  }

  @Override
  public CompletionStage<Message> sendAsync(Message query) {
    return sendAsync(query, Runnable::run);
  }

  @Override
  public CompletionStage<Message> sendAsync(Message query, Executor executor) {
    attempts.incrementAndGet();
    return CompletableFuture.failedFuture(
        new IOException("the benchmark's dnsjava resolver sends nothing: " + query.getQuestion()));
  }

  // Settings are irrelevant to a resolver that sends nothing.
  @Override
  public void setPort(int port) {}

  @Override
  public void setTCP(boolean flag) {}

  @Override
  public void setIgnoreTruncation(boolean flag) {}

  @Override
  public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {}

  @Override
  public void setTSIGKey(TSIG key) {}

  @Override
  public void setTimeout(Duration timeout) {}
}
