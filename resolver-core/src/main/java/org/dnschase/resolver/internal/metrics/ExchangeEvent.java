package org.dnschase.resolver.internal.metrics;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

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

  /**
   * {@code reply}, timed from now and recorded as it completes if a recording wants it. Here rather
   * than in {@link ResolverMetrics}: a lambda that captures an event names its class, which loads
   * it, and with it Flight Recorder's machinery, even on a path that never makes an event.
   */
  static CompletableFuture<Message> recorded(InetSocketAddress server, org.xbill.DNS.Name zone, org.xbill.DNS.Name name, int type,
      boolean retry, CompletableFuture<Message> reply) {
    ExchangeEvent event = new ExchangeEvent();
    event.begin();
    return reply.whenComplete((message, failure) -> {
      event.end();
      if (event.shouldCommit()) {
        Throwable error = ResolverMetrics.cause(failure);
        event.server = server.getAddress().getHostAddress() + "#" + server.getPort();
        event.zone = zone.toString();
        event.qname = name.toString();
        event.qtype = Type.string(type);
        event.retry = retry;
        event.rcode = message == null ? "" : Rcode.string(message.getRcode());
        event.error = error == null ? null : error.toString();
        event.commit();
      }
    });
  }
}
