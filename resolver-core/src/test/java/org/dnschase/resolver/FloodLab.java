package org.dnschase.resolver;

import org.dnschase.resolver.testkit.Fault;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;

/**
 * A lab whose flood.test. server answers every name with thousands of records under distinct
 * owner names (truncated over UDP, whole over TCP), beside calm.test., which answers every name
 * below it with one address over UDP.
 */
final class FloodLab {

  static final Name FLOOD = Name.fromConstantString("flood.test.");

  private FloodLab() {}

  /** {@return the lab, started: flood.test.'s server at {@code net}.1, calm.test.'s at {@code net}.2} */
  static TestHierarchy start(String net) {
    ZoneTree tree = LabZones.rootAndTest()
        .zone("flood.test.", "ns", net + ".1", "* A 192.0.2.1")
        .zone("calm.test.", "ns", net + ".2", "* A 192.0.2.2")
        .build();
    TestHierarchy lab = TestHierarchy.builder().zones(tree).build();
    lab.serversFor(FLOOD).get(0).setFault(new Fault.Flood(FLOOD, Fault.Flood.MAX_OWNERS, Section.ADDITIONAL));
    return lab;
  }
}
