package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.BogusReason;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.cache.TtlCaps;
import org.dnschase.resolver.internal.dnssec.Verdict;
import org.dnschase.resolver.internal.reply.Bailiwick;
import org.dnschase.resolver.internal.reply.Reply;
import org.dnschase.resolver.internal.reply.ResponseType;
import org.dnschase.resolver.internal.reply.ScrubbedReply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * RFC 6672 §3.3: a DNAME at a wildcard is undefined, so a DNAME whose RRSIG says it was
 * synthesised from a wildcard (fewer labels than its owner, RFC 4035 §5.3.4) is BOGUS however
 * well it is signed, where any other wildcard expansion waits for its proof.
 */
class WildcardDnameTest {

  private static final Name ZONE = Name.fromConstantString("example.test.");

  /** The verdict on sub.example.test.'s DNAME, found SECURE by its signature, signed with {@code labels}. */
  private static Verdict dnameSignedWithLabels(int labels) {
    ScrubbedReply reply = Bailiwick.scrub(Reply.noError().authoritative().answer(
            "sub.example.test. 300 DNAME example.net.",
            "sub.example.test. 300 RRSIG DNAME 13 " + labels + " 300 20300101000000 20200101000000 1 example.test. AAAA")
        .to("www.sub.example.test.", Type.A), ZONE, TtlCaps.DEFAULTS, Defaults.MAX_NAME_SERVERS);
    ReplyValidation validation = new ReplyValidation(reply, ResponseType.ANSWER);
    while (validation.nextUnchecked() != null) {
      validation.record(Verdict.SECURE);
    }
    return validation.of(reply.answer(Name.fromConstantString("sub.example.test."), Type.DNAME));
  }

  @Test
  @DisplayName("RFC 6672 §3.3: a DNAME signed as a wildcard expansion is BOGUS")
  void dnameFromWildcard_isBogus() {
    Verdict verdict = dnameSignedWithLabels(2);

    assertThat(verdict.isBogus()).isTrue();
    assertThat(verdict.reason()).isEqualTo(BogusReason.BAD_SIGNATURE);
  }

  @Test
  @DisplayName("RFC 6672 §5.3.1: a DNAME signed at its own owner stays SECURE")
  void dnameAtItsOwner_staysSecure() {
    assertThat(dnameSignedWithLabels(3)).isEqualTo(Verdict.SECURE);
  }
}
