package org.dnschase.resolver.examples;

import java.io.PrintStream;
import java.util.List;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.TraceEvent;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** Prints a resolution for people: every hop, the outcome, the effective TTL and the cost. */
final class ResolutionPrinter {

  private final PrintStream out;

  ResolutionPrinter(PrintStream out) {
    this.out = out;
  }

  void print(Resolution resolution, boolean withTrace) {
    out.printf("? %s %s%n", resolution.qname(), Type.string(resolution.qtype()));
    List<Hop> chain = resolution.chain();
    for (int i = 0; i < chain.size(); i++) {
      Hop hop = chain.get(i);
      out.printf("  hop %-2d %s -> %s  %s ttl=%ds  zone=%s  %s%n", i + 1, hop.owner(), hop.target(),
          hop.kind(), hop.ttl().toSeconds(), hop.zone(),
          hop.fromCache() ? "from cache" : "served by " + hop.source());
    }
    out.println("  " + outcome(resolution));
    out.printf("  effective ttl=%ds, upstream queries=%d%n", resolution.ttl().toSeconds(),
        resolution.upstreamQueries());
    for (Diagnostic diagnostic : resolution.diagnostics()) {
      out.printf("  ! %s: %s%n", diagnostic.kind(), diagnostic.detail());
    }
    if (withTrace) {
      for (TraceEvent event : resolution.trace()) {
        out.println("    . " + event);
      }
    }
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

  private static String records(List<Record> records) {
    StringBuilder text = new StringBuilder();
    for (Record record : records) {
      text.append(text.isEmpty() ? "" : ", ").append(record.getName()).append(' ')
          .append(Type.string(record.getType())).append(' ').append(record.rdataToString());
    }
    return text.toString();
  }
}
