package org.dnschase.resolver.netty;

import io.netty.resolver.InetNameResolver;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.host.AddressOrder;
import org.dnschase.resolver.host.HostAddresses;

/**
 * One event loop's {@link InetNameResolver} over the shared resolver: each look-up completes its
 * promise when the resolver's future does, on whatever thread that is (Netty runs the promise's
 * listeners on the event loop), so the event loop never waits.
 */
final class DnschaseNameResolver extends InetNameResolver {

  private final Resolver resolver;
  private final AddressOrder order;

  DnschaseNameResolver(EventExecutor executor, Resolver resolver, AddressOrder order) {
    super(executor);
    this.resolver = resolver;
    this.order = order;
  }

  @Override
  protected void doResolve(String host, Promise<InetAddress> promise) {
    lookUp(host).whenComplete((all, error) -> {
      if (error != null) {
        promise.tryFailure(cause(error));
      } else {
        promise.trySuccess(all.get(0));
      }
    });
  }

  @Override
  protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
    lookUp(host).whenComplete((all, error) -> {
      if (error != null) {
        promise.tryFailure(cause(error));
      } else {
        promise.trySuccess(all);
      }
    });
  }

  /**
   * The addresses of {@code host}, named as asked, as Netty's default resolver names them; a
   * literal at once; a future failed with an {@link UnknownHostException} when there is none.
   */
  private CompletableFuture<List<InetAddress>> lookUp(String host) {
    byte[] literal = NetUtil.createByteArrayFromIpAddressString(host);
    try {
      if (literal != null) {
        return CompletableFuture.completedFuture(List.of(InetAddress.getByAddress(host, literal)));
      }
      return resolver.resolveAddressesAsync(host, order).thenApply(found -> named(host, found));
    } catch (IllegalArgumentException | UnknownHostException badName) {
      return CompletableFuture.failedFuture(new UnknownHostException(host + ": " + badName.getMessage()));
    }
  }

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
