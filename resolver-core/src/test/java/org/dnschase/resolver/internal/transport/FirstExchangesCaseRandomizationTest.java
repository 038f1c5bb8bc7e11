package org.dnschase.resolver.internal.transport;

import java.util.Random;
import org.dnschase.resolver.internal.metrics.ResolverMetrics;
import org.dnschase.resolver.spi.Transport;

/** {@link CaseRandomizationTest}'s cases on the resolver's own transport, its first queries over plain sockets. */
class FirstExchangesCaseRandomizationTest extends CaseRandomizationTest {

  @Override
  Transport newTransport(Random caseBits) {
    return new DefaultTransport(1, new QueryIds()::next, caseBits, ResolverMetrics.disabled());
  }
}
