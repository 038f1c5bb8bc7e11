package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The javadoc's samples do what their text says. */
class SnippetsTest {

  @Test
  void builderSample_buildsAWorkingResolver() {
    try (TestHierarchy lab = ChainLab.start();
         Resolver resolver = Snippets.builder(lab.rootHintsText())) {
      // answered locally (RFC 6761): the sample's port 5353 has no lab behind it
      assertThat(resolver.resolve("localhost.", Type.A)).isInstanceOf(Resolution.Answer.class);
      assertThat(lab.queryCount()).isZero();
    }
  }

  @Test
  void zonesSample_buildsAResolverWithBothZones() {
    try (TestHierarchy lab = ChainLab.start(); Resolver resolver = Snippets.zones(RootHints.of(lab.rootHints()))) {
      // answered locally (RFC 6761): the sample's servers are not the lab's, so nothing is sent
      assertThat(resolver.resolve("localhost.", Type.A)).isInstanceOf(Resolution.Answer.class);
      assertThat(lab.queryCount()).isZero();
    }
  }

  @Test
  void respondSample_answersAClientQueryInWireFormat() throws Exception {
    try (TestHierarchy lab = ChainLab.start(); Resolver resolver = ChainLab.resolverFor(lab).build()) {
      Message query = Message.newQuery(Record.newRecord(Name.fromConstantString("start.alpha.lab."), Type.A, 1));

      Message reply = new Message(Snippets.respond(resolver, query.toWire()));

      assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
      assertThat(reply.getHeader().getID()).isEqualTo(query.getHeader().getID());
      assertThat(reply.getSection(Section.ANSWER)).extracting(Record::getType).contains(Type.CNAME, Type.A);
      assertThat(List.of(reply.getSection(Section.QUESTION).get(0).getName()))
          .containsExactly(Name.fromConstantString("start.alpha.lab."));
    }
  }
}
