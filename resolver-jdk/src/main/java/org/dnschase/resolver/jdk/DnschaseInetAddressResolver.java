package org.dnschase.resolver.jdk;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.host.AddressOrder;
import org.dnschase.resolver.host.HostAddresses;
import org.dnschase.resolver.spi.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.PTRRecord;

/**
 * The JDK's {@link InetAddressResolver} over a dnschase {@link Resolver}, built at the first
 * look-up that needs it. Nothing here calls {@code InetAddress}'s look-ups (that would come back
 * here); addresses are made with {@code InetAddress.getByAddress}, which looks nothing up.
 */
final class DnschaseInetAddressResolver implements InetAddressResolver {
  private static final Logger log = LoggerFactory.getLogger(DnschaseInetAddressResolver.class);

  /** Past the resolver's own deadline, the time its failure takes to arrive before we stop waiting. */
  private static final Duration GRACE = Duration.ofMillis(250);

  private final InetAddressResolver builtin;
  private final String localHostName;
  private final Supplier<ProviderSettings> settings;
  private final Duration deadline;
  private volatile Resolver resolver;
  private String brokenConfiguration;

  DnschaseInetAddressResolver(InetAddressResolverProvider.Configuration configuration,
      Supplier<ProviderSettings> settings) {
    this(configuration.builtinResolver(), configuration.lookupLocalHostName(), settings, Budgets.DEFAULTS.deadline());
  }

  /**
   * @param builtin the JDK's own resolver, for localhost and this machine's name
   * @param localHostName this machine's name
   * @param settings what builds the resolver, read at the first look-up that needs it
   * @param deadline how long a call may take, from the moment it is made: the resolver's own
   *     deadline, which the resolvers the settings build keep
   */
  DnschaseInetAddressResolver(InetAddressResolver builtin, String localHostName, Supplier<ProviderSettings> settings,
      Duration deadline) {
    this.builtin = builtin;
    this.localHostName = localHostName;
    this.settings = settings;
    this.deadline = deadline;
  }

  @Override
  public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(policy, "policy");
    long start = System.nanoTime();
    String local = builtinName(host);
    if (local != null) {
      return builtin.lookupByName(local, policy);
    }
    CompletableFuture<HostAddresses> lookup;
    try {
      lookup = resolver().resolveAddressesAsync(host, order(policy));
    } catch (IllegalArgumentException badName) {
      // the resolver's reason quotes the host escaped; so does the message's own start
      throw unknown(LogText.escaped(host) + ": " + badName.getMessage());
    }
    HostAddresses found = await(host, lookup, start);
    if (found.isEmpty()) {
      throw unknown(Explanations.noAddress(host, found));
    }
    // Named as asked, as the built-in resolver names them.
    return found.addresses(host).stream();
  }

  @Override
  public String lookupByAddress(byte[] address) throws UnknownHostException {
    Objects.requireNonNull(address, "address");
    if (address.length != 4 && address.length != 16) {
      throw new IllegalArgumentException("an address has 4 or 16 octets, not " + address.length);
    }
    long start = System.nanoTime();
    InetAddress literal = InetAddress.getByAddress(address);
    Resolution found = await(literal.getHostAddress(), resolver().resolveReverseAsync(literal), start);
    if (found instanceof Resolution.Answer answer) {
      for (var record : answer.records()) {
        if (record instanceof PTRRecord ptr) {
          return ptr.getTarget().toString(true);
        }
      }
    }
    throw unknown(Explanations.noName(literal.getHostAddress(), found));
  }

  /**
   * The name the built-in resolver is asked instead, for localhost and this machine's own name:
   * without a last dot, as its hosts file and the machine know them (glibc asks the network's
   * servers for {@code localhost.}); null for any other name. Names under localhost stay here:
   * the built-in resolver would ask the network's servers, the resolver answers them with the
   * loopback addresses (RFC 6761 §6.3) without a query.
   */
  private String builtinName(String host) {
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    return name.equalsIgnoreCase("localhost") || name.equalsIgnoreCase(localHostName) ? name : null;
  }

  private static AddressOrder order(LookupPolicy policy) {
    int characteristics = policy.characteristics();
    boolean ipv4 = (characteristics & LookupPolicy.IPV4) != 0;
    boolean ipv6 = (characteristics & LookupPolicy.IPV6) != 0;
    if (ipv4 && !ipv6) {
      return AddressOrder.IPV4_ONLY;
    }
    if (ipv6 && !ipv4) {
      return AddressOrder.IPV6_ONLY;
    }
    // Neither FIRST flag is java.net.preferIPv6Addresses=system: RFC 6724 puts IPv6 first.
    return (characteristics & LookupPolicy.IPV4_FIRST) != 0 ? AddressOrder.IPV4_FIRST : AddressOrder.IPV6_FIRST;
  }

  /**
   * The outcome, waiting no longer than the deadline (and a little grace for the resolver's
   * failure) counted from the call's {@code start}: the first call also builds the resolver, and
   * on a starved machine that takes seconds, which must not push the call past its deadline.
   */
  private <T> T await(String host, CompletableFuture<T> lookup, long start) throws UnknownHostException {
    Duration limit = deadline.plus(GRACE);
    long left = limit.toNanos() - (System.nanoTime() - start);
    try {
      return lookup.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      lookup.cancel(false);
      throw unknown(host + ": no answer within " + limit.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      lookup.cancel(false);
      throw unknown(host + ": interrupted while resolving");
    } catch (ExecutionException e) {
      throw (UnknownHostException) unknown(host + ": " + e.getCause()).initCause(e.getCause());
    }
  }

  /** The resolver, built at the first call; a configuration that cannot be read fails every call alike. */
  private Resolver resolver() throws UnknownHostException {
    Resolver built = resolver;
    return built != null ? built : build();
  }

  private synchronized Resolver build() throws UnknownHostException {
    if (resolver != null) {
      return resolver;
    }
    if (brokenConfiguration == null) {
      try {
        resolver = settings.get().build();
        return resolver;
      } catch (IllegalArgumentException | UncheckedIOException e) {
        brokenConfiguration = "dnschase is not configured right: " + e.getMessage();
        log.error(brokenConfiguration);
      }
    }
    throw unknown(brokenConfiguration);
  }

  private static UnknownHostException unknown(String message) {
    return new UnknownHostException(message);
  }
}
