package org.dnschase.resolver.server.internal;

import org.dnschase.resolver.internal.transport.loops.LoopKind;

/** {@link ListenersTest}'s cases on epoll event loops, asked for where it loads. */
class EpollListenersTest extends ListenersTest {

  @Override
  Listeners newListeners() {
    return new Listeners(1, LoopKind.EPOLL);
  }
}
