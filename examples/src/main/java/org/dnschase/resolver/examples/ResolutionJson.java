package org.dnschase.resolver.examples;

import java.util.List;
import java.util.function.BiConsumer;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.TraceEvent;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Writes a resolution as one line of JSON, the schema {@code bin/resolve --json} promises to
 * scripts. Written by hand: the schema is small and flat, and a JSON library would be the only
 * dependency the examples module has for it.
 */
final class ResolutionJson {

  private final StringBuilder json = new StringBuilder(512);

  private ResolutionJson() {}

  /** The JSON object for {@code resolution}; with {@code withTrace}, a {@code trace} array too. */
  static String of(Resolution resolution, long elapsedMicros, boolean withTrace) {
    ResolutionJson writer = new ResolutionJson();
    writer.object(resolution, elapsedMicros, withTrace);
    return writer.json.toString();
  }

  /** The rcode a stub would see: a failure is SERVFAIL except for DNAME's YXDOMAIN (RFC 6672 §2.2). */
  static String status(Resolution resolution) {
    return switch (resolution) {
      case Resolution.Answer a -> "NOERROR";
      case Resolution.NoData n -> "NOERROR";
      case Resolution.NxDomain x -> "NXDOMAIN";
      case Resolution.Failure f -> f.reason() == FailureReason.YXDOMAIN ? "YXDOMAIN" : "SERVFAIL";
    };
  }

  private void object(Resolution resolution, long elapsedMicros, boolean withTrace) {
    json.append("{\"qname\":").append(string(resolution.qname().toString()));
    json.append(",\"qtype\":").append(string(Type.string(resolution.qtype())));
    json.append(",\"status\":").append(string(status(resolution)));
    json.append(",\"kind\":").append(string(kind(resolution)));
    json.append(",\"reason\":").append(resolution instanceof Resolution.Failure f
        ? string(f.reason().name()) : "null");
    json.append(",\"security\":").append(string(resolution.security().name()));
    json.append(",\"bogusReason\":").append(resolution instanceof Resolution.Failure f && f.bogusReason() != null
        ? string(f.bogusReason().name()) : "null");
    json.append(",\"answer\":");
    array(resolution.answerSection(), (record, out) -> out.append(string(presentation(record))));
    json.append(",\"ttl\":").append(resolution.ttl().toSeconds());
    json.append(",\"chain\":");
    array(resolution.chain(), ResolutionJson::hop);
    json.append(",\"diagnostics\":");
    array(resolution.diagnostics(), (diagnostic, out) -> out.append("{\"kind\":")
        .append(string(diagnostic.kind().name())).append(",\"detail\":")
        .append(string(diagnostic.detail())).append('}'));
    json.append(",\"upstreamQueries\":").append(resolution.upstreamQueries());
    json.append(",\"elapsedMicros\":").append(elapsedMicros);
    if (withTrace) {
      json.append(",\"trace\":");
      array(resolution.trace(), ResolutionJson::event);
    }
    json.append('}');
  }

  private static String kind(Resolution resolution) {
    return switch (resolution) {
      case Resolution.Answer a -> "answer";
      case Resolution.NoData n -> "nodata";
      case Resolution.NxDomain x -> "nxdomain";
      case Resolution.Failure f -> "failure";
    };
  }

  /** One record on one line with single spaces: dnsjava's own form separates fields with tabs. */
  private static String presentation(Record record) {
    return record.getName() + " " + record.getTTL() + " " + DClass.string(record.getDClass()) + " "
        + Type.string(record.getType()) + " " + record.rdataToString();
  }

  private static void hop(Hop hop, StringBuilder out) {
    out.append("{\"owner\":").append(string(hop.owner().toString()))
        .append(",\"kind\":").append(string(hop.kind().name()))
        .append(",\"target\":").append(string(hop.target().toString()))
        .append(",\"ttl\":").append(hop.ttl().toSeconds()).append('}');
  }

  private static void event(TraceEvent event, StringBuilder out) {
    switch (event) {
      case TraceEvent.CacheHit hit -> out.append("{\"event\":\"cache\",\"name\":")
          .append(string(hit.name().toString())).append(",\"type\":")
          .append(string(Type.string(hit.type()))).append(",\"what\":")
          .append(string(hit.what())).append('}');
      case TraceEvent.Exchange exchange -> out.append("{\"event\":\"exchange\",\"server\":")
          .append(string(ResolutionPrinter.address(exchange.server()))).append(",\"zone\":")
          .append(string(exchange.zone().toString())).append(",\"name\":")
          .append(string(exchange.name().toString())).append(",\"type\":")
          .append(string(Type.string(exchange.type()))).append(",\"outcome\":")
          .append(string(exchange.outcome())).append(",\"rttMicros\":")
          .append(exchange.rtt().toNanos() / 1_000).append('}');
      case TraceEvent.PrimingUnderWay priming -> out.append("{\"event\":\"priming under way\",\"zone\":")
          .append(string(priming.zone().toString())).append(",\"queriesSent\":")
          .append(priming.queriesSent()).append('}');
    }
  }

  private <T> void array(List<T> items, BiConsumer<T, StringBuilder> element) {
    json.append('[');
    for (int i = 0; i < items.size(); i++) {
      json.append(i == 0 ? "" : ",");
      element.accept(items.get(i), json);
    }
    json.append(']');
  }

  /** A JSON string literal: quotes, backslashes and control characters escaped (RFC 8259 §7). */
  static String string(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
