package org.dnschase.resolver.netty;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.Objects;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.host.AddressOrder;

/**
 * Netty's {@link AddressResolverGroup} over one dnschase {@link Resolver}: give it to {@code
 * Bootstrap.resolver(...)} (or to a client built on Netty that takes a group, as Reactor Netty's
 * {@code HttpClient.resolver(...)} does) and every event loop resolves through the same resolver,
 * so through one cache, and concurrent look-ups of one name share one resolution.
 *
 * <p>Resolution never blocks an event loop: a name is handed to {@link
 * Resolver#resolveAddressesAsync(String, AddressOrder)} and the connect goes on when its outcome
 * arrives. A name without addresses fails the connect with an {@link
 * java.net.UnknownHostException} that says why (NXDOMAIN, NODATA, or the failure and its reason);
 * as with Netty's own DNS resolver, an address literal (a numeric scope id included) is used as it is and
 * an empty host is the loopback address, without a query. A resolution its caller cancels stays
 * cancelled. The group does not own the resolver:
 * closing the group leaves it open for whoever else uses it.
 */
public final class DnschaseAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

  private final Resolver resolver;
  private final AddressOrder order;

  /**
   * A group over {@code resolver}, ordering addresses as the JDK's properties say ({@link
   * AddressOrder#jdkDefault()}).
   *
   * @param resolver the resolver every event loop shares
   */
  public DnschaseAddressResolverGroup(Resolver resolver) {
    this(resolver, AddressOrder.jdkDefault());
  }

  /**
   * A group over {@code resolver}, asking for the families {@code order} names, in its order.
   *
   * @param resolver the resolver every event loop shares
   * @param order which address families to ask for, and which to try first
   */
  public DnschaseAddressResolverGroup(Resolver resolver, AddressOrder order) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.order = Objects.requireNonNull(order, "order");
  }

  /**
   * The resolver of one event loop: a thin adapter, the resolver behind it shared.
   *
   * @param executor the event loop whose connects it resolves for
   * @return the address resolver
   */
  @Override
  protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
    return new DnschaseAddressResolver(executor, resolver, order);
  }
}
