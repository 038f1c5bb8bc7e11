/**
 * {@link org.dnschase.resolver.testkit.junit.Lab}: a JUnit 5 extension that starts a test class's
 * resolver-testkit hierarchy before its {@code @BeforeAll} methods and closes it after its
 * {@code @AfterAll} ones. The extension reads and sets the annotated fields reflectively, so a
 * test package it serves on the module path must be open to this module (or, as Maven Surefire
 * runs a module's tests, to every module).
 */
module org.dnschase.resolver.testkit.junit {
  requires transitive org.dnschase.resolver.testkit;
  requires transitive org.junit.jupiter.api;

  exports org.dnschase.resolver.testkit.junit;
}
