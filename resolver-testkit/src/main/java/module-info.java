/**
 * An in-process DNS hierarchy on loopback for tests, demos and benchmarks
 * ({@link org.dnschase.resolver.testkit.TestHierarchy}), and a replayer for {@code .rpl}
 * resolver scenarios ({@code org.dnschase.resolver.testkit.scenario}). Of the project's modules
 * it reads only the CNAME rules, never the resolver.
 */
module org.dnschase.resolver.testkit {
  requires transitive org.dnschase.resolver.rules;
  requires transitive org.dnsjava;
  requires io.netty.buffer;
  requires io.netty.codec;
  requires io.netty.common;
  requires io.netty.transport;
  requires org.slf4j;

  exports org.dnschase.resolver.testkit;
  exports org.dnschase.resolver.testkit.scenario;
}
