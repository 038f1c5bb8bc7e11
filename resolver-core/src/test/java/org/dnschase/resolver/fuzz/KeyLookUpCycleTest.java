package org.dnschase.resolver.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.testkit.Dispatcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A look-up of keys whose answer leads, through an alias, to data that needs those same keys to be
 * checked: here the root's server answers its DNSKEY question with a CNAME into the resolver's own
 * (unsigned) auth zone, whose NODATA the validator can judge only with the root's keys. The look-up
 * must not wait for itself, nesting without end and asking nothing (a stack overflow once): the
 * question ends with a typed outcome, within every invariant of the reply-path fuzz tests.
 */
class KeyLookUpCycleTest {

  @Test
  @DisplayName("A DNSKEY look-up whose alias leads to data needing those keys ends, not nesting for ever")
  void keyLookUpLedBackToItself_endsWithATypedOutcome() {
    ReplyScript rootKeysAliased = (server, query, lab) -> {
      if (lab == null) {
        return new ReplyScript.Silence();
      }
      if (query.getQuestion().getType() != Type.DNSKEY || !query.getQuestion().getName().equals(Name.root)) {
        return new ReplyScript.Arrives(lab, Duration.ofMillis(5));
      }
      Message alias = Dispatcher.replyTo(query);
      alias.getHeader().setFlag(Flags.AA);
      alias.addRecord(new CNAMERecord(Name.root, DClass.IN, 300, Name.fromConstantString("printer.corp.test.")),
          Section.ANSWER);
      return new ReplyScript.Arrives(alias, Duration.ofMillis(5));
    };

    Resolution result = ReplyPathFuzzTest.resolveAndCheck(FuzzLab.signed(),
        FuzzLab.Question.of("printer.corp.test.", Type.A), false, rootKeysAliased);

    assertThat(result.security()).isNotEqualTo(Security.SECURE);
  }
}
