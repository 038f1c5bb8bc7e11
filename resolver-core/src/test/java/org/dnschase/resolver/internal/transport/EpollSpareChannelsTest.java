package org.dnschase.resolver.internal.transport;

import org.dnschase.resolver.internal.transport.loops.LoopKind;

/** {@link SpareChannelsTest}'s cases on epoll event loops: native sockets, bound as they connect too. */
class EpollSpareChannelsTest extends SpareChannelsTest {

  @Override
  LoopKind kind() {
    return LoopKind.EPOLL;
  }
}
