package org.dnschase.resolver.internal.transport.loops;

import io.netty.channel.SelectStrategy;
import io.netty.channel.SelectStrategyFactory;
import io.netty.util.IntSupplier;

/**
 * The select strategy of an event loop whose upstream exchanges may spin ({@link SpinWindows}):
 * Netty's default (poll when tasks wait, else sleep until I/O, a task or a timer) except while a
 * window is open, when the loop polls without sleeping; before it sleeps, and before a poll once it
 * has waited long enough, it runs the unhurried work of its windows ({@link
 * SpinWindows#whenNoReplyDue}). Both kinds of loop take a result from 0 up
 * as the poll's, process what it found, run their tasks and timers and ask again: a reply is read
 * as it lands and an exchange's timeout still fires. ({@link SelectStrategy#BUSY_WAIT} is no use
 * here: epoll's spins in native code until I/O arrives, blind to tasks and timers, and NIO's
 * sleeps.)
 */
final class SpinningSelect implements SelectStrategy {

  /** A strategy for each loop, which finds its windows on its first decision, on the loop's thread. */
  static final SelectStrategyFactory FACTORY = () -> new SpinningSelect(null);

  /** The loop's windows; null until its first decision. */
  private SpinWindows windows;

  /** With {@code windows} as the loop's (null: the windows of the thread that first asks). */
  SpinningSelect(SpinWindows windows) {
    this.windows = windows;
    if (windows != null) {
      windows.decidedBySpinningSelect();
    }
  }

  @Override
  public int calculateStrategy(IntSupplier selectNow, boolean hasTasks) throws Exception {
    if (windows == null) {
      windows = SpinWindows.ofCurrentThread();
      windows.decidedBySpinningSelect();
    }
    if (windows.unhurriedWorkDue()) {
      windows.runUnhurriedWork();
      return selectNow.get(); // what the work set off (a send, a task) is seen to before the loop sleeps
    }
    if (hasTasks) {
      return selectNow.get();
    }
    if (!windows.spinning()) {
      return SelectStrategy.SELECT;
    }
    int ready = selectNow.get();
    if (ready == 0) {
      // the process's other threads (the JIT compilers, the collector, timers) may share this CPU:
      // a spinning loop lets them run, and with none waiting the yield returns at once
      Thread.yield();
    }
    return ready;
  }
}
