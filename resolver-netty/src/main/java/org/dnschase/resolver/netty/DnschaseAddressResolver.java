package org.dnschase.resolver.netty;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.host.AddressOrder;
import org.dnschase.resolver.host.HostAddresses;
import org.dnschase.resolver.spi.LogText;

/**
 * One event loop's address resolver over the shared resolver: each look-up completes the caller's
 * promise when the resolver's future does, on whatever thread that is (Netty runs the promise's
 * listeners on the event loop), so the event loop never waits. A promise its caller cancelled
 * meanwhile keeps its cancellation: the outcome that arrives later is dropped, where Netty's own
 * {@code InetSocketAddressResolver} would try to complete it again and throw on the event loop.
 * An event loop that shuts down meanwhile fails the promise as it ends, on its own thread, where
 * the promise's listeners can still run ({@link #complete}).
 */
final class DnschaseAddressResolver extends AbstractAddressResolver<InetSocketAddress> {

  private final Resolver resolver;
  private final AddressOrder order;

  DnschaseAddressResolver(EventExecutor executor, Resolver resolver, AddressOrder order) {
    super(executor, InetSocketAddress.class);
    this.resolver = resolver;
    this.order = order;
  }

  @Override
  protected boolean doIsResolved(InetSocketAddress address) {
    return !address.isUnresolved();
  }

  @Override
  protected void doResolve(InetSocketAddress unresolved, Promise<InetSocketAddress> promise) {
    complete(unresolved, promise, lookUp(unresolved), all -> all.get(0));
  }

  @Override
  protected void doResolveAll(InetSocketAddress unresolved, Promise<List<InetSocketAddress>> promise) {
    complete(unresolved, promise, lookUp(unresolved), Function.identity());
  }

  /**
   * Completes the promise with the look-up's outcome, on the event loop. A promise completed from
   * another thread hands its listeners to the loop, and a loop that has shut down takes no task:
   * Netty logs at ERROR that it failed to submit their notification, and they never run. So the
   * loop's shutdown fails the promise itself, from a shutdown hook (run on the loop as it ends, the
   * listeners with it), and the outcome is handed over as a task of the loop, which removes the
   * hook first; a loop gone by then takes no task, and its hook has failed the promise already.
   * An executor without shutdown hooks completes the promise from the resolver's thread.
   */
  private <T> void complete(InetSocketAddress unresolved, Promise<T> promise,
      CompletableFuture<List<InetSocketAddress>> lookUp, Function<List<InetSocketAddress>, T> outcome) {
    EventExecutor executor = executor();
    if (!(executor instanceof SingleThreadEventExecutor loop) || lookUp.isDone() && loop.inEventLoop()) {
      lookUp.whenComplete((all, error) -> settle(promise, all, error, outcome));
      return;
    }
    Runnable shutDown = () -> promise.tryFailure(new RejectedExecutionException("the event loop shut down before "
        + unresolved.getHostString() + " was resolved"));
    // on a loop shut down already this throws, and the caller's resolve fails the promise with it
    loop.addShutdownHook(shutDown);
    lookUp.whenComplete((all, error) -> {
      try {
        loop.execute(() -> {
          loop.removeShutdownHook(shutDown);
          settle(promise, all, error, outcome);
        });
      } catch (RejectedExecutionException gone) {
        // the loop has ended, and its hook failed the promise
      }
    });
  }

  private static <T> void settle(Promise<T> promise, List<InetSocketAddress> all, Throwable error,
      Function<List<InetSocketAddress>, T> outcome) {
    if (error != null) {
      promise.tryFailure(cause(error));
    } else {
      promise.trySuccess(outcome.apply(all));
    }
  }

  /**
   * The addresses of the host, with the port asked; a future failed with an {@link
   * UnknownHostException} when there is none. As Netty's own DNS resolver: an empty host is the
   * loopback address, and a literal (scope id included) is used as it is, without a query. An IPv4
   * literal is read as the JDK reads it, and so Netty's default resolver, shortened forms included
   * ({@code 127.1}), where Netty's DNS resolver would ask for {@code 127.1} as a name.
   */
  private CompletableFuture<List<InetSocketAddress>> lookUp(InetSocketAddress unresolved) {
    String host = unresolved.getHostString();
    int port = unresolved.getPort();
    InetAddress literal = host.isEmpty() ? loopback() : literal(host);
    if (literal != null) {
      return CompletableFuture.completedFuture(List.of(new InetSocketAddress(literal, port)));
    }
    try {
      return resolver.resolveAddressesAsync(host, order).thenApply(found -> named(host, found).stream()
          .map(address -> new InetSocketAddress(address, port)).toList());
    } catch (IllegalArgumentException badName) {
      return CompletableFuture.failedFuture(
          new UnknownHostException(LogText.escaped(host) + ": " + badName.getMessage()));
    }
  }

  private static InetAddress literal(String host) {
    InetAddress ipv4 = Ipv4Literal.parse(host);
    return ipv4 != null ? ipv4 : NetUtil.createInetAddressFromIpAddressString(host);
  }

  private InetAddress loopback() {
    return order == AddressOrder.IPV6_FIRST || order == AddressOrder.IPV6_ONLY ? NetUtil.LOCALHOST6
        : NetUtil.LOCALHOST4;
  }

  /** The addresses named as asked, as Netty's default resolver names them. */
  private static List<InetAddress> named(String host, HostAddresses found) {
    if (found.isEmpty()) {
      throw new CompletionException(new UnknownHostException(host + ": " + found.describe()));
    }
    return found.addresses(host);
  }

  /** The failure itself, not the CompletionException a dependent future wraps it in. */
  private static Throwable cause(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
  }
}
