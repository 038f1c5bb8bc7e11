package org.dnschase.resolver.internal.metrics;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One query sent to a server and what came of it, as a JDK Flight Recorder event. */
@Name(ExchangeEvent.NAME)
@Label("DNS Upstream Exchange")
@Category({"dnschase", "Resolver"})
@Description("A query a dnschase resolver sent to a server, and its reply or failure")
@StackTrace(false)
final class ExchangeEvent extends Event {

  static final String NAME = "org.dnschase.Exchange";

  @Label("Server")
  String server;

  @Label("Zone")
  @Description("The zone the server was asked as a server of")
  String zone;

  @Label("Name")
  String qname;

  @Label("Type")
  String qtype;

  @Label("Retry")
  @Description("Whether the server had not answered an earlier query of this resolution")
  boolean retry;

  @Label("Response Code")
  @Description("The reply's rcode; empty when no reply came")
  String rcode;

  @Label("Error")
  @Description("Why no reply came: a timeout or another failure")
  String error;
}
