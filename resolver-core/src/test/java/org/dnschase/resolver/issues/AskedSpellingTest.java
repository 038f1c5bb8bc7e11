package org.dnschase.resolver.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.spi.Transport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Callers asking one name in different case share one resolution (names compare
 * case-insensitively, RFC 4343), yet each gets the question back as it spelt it: the query name,
 * the first hop's owner, and the names a DNAME rewrote from it.
 */
class AskedSpellingTest {

  /** Holds every exchange until {@link #release()}, so concurrent questions coalesce. */
  private static final class HeldServers implements Transport {
    private final CannedServers canned;
    private final List<Runnable> held = new CopyOnWriteArrayList<>();

    HeldServers(CannedServers canned) {
      this.canned = canned;
    }

    @Override
    public CompletableFuture<Message> exchange(InetSocketAddress server, Message query, Duration timeout) {
      CompletableFuture<Message> reply = new CompletableFuture<>();
      held.add(() -> canned.exchange(server, query, timeout).whenComplete((m, e) -> {
        if (e != null) {
          reply.completeExceptionally(e);
        } else {
          reply.complete(m);
        }
      }));
      return reply;
    }

    /** Lets held exchanges through until none is left (each reply may cause the next exchange). */
    void release() {
      while (!held.isEmpty()) {
        held.remove(0).run();
      }
    }
  }

  private static String spelt(Name name) {
    return name.toString();
  }

  private static Resolver resolverOn(HeldServers servers) {
    return Resolver.builder().transport(servers).qnameMinimisation(false)
        .rootHints(RootHints.of(Map.of(Name.fromConstantString("a.root."), List.of(CannedServers.ROOT)))).build();
  }

  @Test
  @DisplayName("RFC 4343 §3: callers sharing a resolution each get their own spelling of the query name")
  void coalescedCallers_eachGetTheirSpelling() {
    CannedServers canned = new CannedServers() // the flight asks as its first caller spelt the name
        .reply(CannedServers.ROOT, "WWW.Example. A", Rcode.NOERROR, true, List.of("www.example. 300 A 192.0.2.80"),
            List.of(), List.of());
    HeldServers held = new HeldServers(canned);
    try (Resolver resolver = resolverOn(held)) {
      CompletableFuture<Resolution> upper = resolver.resolveAsync("WWW.Example.", Type.A);
      CompletableFuture<Resolution> lower = resolver.resolveAsync("www.example.", Type.A);
      held.release();

      assertThat(spelt(upper.join().qname())).isEqualTo("WWW.Example.");
      assertThat(spelt(lower.join().qname())).isEqualTo("www.example.");
      assertThat(lower.join()).isInstanceOf(Resolution.Answer.class);
      assertThat(canned.asked("www.example. A") + canned.asked("WWW.Example. A")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("RFC 4343 §3, RFC 6672 §2.2: the first hop's owner and a DNAME's rewrite keep each caller's spelling")
  void coalescedCallers_eachGetTheirSpellingAlongTheChain() {
    CannedServers canned = new CannedServers()
        .reply(CannedServers.ROOT, "a.www.example. A", Rcode.NOERROR, true,
            List.of("www.example. 300 DNAME www.example.net.", "a.www.example. 300 CNAME a.www.example.net.",
                "a.www.example.net. 300 A 192.0.2.80"), List.of(), List.of());
    HeldServers held = new HeldServers(canned);
    try (Resolver resolver = resolverOn(held)) {
      CompletableFuture<Resolution> first = resolver.resolveAsync("a.www.example.", Type.A);
      CompletableFuture<Resolution> second = resolver.resolveAsync("A.WWW.example.", Type.A);
      held.release();

      Resolution shared = second.join();
      assertThat(shared).isInstanceOf(Resolution.Answer.class);
      assertThat(spelt(shared.qname())).isEqualTo("A.WWW.example.");
      Hop hop = shared.chain().get(0);
      assertThat(spelt(hop.owner())).isEqualTo("A.WWW.example.");
      assertThat(spelt(hop.target())).isEqualTo("A.www.example.net.");
      assertThat(spelt(first.join().chain().get(0).owner())).isEqualTo("a.www.example.");
    }
  }
}
