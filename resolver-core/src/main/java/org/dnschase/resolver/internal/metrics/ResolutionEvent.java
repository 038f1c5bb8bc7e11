package org.dnschase.resolver.internal.metrics;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.spi.Responses;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * One question answered, as a JDK Flight Recorder event: its duration is the resolution's when
 * the resolver iterated it, and zero when the answer was at hand (the resolution cache, a
 * special-use name, another caller's resolution of the same question).
 */
@Name(ResolutionEvent.NAME)
@Label("DNS Resolution")
@Category({"dnschase", "Resolver"})
@Description("A question answered by a dnschase resolver, with its outcome")
@StackTrace(false)
final class ResolutionEvent extends Event {

  static final String NAME = "org.dnschase.Resolution";

  /** How the answer was found. */
  static final String ITERATED = "iterated";
  static final String RESOLUTION_CACHE = "resolution cache";
  static final String SHARED = "shared";
  static final String AT_HAND = "at hand";

  @Label("Name")
  String qname;

  @Label("Type")
  String qtype;

  @Label("Outcome")
  @Description("Answer, NoData, NxDomain or Failure")
  String outcome;

  @Label("Response Code")
  String rcode;

  @Label("Failure Reason")
  String reason;

  @Label("Hops")
  @Description("CNAME and DNAME hops in the chain")
  int hops;

  @Label("Upstream Queries")
  int upstreamQueries;

  @Label("Source")
  @Description("iterated, resolution cache, shared (another caller's resolution) or at hand")
  String source;

  /** Fills the outcome in and commits, if a recording wants this event. */
  void commit(Resolution resolution, String from) {
    if (!shouldCommit()) {
      return;
    }
    qname = resolution.qname().toString();
    qtype = Type.string(resolution.qtype());
    outcome = resolution.getClass().getSimpleName();
    rcode = Rcode.string(Responses.rcode(resolution));
    reason = resolution instanceof Resolution.Failure failure ? failure.reason().toString() : null;
    hops = resolution.chain().size();
    upstreamQueries = resolution.upstreamQueries();
    source = from;
    commit();
  }
}
