package org.dnschase.resolver.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.cache.RRsetCache;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A resolver in the side-by-side, asked for the A records at a name: a cold run empties its cache
 * first, a warm one does not. Each run counts the queries its upstream servers saw.
 */
sealed interface Side {

  /**
   * The default pause before every timed run of either side, and after each of Unbound's, which
   * may go on asking (NS addresses, say) after it answered; those queries count too. Before each
   * run for both, because a pause costs time of its own: threads that went idle (the lab's
   * servers, the resolvers') take longer to wake, about 1 ms over a cold chain on this project's
   * machines. A pause of 0 times both back to back, hot, and may miss Unbound's late queries.
   */
  long SETTLE_MILLIS = 100;

  default Run cold(Name qname) throws Exception {
    emptyCache();
    return warm(qname);
  }

  Run warm(Name qname) throws Exception;

  void emptyCache() throws Exception;

  /** One run: its time, the upstream queries the servers saw, and the answer as comparable text. */
  record Run(long nanos, int queries, Set<String> answer) {}

  /** Our resolver, in-process. */
  record Ours(Resolver resolver, RRsetCache cache, Upstream upstream, long pauseMillis) implements Side {
    @Override
    public void emptyCache() {
      cache.invalidateAll();
    }

    @Override
    public Run warm(Name qname) throws Exception {
      Thread.sleep(pauseMillis);
      upstream.clearQueries();
      long start = System.nanoTime();
      Resolution resolution = resolver.resolve(qname, Type.A);
      long nanos = System.nanoTime() - start;
      return new Run(nanos, upstream.queryCount(), resolution instanceof Resolution.Answer answer
          ? comparable(answer.answerSection()) : Set.of(resolution.getClass().getSimpleName()));
    }
  }

  /** An Unbound child process, asked as a stub asks it. */
  record Unbound(UnboundProcess unbound, Upstream upstream, long pauseMillis) implements Side {
    @Override
    public void emptyCache() throws Exception {
      unbound.flush();
    }

    @Override
    public Run warm(Name qname) throws Exception {
      Thread.sleep(pauseMillis);
      upstream.clearQueries();
      long start = System.nanoTime();
      Message reply = unbound.query(qname);
      long nanos = System.nanoTime() - start;
      Thread.sleep(pauseMillis);
      Set<String> answer = reply.getRcode() == Rcode.NOERROR
          ? comparable(reply.getSection(Section.ANSWER)) : Set.of(Rcode.string(reply.getRcode()));
      return new Run(nanos, upstream.queryCount(), answer);
    }
  }

  /** Records without their TTLs, which differ between two caches by design. */
  private static Set<String> comparable(List<Record> records) {
    Set<String> text = new TreeSet<>();
    for (Record record : new ArrayList<>(records)) {
      text.add(record.getName() + " " + Type.string(record.getType()) + " " + record.rdataToString());
    }
    return text;
  }
}
