package org.dnschase.resolver.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

/**
 * Any octets a client sends are decoded into a {@link Request} without an exception escaping, and
 * whatever the server answers at once can be written to the wire and fits a plain UDP answer.
 */
class RequestDecoderFuzzTest {

  @FuzzTest
  void anyOctetsDecodeIntoARequestWhoseAnswerFits(byte[] wire) {
    Request request = RequestDecoder.decode(wire);

    switch (request) {
      case Request.Ignored ignored -> assertThat(ignored.reason()).isNotBlank();
      case Request.Rejected rejected -> {
        assertThat(rejected.reason()).isNotBlank();
        assertAnswerFits(Answers.error(rejected.query(), rejected.rcode()), rejected.rcode());
      }
      case Request.Query query -> {
        assertThat(query.udpPayload()).isBetween(RequestDecoder.PLAIN_UDP_PAYLOAD, RequestDecoder.MAX_UDP_PAYLOAD);
        assertAnswerFits(Answers.error(query.query(), Rcode.SERVFAIL), Rcode.SERVFAIL);
      }
    }
  }

  private static void assertAnswerFits(Message answer, int rcode) {
    byte[] out = ResponseFitter.fit(answer, RequestDecoder.PLAIN_UDP_PAYLOAD);
    assertThat(out.length).isBetween(12, RequestDecoder.PLAIN_UDP_PAYLOAD);
    assertThat(out[0] & 0xFF).isEqualTo(answer.getHeader().getID() >>> 8);
    assertThat(answer.getRcode()).isEqualTo(rcode);
  }
}
