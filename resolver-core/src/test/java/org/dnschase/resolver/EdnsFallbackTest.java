package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Dispatcher;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** RFC 6891 §7: a server that rejects EDNS is asked again without it, and remembered. */
class EdnsFallbackTest extends ChainLabTest {

  @Test
  @DisplayName("RFC 6891 §7: FORMERR to an EDNS query is retried without EDNS, and later queries skip EDNS")
  void formErrToEdns_isRetriedWithoutEdns() throws Exception {
    AuthServer delta = lab.server(InetAddress.getByName("127.53.13.1"));
    Dispatcher zone = delta.zoneDispatcher();
    delta.setDispatcher(query -> query.message().getOPT() != null ? formErr(query) : zone.dispatch(query));
    try {
      Resolution result = resolver.resolve("start.alpha.lab.", Type.A);
      Resolution later = resolver.resolve("nothing.delta.test.", Type.A);

      assertThat(result).isInstanceOf(Resolution.Answer.class);
      assertThat(later).isInstanceOf(Resolution.NxDomain.class);
      assertThat(delta.queries()).extracting(q -> q.message().getOPT() != null)
          .containsExactly(true, false, false);
      assertThat(delta.queries()).extracting(RecordedQuery::qname).extracting(Object::toString)
          .containsExactly("hop3.delta.test.", "hop3.delta.test.", "nothing.delta.test.");
    } finally {
      delta.setDispatcher(zone);
    }
  }

  private static Message formErr(RecordedQuery query) {
    Message reply = Dispatcher.replyTo(query.message());
    reply.getHeader().setRcode(Rcode.FORMERR);
    return reply;
  }
}
