package org.dnschase.resolver;

import java.util.List;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the end-to-end tests: one {@link ChainLab} hierarchy per test class, a fresh resolver
 * (with an empty cache) and a cleared query log per test.
 */
abstract class ChainLabTest {

  @Lab("ChainLab#start") static TestHierarchy lab;
  Resolver resolver;

  @BeforeEach
  void newResolver() {
    resolver = ChainLab.resolverFor(lab).build();
    lab.clearQueries();
  }

  @AfterEach
  void closeResolver() {
    resolver.close();
  }

  /** The queries the lab's server at {@code address} got since the log was last cleared. */
  static List<RecordedQuery> queriesTo(String address) {
    return lab.queries().stream().filter(q -> q.server().getHostAddress().equals(address)).toList();
  }
}
