package org.dnschase.resolver.jdk;

import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.junit.Lab;

/**
 * Base of the provider's tests: the {@link JdkLab} started, and the provider pointed at it, before
 * the test class's JVM looks up its first name.
 */
abstract class JdkLabTest {

  @Lab("JdkLab#start") static TestHierarchy lab;
}
