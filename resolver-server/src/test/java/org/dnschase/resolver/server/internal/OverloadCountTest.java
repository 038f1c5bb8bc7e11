package org.dnschase.resolver.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Security;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The requests an overload turned away, as Unbound's {@code total.requestlist.exceeded} counts
 * them, whichever bound turned them away: the server's own, or the resolver's when it bounds the
 * resolutions under way itself (as {@code bin/serve} has it, pushing old ones out).
 */
class OverloadCountTest {

  private static final Name NAME = Name.fromConstantString("u1.silent.example.");
  private static final InetSocketAddress CLIENT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 53000);

  @Test
  @DisplayName("a question the resolver's own bound turned away or pushed out is SERVFAIL and counted as exceeded")
  void resolversOverload_countedAsExceeded() throws Exception {
    Resolution pushedOut = new Resolution.Failure(NAME, Type.A, FailureReason.OVERLOADED,
        "overloaded: pushed out of its slot by a newer question after 200 ms", List.of(), null, List.of(), List.of(), 0,
        Security.INDETERMINATE, null, List.of());
    QueryHandler queries = new QueryHandler(new FixedOutcomes().with(pushedOut), AllowList.of(AllowList.LOOPBACK),
        null, 100);
    Message query = Message.newQuery(Record.newRecord(NAME, Type.A, DClass.IN));

    Message answer = new Message(queries.handle(query.toWire(), CLIENT, false).now());

    assertThat(answer.getRcode()).isEqualTo(Rcode.SERVFAIL);
    assertThat(queries.stats().snapshot()).containsEntry("total.requestlist.exceeded", 1L)
        .containsEntry("total.requestlist.current.all", 0L);
  }
}
