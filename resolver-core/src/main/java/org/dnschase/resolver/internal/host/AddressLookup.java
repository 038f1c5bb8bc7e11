package org.dnschase.resolver.internal.host;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.host.AddressOrder;
import org.dnschase.resolver.host.HostAddresses;
import org.dnschase.resolver.host.SearchList;
import org.dnschase.resolver.internal.iterate.Questions;
import org.xbill.DNS.Name;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;

/**
 * Host look-ups over the resolver, as the C library makes them: the hosts file first, when there
 * is one, then the network, A and AAAA asked at once, each name given as text tried with the
 * search list when there is one. The one way the addresses of a name are found, for {@code
 * resolveAddresses} and {@code flatten} alike.
 */
public final class AddressLookup {

  private final BiFunction<Name, Integer, CompletableFuture<Resolution>> resolver;
  private final PolledHostsFile hosts;
  private final SearchList search;

  /**
   * @param resolver resolves one (name, type), never completing exceptionally
   * @param hosts the hosts file, or null for none
   * @param search the search list, or null for none
   */
  public AddressLookup(BiFunction<Name, Integer, CompletableFuture<Resolution>> resolver,
      PolledHostsFile hosts, SearchList search) {
    this.resolver = resolver;
    this.hosts = hosts;
    this.search = search;
  }

  /**
   * The addresses of a name given as text, searched when there is a search list.
   *
   * @throws IllegalArgumentException if the text is empty or not a valid name
   */
  public CompletableFuture<HostAddresses> lookup(String text, AddressOrder order) {
    Objects.requireNonNull(order, "order");
    List<Name> candidates = SearchCandidates.of(text, search);
    HostAddresses listed = fromHosts(Questions.name(text), order);
    return listed != null ? CompletableFuture.completedFuture(listed) : firstWithAddresses(candidates, 0, order, null);
  }

  /**
   * The addresses of an absolute name, never searched.
   *
   * @throws IllegalArgumentException if the name is relative
   */
  public CompletableFuture<HostAddresses> lookup(Name name, AddressOrder order) {
    Questions.checkAbsolute(name);
    Objects.requireNonNull(order, "order");
    HostAddresses listed = fromHosts(name, order);
    return listed != null ? CompletableFuture.completedFuture(listed) : bothFamilies(name, order);
  }

  /** The PTR outcome for {@code address}: its name in the hosts file, else under in-addr.arpa or ip6.arpa. */
  public CompletableFuture<Resolution> reverse(InetAddress address) {
    Objects.requireNonNull(address, "address");
    Name reverseName = ReverseMap.fromAddress(address);
    Name listed = hosts != null ? hosts.table().name(address) : null;
    return listed != null ? CompletableFuture.completedFuture(HostsAnswers.pointer(reverseName, listed))
        : resolver.apply(reverseName, Type.PTR);
  }

  private HostAddresses fromHosts(Name name, AddressOrder order) {
    HostsTable.Addresses listed = hosts != null ? hosts.table().addresses(name) : null;
    return listed != null ? HostsAnswers.addresses(name, listed, order) : null;
  }

  private CompletableFuture<HostAddresses> bothFamilies(Name name, AddressOrder order) {
    CompletableFuture<Resolution> ipv4 = order.asksIpv4() ? resolver.apply(name, Type.A)
        : CompletableFuture.completedFuture(null);
    CompletableFuture<Resolution> ipv6 = order.asksIpv6() ? resolver.apply(name, Type.AAAA)
        : CompletableFuture.completedFuture(null);
    return ipv4.thenCombine(ipv6, (a, aaaa) -> new HostAddresses(name, order, HostAddresses.Source.DNS, a, aaaa));
  }

  /**
   * Tries the candidates in turn until one has an address. When none has, the outcome is the
   * first that was not NXDOMAIN for every family asked (a NODATA or a failure says more about
   * the name), else the last.
   */
  private CompletableFuture<HostAddresses> firstWithAddresses(List<Name> candidates, int index,
      AddressOrder order, HostAddresses telling) {
    return bothFamilies(candidates.get(index), order).thenCompose(found -> {
      if (!found.isEmpty()) {
        return CompletableFuture.completedFuture(found);
      }
      HostAddresses best = telling != null ? telling : nonexistent(found) ? null : found;
      if (index + 1 == candidates.size()) {
        return CompletableFuture.completedFuture(best != null ? best : found);
      }
      return firstWithAddresses(candidates, index + 1, order, best);
    });
  }

  private static boolean nonexistent(HostAddresses found) {
    return found.resolutions().stream().allMatch(Resolution.NxDomain.class::isInstance);
  }
}
