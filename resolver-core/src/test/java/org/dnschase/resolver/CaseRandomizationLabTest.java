package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dnschase.resolver.FaultToleranceTest.NO_HANG;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.dnschase.resolver.spi.Transport;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Dispatcher;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * {@link ResolverBuilder#caseRandomization}: through a lab whose servers echo the question as
 * received, and one that lower-cases it.
 */
class CaseRandomizationLabTest extends FaultLabFixture {

  /** Its random case is never all lower-case by chance (see {@link FaultLab#LONG_LABEL}). */
  private static final String ASKED = FaultLab.LONG_LABEL + ".one.test.";
  private static final String BIG = "big.one.test.";

  private static Resolver randomizingCase() {
    return ChainLab.resolverFor(lab).budgets(FaultLab.SHORT).caseRandomization(true).build();
  }

  private static List<String> namesSent(AuthServer server) {
    return server.queries().stream().map(query -> query.qname().toString()).toList();
  }

  @Test
  @DisplayName("0x20: servers get query names in random case; the answer comes back spelt as asked")
  void echoingServers_answerSpeltAsAsked() {
    AuthServer one = lab.server(FaultLab.address(FaultLab.ONE_SERVER));
    try (Resolver resolver = randomizingCase()) {
      Resolution result = resolver.resolve(ASKED, Type.A);

      assertThat(result).isInstanceOf(Resolution.Answer.class);
      assertThat(((Resolution.Answer) result).rrset().getName().toString()).isEqualTo(ASKED);
      assertThat(namesSent(one)).singleElement().satisfies(sent ->
          assertThat(sent).isEqualToIgnoringCase(ASKED).isNotEqualTo(ASKED));
    }
  }

  @Test
  @DisplayName("0x20 fallback: a server that lower-cases the question is asked again without 0x20 and answers")
  void serverThatLowerCases_fallbackStillAnswers() {
    AuthServer one = lab.server(FaultLab.address(FaultLab.ONE_SERVER));
    one.setDispatcher(lowerCasing(one.zoneDispatcher()));
    try (Resolver resolver = randomizingCase()) {
      long start = System.nanoTime();
      Resolution first = resolver.resolve(ASKED, Type.A);
      Resolution next = resolver.resolve(BIG, Type.A);

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(NO_HANG);
      assertThat(FaultToleranceTest.addresses(first)).containsExactly("192.0.2.5");
      List<String> sent = namesSent(one);
      int plain = sent.indexOf(ASKED);
      assertThat(plain).as("asked as is once a random case timed out").isPositive();
      assertThat(sent.subList(0, plain)).as("asked in a random case until then")
          .allSatisfy(name -> assertThat(name).isEqualToIgnoringCase(ASKED).isNotEqualTo(ASKED));
      // A loaded machine may still time out an exchange (the truncated reply's TCP leg has what
      // is left of 200 ms) and ask again: that is no 0x20 timeout, and is asked as is too.
      assertThat(sent.subList(plain, sent.size())).as("remembered: asked as is from then on")
          .containsOnly(ASKED, BIG).contains(BIG);
      assertThat(next).isInstanceOf(Resolution.Answer.class);
      assertThat(next.diagnostics()).as("remembered: no second 0x20 timeout")
          .noneMatch(diagnostic -> diagnostic.detail().contains("0x20"));
      assertThat(one.queries().getLast().transport()).isEqualTo(RecordedQuery.Transport.TCP);
    }
  }

  @Test
  @DisplayName("caseRandomization applies to the default transport: turning it on with a given one is refused")
  void caseRandomization_withAGivenTransport_refused() {
    Transport given = (server, query, timeout) -> CompletableFuture.failedFuture(new IOException("unused"));
    assertThatThrownBy(() -> Resolver.builder().transport(given).caseRandomization(true))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("caseRandomization");
    assertThatThrownBy(() -> Resolver.builder().caseRandomization(true).transport(given))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("caseRandomization");
    Resolver.builder().loopbackOnly().transport(given).caseRandomization(false).build().close();
    Resolver.builder().loopbackOnly().caseRandomization(false).transport(given).build().close();
  }

  /** Answers from the zone, with the question in the reply lower-cased. */
  private static Dispatcher lowerCasing(Dispatcher zone) {
    return query -> {
      Message reply = zone.dispatch(query).clone();
      Record question = reply.getQuestion();
      reply.removeAllRecords(Section.QUESTION);
      reply.addRecord(Record.newRecord(lower(question.getName()), question.getType(), question.getDClass()),
          Section.QUESTION);
      return reply;
    };
  }

  private static Name lower(Name name) {
    try {
      return Name.fromString(name.toString().toLowerCase(Locale.ROOT));
    } catch (TextParseException e) {
      throw new IllegalArgumentException(name.toString(), e);
    }
  }
}
