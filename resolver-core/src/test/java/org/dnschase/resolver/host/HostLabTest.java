package org.dnschase.resolver.host;

import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** Base of the host look-up tests: one {@link HostLab} per test class, its query log cleared per test. */
abstract class HostLabTest {

  static TestHierarchy lab;

  @BeforeAll
  static void startLab() {
    lab = HostLab.start();
  }

  @AfterAll
  static void stopLab() {
    lab.close();
  }

  @BeforeEach
  void clearQueries() {
    lab.clearQueries();
  }
}
