package org.dnschase.resolver.internal.transport;

import org.dnschase.resolver.internal.transport.loops.LoopKind;

/**
 * {@link CallersEventLoopTest}'s cases from an epoll group's loop, as a server's on Linux: the
 * exchanges are made of that loop's kind, whatever the transport's own loops are.
 */
class EpollCallersEventLoopTest extends CallersEventLoopTest {

  @Override
  LoopKind callersKind() {
    return LoopKind.EPOLL;
  }
}
