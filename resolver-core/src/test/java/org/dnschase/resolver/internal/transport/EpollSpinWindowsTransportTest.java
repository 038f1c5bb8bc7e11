package org.dnschase.resolver.internal.transport;

import java.net.InetAddress;
import java.util.function.ToLongFunction;
import org.dnschase.resolver.internal.metrics.ResolverMetrics;
import org.dnschase.resolver.internal.transport.loops.LoopKind;

/** {@link SpinWindowsTransportTest}'s cases on epoll event loops. */
class EpollSpinWindowsTransportTest extends SpinWindowsTransportTest {

  @Override
  NettyTransport newTransport(ToLongFunction<InetAddress> spinWindows) {
    return new NettyTransport(1, new QueryIds()::next, null, ResolverMetrics.disabled(), spinWindows, LoopKind.EPOLL);
  }
}
