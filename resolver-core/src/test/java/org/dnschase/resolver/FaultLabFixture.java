package org.dnschase.resolver;

import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The {@link FaultLab} for a test class: started once, with the two servers of {@code two.test}
 * at hand, and every fault, script and recorded query cleared after each test.
 */
abstract class FaultLabFixture {

  @Lab("FaultLab#start") static TestHierarchy lab;
  AuthServer first;
  AuthServer second;

  @BeforeEach
  void servers() {
    first = lab.server(FaultLab.address(FaultLab.FIRST));
    second = lab.server(FaultLab.address(FaultLab.SECOND));
  }

  @AfterEach
  void answerNormally() {
    for (AuthServer server : lab.servers()) {
      server.clearFault();
      server.setDispatcher(server.zoneDispatcher());
    }
    lab.clearQueries();
  }
}
