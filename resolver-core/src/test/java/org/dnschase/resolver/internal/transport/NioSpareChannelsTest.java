package org.dnschase.resolver.internal.transport;

import org.dnschase.resolver.internal.transport.loops.LoopKind;

/** {@link SpareChannelsTest}'s cases on NIO event loops: the JDK's channels, bound as they connect too. */
class NioSpareChannelsTest extends SpareChannelsTest {

  @Override
  LoopKind kind() {
    return LoopKind.NIO;
  }
}
