package org.dnschase.resolver.internal.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.cache.TtlCaps;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * {@link ResponseClassifier#classifyForwarded}: a recursive server asked with RD=1 (a forward
 * zone's) resolves the name itself, so its reply is data, a negative answer or a failure, never a
 * referral to follow.
 */
class ForwardedReplyTest {

  private static final String SOA = "example.test. 300 SOA ns1.example.test. host.example.test. 1 3600 600 86400 300";
  private static final String NS = "example.test. 300 NS ns1.example.test.";

  private static ResponseType classifyForwarded(Reply reply, String qname) {
    ScrubbedReply scrubbed = Bailiwick.scrub(reply.to(qname, Type.A), Name.root, TtlCaps.DEFAULTS, Defaults.MAX_NAME_SERVERS);
    return ResponseClassifier.classifyForwarded(scrubbed, Name.fromConstantString(qname), Type.A);
  }

  @Test
  @DisplayName("A NODATA whose authority section carries the zone's NS set beside its SOA is NODATA, not a referral")
  void noDataWithNsBesideSoa_isNoData() {
    Reply reply = Reply.noError().authority(SOA).authority(NS);

    assertThat(classifyForwarded(reply, "a.example.test.")).isEqualTo(ResponseType.NODATA);
  }

  @Test
  @DisplayName("An NS set without SOA and without answer means the server did not recurse: lame")
  void referralWithoutSoa_isLame() {
    Reply reply = Reply.noError().authority(NS);

    assertThat(classifyForwarded(reply, "a.example.test.")).isEqualTo(ResponseType.LAME);
  }

  @Test
  @DisplayName("An answer without AA, as recursive servers send them, is an answer")
  void nonAuthoritativeAnswer_isAnswer() {
    Reply reply = Reply.noError().answer("a.example.test. 300 A 192.0.2.1").authority(NS);

    assertThat(classifyForwarded(reply, "a.example.test.")).isEqualTo(ResponseType.ANSWER);
  }
}
