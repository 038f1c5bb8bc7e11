package org.dnschase.resolver.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.minidns.AbstractDnsClient.IpVersionSetting;
import org.minidns.cache.LruCache;
import org.minidns.dnsmessage.DnsMessage;
import org.minidns.dnsname.DnsName;
import org.minidns.dnsqueryresult.DnsQueryResult;
import org.minidns.iterative.IterativeDnsClient;
import org.minidns.record.A;
import org.minidns.record.CNAME;
import org.minidns.record.Data;
import org.minidns.record.Record;
import org.minidns.source.AbstractDnsDataSource;
import org.minidns.source.NetworkDataSource;
import org.xbill.DNS.Name;

/**
 * MiniDNS 1.1.1's iterative resolver, pointed at the lab.
 *
 * <p>MiniDNS has no root-hints setting: it starts every walk at one of the IANA root addresses
 * compiled into {@link IterativeDnsClient}. It does send every packet through its client's
 * {@link org.minidns.source.DnsDataSource}, so the peer installs {@link LabDataSource}, which
 * rewrites those root addresses to the lab's root server and port, and refuses, without sending,
 * any destination that is not a loopback address. No packet leaves loopback.
 *
 * <p>MiniDNS does not chase a CNAME into another zone: it returns the authoritative answer of the
 * zone holding the first name, which for these chains is the first CNAME alone. The peer
 * therefore chases the chain itself, one MiniDNS query per link, as an application would; each
 * of those is answered from MiniDNS's message cache once it is warm.
 */
final class MiniDnsPeer {

  /** More than the longest chain; a safety stop, not a policy. */
  private static final int MAX_LINKS = 32;

  private final IterativeDnsClient client;
  private final LabDataSource dataSource;

  /** A client with an empty cache of its own (never MiniDNS's static default cache). */
  MiniDnsPeer(TestHierarchy lab) {
    client = new IterativeDnsClient(new LruCache());
    // IPv4 only: the lab has no IPv6 servers, so MiniDNS's IPv6 secondary would only time out.
    client.setPreferedIpVersion(IpVersionSetting.v4only);
    dataSource = new LabDataSource(lab);
    client.setDataSource(dataSource);
  }

  /** The A addresses at the end of the chain from {@code start}, as text. */
  List<String> resolve(Name start) throws IOException {
    DnsName name = DnsName.from(start.toString());
    for (int link = 0; link < MAX_LINKS; link++) {
      DnsQueryResult result = client.query(name, Record.TYPE.A);
      if (result == null || result.response.responseCode != DnsMessage.RESPONSE_CODE.NO_ERROR) {
        throw new IOException("MiniDNS failed on " + name + ": " + result);
      }
      List<String> addresses = new ArrayList<>(2);
      DnsName end = followInMessage(result.response, name, addresses);
      if (!addresses.isEmpty() || end.equals(name)) {
        return addresses;
      }
      name = end;
    }
    throw new IOException("chain from " + start + " longer than " + MAX_LINKS + " links");
  }

  /** Follows the CNAMEs of one response from {@code name}, collecting the A records at its end. */
  private static DnsName followInMessage(DnsMessage response, DnsName name, List<String> addresses) {
    DnsName current = name;
    for (Record<? extends Data> record : response.answerSection) {
      if (!record.name.equals(current)) {
        continue;
      }
      if (record.payloadData instanceof CNAME cname) {
        current = cname.target;
      } else if (record.payloadData instanceof A a) {
        addresses.add(a.getInetAddress().getHostAddress());
      }
    }
    return current;
  }

  /** How many queries MiniDNS handed to its data source (all of them reached the lab). */
  int queriesSent() {
    return dataSource.sent.get();
  }

  /** Sends to the lab only: MiniDNS's root addresses become the lab root, anything else must be loopback. */
  private static final class LabDataSource extends AbstractDnsDataSource {
    private final NetworkDataSource network = new NetworkDataSource();
    private final Map<InetAddress, InetAddress> rootToLab;
    private final int port;
    private final AtomicInteger sent = new AtomicInteger();

    LabDataSource(TestHierarchy lab) {
      InetAddress labRoot = lab.rootHints().values().iterator().next().get(0);
      Set<InetAddress> roots = new HashSet<>();
      for (char letter = 'a'; letter <= 'm'; letter++) {
        roots.addAll(IterativeDnsClient.getRootServer(letter, IpVersionSetting.v4v6));
      }
      Map<InetAddress, InetAddress> map = new java.util.HashMap<>();
      roots.forEach(root -> map.put(root, labRoot));
      this.rootToLab = Map.copyOf(map);
      this.port = lab.port();
    }

    @Override
    public DnsQueryResult query(DnsMessage message, InetAddress address, int ignoredPort) throws IOException {
      InetAddress target = rootToLab.getOrDefault(address, address);
      if (!target.isLoopbackAddress()) {
        throw new IOException("refused to send off loopback, to " + address);
      }
      sent.incrementAndGet();
      return network.query(message, target, port);
    }
  }
}
