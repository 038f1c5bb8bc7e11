package org.dnschase.resolver.jdk;

import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the provider's tests: the {@link JdkLab} started, and the provider pointed at it, before
 * the test class's JVM looks up its first name.
 */
abstract class JdkLabTest {

  static TestHierarchy lab;

  @BeforeAll
  static void startLab() {
    lab = JdkLab.start();
  }

  @AfterAll
  static void stopLab() {
    lab.close();
  }
}
