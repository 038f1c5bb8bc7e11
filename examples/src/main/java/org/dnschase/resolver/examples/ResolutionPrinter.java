package org.dnschase.resolver.examples;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.TraceEvent;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Prints a resolution for people: every hop, the outcome, its DNSSEC status, the effective TTL
 * and the cost.
 */
final class ResolutionPrinter {

  private final PrintStream out;

  ResolutionPrinter(PrintStream out) {
    this.out = out;
  }

  void print(Resolution resolution, boolean withTrace) {
    print(resolution, withTrace, null);
  }

  /** Like {@link #print(Resolution, boolean)}, with the wall time it took when {@code elapsed} is given. */
  void print(Resolution resolution, boolean withTrace, Duration elapsed) {
    out.printf("? %s %s%n", resolution.qname(), Type.string(resolution.qtype()));
    List<Hop> chain = resolution.chain();
    for (int i = 0; i < chain.size(); i++) {
      Hop hop = chain.get(i);
      out.printf("  hop %-2d %s -> %s  %s ttl=%ds  zone=%s  %s%n", i + 1, hop.owner(), hop.target(),
          hop.kind(), hop.ttl().toSeconds(), hop.zone(),
          hop.fromCache() ? "from cache" : "served by " + hop.source());
    }
    out.println("  " + outcome(resolution));
    out.println("  security=" + security(resolution));
    out.printf("  effective ttl=%ds, upstream queries=%d%s%n", resolution.ttl().toSeconds(),
        resolution.upstreamQueries(),
        elapsed == null ? "" : String.format(", elapsed %.1f ms", elapsed.toNanos() / 1e6));
    for (Diagnostic diagnostic : resolution.diagnostics()) {
      out.printf("  ! %s: %s%n", diagnostic.kind(), diagnostic.detail());
    }
    if (withTrace) {
      for (TraceEvent event : resolution.trace()) {
        out.println("    " + traceLine(event));
      }
    }
  }

  /** One trace event, like a line of {@code dig +trace}: who was asked what, and what came back. */
  static String traceLine(TraceEvent event) {
    return switch (event) {
      case TraceEvent.Exchange exchange -> String.format("> %s %s @%s zone %s: %s (%.1f ms)",
          exchange.name(), Type.string(exchange.type()), address(exchange.server()), exchange.zone(),
          exchange.outcome(), exchange.rtt().toNanos() / 1e6);
      case TraceEvent.CacheHit hit -> String.format("= %s %s from cache: %s", hit.name(),
          Type.string(hit.type()), hit.what());
      case TraceEvent.PrimingUnderWay priming -> String.format("~ priming of %s still under way: %d quer%s sent so far",
          priming.zone(), priming.queriesSent(), priming.queriesSent() == 1 ? "y" : "ies");
    };
  }

  /** A server as {@code address#port}, the way dig names the server that answered. */
  static String address(InetSocketAddress server) {
    return server.getAddress().getHostAddress() + "#" + server.getPort();
  }

  private static String outcome(Resolution resolution) {
    return switch (resolution) {
      case Resolution.Answer answer -> "ANSWER " + records(answer.records());
      case Resolution.NoData noData -> "NODATA at " + noData.finalName();
      case Resolution.NxDomain nxDomain -> "NXDOMAIN: " + nxDomain.finalName() + " does not exist"
          + (nxDomain.soa() == null ? "" : " (SOA of " + nxDomain.soa().getName() + ")");
      case Resolution.Failure failure -> "FAILURE " + failure.reason() + ": " + failure.detail();
    };
  }

  /** The DNSSEC status, the weakest of the chain's; for BOGUS data also why. */
  static String security(Resolution resolution) {
    return resolution.security() + (resolution instanceof Resolution.Failure failure
        && failure.bogusReason() != null ? " (" + failure.bogusReason() + ")" : "");
  }

  private static String records(List<Record> records) {
    StringBuilder text = new StringBuilder();
    for (Record record : records) {
      text.append(text.isEmpty() ? "" : ", ").append(record.getName()).append(' ')
          .append(Type.string(record.getType())).append(' ').append(record.rdataToString());
    }
    return text.toString();
  }
}
