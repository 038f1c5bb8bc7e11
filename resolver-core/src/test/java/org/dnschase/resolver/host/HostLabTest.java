package org.dnschase.resolver.host;

import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.BeforeEach;

/** Base of the host look-up tests: one {@link HostLab} per test class, its query log cleared per test. */
abstract class HostLabTest {

  @Lab("HostLab#start") static TestHierarchy lab;

  @BeforeEach
  void clearQueries() {
    lab.clearQueries();
  }
}
