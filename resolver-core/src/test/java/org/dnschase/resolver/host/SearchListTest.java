package org.dnschase.resolver.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** Search domains with ndots, as the C library's res_search applies them. */
class SearchListTest extends HostLabTest {

  private static Resolver searching(String conf) {
    // Whole names in the query log: minimisation would show only their first labels below a zone.
    return HostLab.resolverFor(lab).qnameMinimisation(false).searchList(ResolvConf.parse(conf, "resolv.conf").searchList()).build();
  }

  @Test
  @DisplayName("db with search corp.test and ndots:1 resolves db.corp.test.")
  void singleLabel_isSearched() {
    try (Resolver resolver = searching("search corp.test\noptions ndots:1\n")) {
      HostAddresses found = resolver.resolveAddresses("db", AddressOrder.IPV4_ONLY);

      assertThat(found.name()).isEqualTo(Name.fromConstantString("db.corp.test."));
      assertThat(found.addresses()).extracting(InetAddress::getHostAddress).containsExactly("192.0.2.70");
    }
  }

  @Test
  @DisplayName("A name with ndots dots is tried as it is first, and is not searched when it has addresses")
  void enoughDots_triesTheNameFirst() {
    try (Resolver resolver = searching("search corp.test\n")) {
      HostAddresses found = resolver.resolveAddresses("web.cdn.test", AddressOrder.IPV4_ONLY);

      assertThat(found.name()).isEqualTo(Name.fromConstantString("web.cdn.test."));
      assertThat(lab.queries()).extracting(RecordedQuery::qname)
          .noneMatch(name -> name.toString().endsWith("corp.test."));
    }
  }

  @Test
  @DisplayName("With ndots:3, a name of two dots is searched first, then tried as it is")
  void fewerDotsThanNdots_searchesFirst() {
    try (Resolver resolver = searching("search corp.test\noptions ndots:3\n")) {
      HostAddresses found = resolver.resolveAddresses("web.cdn.test", AddressOrder.IPV4_ONLY);

      assertThat(found.name()).isEqualTo(Name.fromConstantString("web.cdn.test."));
      assertThat(lab.queries()).extracting(q -> q.qname().toString())
          .contains("web.cdn.test.corp.test.");
    }
  }

  @Test
  @DisplayName("A trailing dot makes a name absolute: it is never searched")
  void trailingDot_isNeverSearched() {
    try (Resolver resolver = searching("search corp.test\n")) {
      HostAddresses found = resolver.resolveAddresses("db.", AddressOrder.IPV4_ONLY);

      assertThat(found.isEmpty()).isTrue();
      assertThat(found.name()).isEqualTo(Name.fromConstantString("db."));
    }
  }

  @Test
  @DisplayName("An escaped last dot does not make a name absolute: db\\. is searched as one label")
  void escapedLastDot_isSearched() {
    try (Resolver resolver = searching("search corp.test\n")) {
      HostAddresses found = resolver.resolveAddresses("db\\.", AddressOrder.IPV4_ONLY);

      assertThat(found.name().isAbsolute()).isTrue();
      assertThat(lab.queries()).extracting(q -> q.qname().toString()).contains("db\\..corp.test.");
    }
  }

  @Test
  @DisplayName("When no candidate has an address, the outcome names the name as given, NXDOMAIN")
  void noCandidate_givesTheLastOutcome() {
    try (Resolver resolver = searching("search corp.test app.test\n")) {
      HostAddresses found = resolver.resolveAddresses("nothere", AddressOrder.IPV4_ONLY);

      assertThat(found.isEmpty()).isTrue();
      assertThat(found.ipv4()).isInstanceOf(Resolution.NxDomain.class);
      assertThat(lab.queries()).extracting(q -> q.qname().toString())
          .contains("nothere.corp.test.", "nothere.app.test.");
    }
  }

  @Test
  @DisplayName("Without a search list a name without a trailing dot is taken as absolute")
  void noSearchList_takesTheNameAsAbsolute() {
    try (Resolver resolver = HostLab.resolverFor(lab).build()) {
      assertThat(resolver.resolveAddresses("db", AddressOrder.IPV4_ONLY).name())
          .isEqualTo(Name.fromConstantString("db."));
      assertThat(lab.queries()).extracting(q -> q.qname().toString()).noneMatch(name -> name.contains("corp"));
    }
  }

  /* ---- resolve(String, type): res_search searches whatever the type ---- */

  @Test
  @DisplayName("resolve(\"db\", A) with search corp.test answers for db.corp.test., as res_search does")
  void resolveText_isSearched() {
    try (Resolver resolver = searching("search corp.test\noptions ndots:1\n")) {
      Resolution found = resolver.resolve("db", Type.A);

      assertThat(found).isInstanceOf(Resolution.Answer.class);
      assertThat(found.qname()).isEqualTo(Name.fromConstantString("db.corp.test."));
    }
  }

  @Test
  @DisplayName("resolve: a NODATA does not end the search; an answer further on wins, else the NODATA is the outcome")
  void resolveText_nodataGoesOn_answerWins() {
    try (Resolver resolver = searching("search corp.test app.test\n")) {
      Resolution aaaa = resolver.resolve("v6", Type.AAAA);
      Resolution a = resolver.resolve("v6", Type.A);

      assertThat(aaaa).isInstanceOf(Resolution.Answer.class);
      assertThat(aaaa.qname()).isEqualTo(Name.fromConstantString("v6.app.test."));
      assertThat(a).as("v6.corp.test. NXDOMAIN, v6.app.test. NODATA, v6. NXDOMAIN").isInstanceOf(Resolution.NoData.class);
      assertThat(a.qname()).isEqualTo(Name.fromConstantString("v6.app.test."));
      assertThat(lab.queries()).extracting(q -> q.qname().toString()).contains("v6.corp.test.", "v6.");
    }
  }

  @Test
  @DisplayName("resolve: a trailing dot, or a Name, is never searched")
  void resolveAbsolute_isNeverSearched() {
    try (Resolver resolver = searching("search corp.test\n")) {
      Resolution text = resolver.resolve("db.", Type.A);
      Resolution name = resolver.resolve(Name.fromConstantString("db."), Type.A);

      assertThat(text).isInstanceOf(Resolution.NxDomain.class);
      assertThat(name).isInstanceOf(Resolution.NxDomain.class);
      assertThat(lab.queries()).extracting(q -> q.qname().toString()).noneMatch(q -> q.contains("corp"));
    }
  }
}
