package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dnschase.resolver.internal.transport.NettyTransport;
import org.dnschase.resolver.spi.Transport;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.xbill.DNS.Message;
import org.xbill.DNS.Type;

/**
 * The log lines of one resolution share one id in SLF4J's MDC ({@code dnschase.query}), its
 * name-server look-ups' included, so that one question's lines can be picked out of a busy log.
 * Read here where a resolution's steps send their queries: a transport that notes the MDC.
 */
class QueryIdInMdcTest {

  /** g.lab. is delegated without glue to ns.h.test., so its resolution looks that name up first. */
  private static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root.lab.", "127.53.50.1")
      .zone("lab.", "ns1", "127.53.50.2")
      .zone("test.", "ns1", "127.53.50.3")
      .defaults(LabZones::leaf)
      .zone("h.test.", "ns", "127.53.50.4")
      .zone("g.lab.", g -> g.server("ns.h.test.").records("www A 192.0.2.62"))
      .build();

  /** The default transport, noting the MDC's query id at each exchange. */
  private static final class NotingTransport implements Transport {
    final NettyTransport netty = new NettyTransport(1);
    final List<String> ids = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Message> exchange(InetSocketAddress server, Message query, Duration timeout) {
      ids.add(String.valueOf(MDC.get("dnschase.query")));
      return netty.exchange(server, query, timeout);
    }

    @Override
    public void close() {
      netty.close();
    }
  }

  @Test
  @DisplayName("every exchange of a resolution, its glueless look-up's too, runs under the resolution's id; another gets another")
  void exchangesOfOneResolution_shareOneQueryId() {
    try (TestHierarchy lab = TestHierarchy.builder().zones(TREE).build();
        NotingTransport transport = new NotingTransport();
        Resolver resolver = ChainLab.resolverFor(lab).transport(transport).build()) {
      MDC.put("dnschase.query", "the caller's");

      assertThat(resolver.resolve("www.g.lab.", Type.A)).isInstanceOf(Resolution.Answer.class);
      List<String> first = List.copyOf(transport.ids);
      transport.ids.clear();
      assertThat(resolver.resolve("www.h.test.", Type.TXT)).isNotInstanceOf(Resolution.Failure.class);
      List<String> second = List.copyOf(transport.ids);

      assertThat(lab.queries()).anySatisfy(query -> assertThat(query.qname()).hasToString("ns.h.test."));
      assertThat(first).hasSizeGreaterThan(3).containsOnly(first.get(0)).doesNotContain("null");
      assertThat(second).isNotEmpty().containsOnly(second.get(0)).doesNotContain(first.get(0), "null");
      assertThat(MDC.get("dnschase.query")).as("the caller's own MDC is left as it was").isEqualTo("the caller's");
    } finally {
      MDC.remove("dnschase.query");
    }
  }
}
