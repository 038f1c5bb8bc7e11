package org.dnschase.resolver.server.internal;

import java.util.function.IntSupplier;
import org.dnschase.resolver.internal.transport.loops.LoopKind;

/** {@link ListenersTest}'s cases on epoll event loops, asked for where it loads. */
class EpollListenersTest extends ListenersTest {

  @Override
  Listeners newListeners(int threads, IntSupplier ports) {
    return new Listeners(threads, LoopKind.EPOLL, ports);
  }
}
