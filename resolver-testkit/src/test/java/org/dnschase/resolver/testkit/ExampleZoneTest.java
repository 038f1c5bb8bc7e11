package org.dnschase.resolver.testkit;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.xbill.DNS.Message;

/**
 * Base of the tests that ask the example.test. server of a hierarchy directly over UDP: a fresh
 * hierarchy per test, closed after it.
 */
abstract class ExampleZoneTest {

  final TestHierarchy dns;
  final AuthServer example;

  /** The {@link StandardHierarchy}. */
  ExampleZoneTest() {
    this(StandardHierarchy.start());
  }

  /** A hierarchy of the test's own that serves example.test. at the standard address. */
  ExampleZoneTest(TestHierarchy hierarchy) {
    this.dns = hierarchy;
    this.example = hierarchy.server(StandardHierarchy.EXAMPLE_SERVER);
  }

  @AfterEach
  void close() {
    dns.close();
  }

  Message ask(String name, int type) throws IOException {
    return Client.udp(example, Client.query(name, type));
  }
}
