package org.dnschase.resolver.server.internal;

import org.dnschase.resolver.internal.transport.loops.LoopKind;

/** {@link ListenersTest}'s cases on NIO event loops, where epoll does not load. */
class NioListenersTest extends ListenersTest {

  @Override
  Listeners newListeners() {
    return new Listeners(1, LoopKind.NIO);
  }
}
