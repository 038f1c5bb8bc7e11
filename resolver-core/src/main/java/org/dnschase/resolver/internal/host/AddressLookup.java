package org.dnschase.resolver.internal.host;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Security;
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
  private final Security hostsSecurity;

  /**
   * @param resolver resolves one (name, type), never completing exceptionally
   * @param hosts the hosts file, or null for none
   * @param search the search list, or null for none
   * @param hostsSecurity the DNSSEC status of what the hosts file answers
   */
  public AddressLookup(BiFunction<Name, Integer, CompletableFuture<Resolution>> resolver,
      PolledHostsFile hosts, SearchList search, Security hostsSecurity) {
    this.resolver = resolver;
    this.hosts = hosts;
    this.search = search;
    this.hostsSecurity = hostsSecurity;
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
    return listed != null ? CompletableFuture.completedFuture(listed)
        : SearchLoop.first(candidates, name -> bothFamilies(name, order), found -> !found.isEmpty(),
            AddressLookup::nonexistent);
  }

  /** Whether names given as text are searched: a search list with domains was given. */
  public boolean searches() {
    return search != null && !search.domains().isEmpty();
  }

  /**
   * The outcome of a question whose name is given as text, the name tried with the search list as
   * for host look-ups (the C library's res_search searches whatever the type); the hosts file,
   * which holds addresses only, is not consulted. The first candidate with an answer wins; when
   * none has one, the outcome is the first that was not NXDOMAIN, else the last.
   *
   * @param text the name, in presentation format
   * @param resolve resolves one absolute name, never completing exceptionally
   * @throws IllegalArgumentException if the text is empty or not a valid name
   */
  public CompletableFuture<Resolution> searched(String text, Function<Name, CompletableFuture<Resolution>> resolve) {
    return SearchLoop.first(SearchCandidates.of(text, search), resolve, Resolution.Answer.class::isInstance,
        Resolution.NxDomain.class::isInstance);
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
    return listed != null ? CompletableFuture.completedFuture(HostsAnswers.pointer(reverseName, listed, hostsSecurity))
        : resolver.apply(reverseName, Type.PTR);
  }

  private HostAddresses fromHosts(Name name, AddressOrder order) {
    HostsTable.Addresses listed = hosts != null ? hosts.table().addresses(name) : null;
    return listed != null ? HostsAnswers.addresses(name, listed, order, hostsSecurity) : null;
  }

  private CompletableFuture<HostAddresses> bothFamilies(Name name, AddressOrder order) {
    CompletableFuture<Resolution> ipv4 = order.asksIpv4() ? resolver.apply(name, Type.A)
        : CompletableFuture.completedFuture(null);
    CompletableFuture<Resolution> ipv6 = order.asksIpv6() ? resolver.apply(name, Type.AAAA)
        : CompletableFuture.completedFuture(null);
    return ipv4.thenCombine(ipv6, (a, aaaa) -> new HostAddresses(name, order, HostAddresses.Source.DNS, a, aaaa));
  }

  private static boolean nonexistent(HostAddresses found) {
    return found.resolutions().stream().allMatch(Resolution.NxDomain.class::isInstance);
  }
}
