package org.dnschase.resolver.internal.transport.loops;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.dnschase.resolver.spi.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spin windows of one event loop's upstream exchanges: from a query's send, the short while in
 * which its reply is due and the loop polls its sockets instead of sleeping ({@link SpinningSelect}).
 * A loop that sleeps in {@code epoll_wait} lets its processor halt, and waking a halted processor
 * for the reply costs more than a loopback round trip (200-300 µs on a virtual machine): a reply
 * taken as it lands costs none of that. The loop spins while any window is open, until the latest
 * of those opened since it last had none; an exchange that ends (reply, timeout, close) closes its
 * own, so a loop with nothing outstanding, a server answering from its cache, never spins.
 *
 * <p>The loop's unhurried work waits here too ({@link #whenNoReplyDue}): the next step of a query
 * whose outcome nobody waits for (the root's priming beside a walk, a refresh), which the
 * strategy runs once no window is open, before the loop sleeps, rather than while a reply that a
 * question waits for is due: taken in as a task, the priming's reply held up the reply behind it
 * by the 25-90 µs of its step on a processor cold from a pause. Under a stream of exchanges that
 * keeps a window open, it runs once it has waited {@link #UNHURRIED_NANOS}.
 *
 * <p>One per event loop thread ({@link #ofCurrentThread}), touched only by it: the exchanges open
 * and close their windows on the loop, where the strategy reads them. No allocation per window,
 * no lock: a count and a time.
 */
public final class SpinWindows {

  /**
   * The system property that sets the longest window, in microseconds; 0 turns spinning off, which
   * leaves the loops exactly as Netty makes them.
   */
  public static final String PROPERTY = "dnschase.spinMicros";

  /** The longest window when {@value #PROPERTY} is unset, in microseconds. */
  static final long DEFAULT_CAP_MICROS = 1_000;

  /** Declared before {@link #CAP_NANOS}, whose reading may warn. */
  private static final Logger LOG = LoggerFactory.getLogger(SpinWindows.class);

  /** The longest window of any exchange, from {@value #PROPERTY}; 0 when the loops never spin. */
  public static final long CAP_NANOS = capNanos(System.getProperty(PROPERTY));

  /**
   * The longest unhurried work waits while windows stay open, in nanoseconds: what nobody waits for
   * may wait this long on a loop busy with others' exchanges.
   */
  public static final long UNHURRIED_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private static final ThreadLocal<SpinWindows> OF_THREAD = ThreadLocal.withInitial(
      () -> new SpinWindows(System::nanoTime));

  private final LongSupplier clock;
  /** The windows opened and not yet closed. */
  private int open;
  /** When the latest window opened since {@link #open} was last 0 closes, on {@link #clock}. */
  private long until;
  /** Whether a {@link SpinningSelect} decides for this thread's loop, and so runs its unhurried work. */
  private boolean decidedBySpinningSelect;
  /** The unhurried work waiting, in the order given; when the first of it came, on {@link #clock}. */
  private final ArrayDeque<Runnable> unhurried = new ArrayDeque<>(2);
  private long unhurriedSince;

  /** Windows timed by {@code clock}, a {@link System#nanoTime} of the tests' choosing. */
  SpinWindows(LongSupplier clock) {
    this.clock = clock;
  }

  /** {@return the windows of the calling thread's event loop} */
  public static SpinWindows ofCurrentThread() {
    return OF_THREAD.get();
  }

  /**
   * The cap that {@code asked} (the property's value, null when unset) gives, in nanoseconds: a
   * value that is not a whole number of microseconds from 0 up is said in a warning and the
   * default is kept, so a mistyped option is not taken silently.
   */
  static long capNanos(String asked) {
    if (asked == null) {
      return TimeUnit.MICROSECONDS.toNanos(DEFAULT_CAP_MICROS);
    }
    try {
      long micros = Long.parseLong(asked.strip());
      if (micros >= 0 && micros <= TimeUnit.SECONDS.toMicros(1)) {
        return TimeUnit.MICROSECONDS.toNanos(micros);
      }
    } catch (NumberFormatException notANumber) {
      // said below
    }
    LOG.warn("-D{}={} is not a number of microseconds from 0 to 1000000: the default, {} µs, is kept",
        PROPERTY, LogText.escaped(asked), DEFAULT_CAP_MICROS);
    return TimeUnit.MICROSECONDS.toNanos(DEFAULT_CAP_MICROS);
  }

  /**
   * Opens a window for a query just sent; the caller closes it when its exchange ends.
   *
   * @param nanos how long from now the window stays open, at most
   */
  public void open(long nanos) {
    long closes = clock.getAsLong() + nanos;
    if (open++ == 0 || closes - until > 0) {
      until = closes;
    }
  }

  /** Closes a window {@link #open} opened: its exchange has ended. */
  public void close() {
    open--;
  }

  /** {@return the windows opened and not yet closed (for the tests)} */
  public int opened() {
    return open;
  }

  /** {@return whether a window is open: the loop should poll rather than sleep} */
  boolean spinning() {
    return open > 0 && until - clock.getAsLong() > 0;
  }

  /** Tells these windows that a {@link SpinningSelect} decides for their loop, which runs their unhurried work. */
  void decidedBySpinningSelect() {
    decidedBySpinningSelect = true;
  }

  /**
   * {@return whether this thread's loop runs unhurried work ({@link #whenNoReplyDue}): its strategy
   * is a {@link SpinningSelect}} Elsewhere (spinning off, another group's loop) a task of the loop
   * takes its place.
   */
  public boolean runsUnhurriedWork() {
    return decidedBySpinningSelect;
  }

  /**
   * Keeps {@code work} for when no window is open, or once it has waited {@link #UNHURRIED_NANOS};
   * on the loop's own thread, whose loop {@link #runsUnhurriedWork}.
   *
   * @param work what nobody waits for
   */
  public void whenNoReplyDue(Runnable work) {
    if (unhurried.isEmpty()) {
      unhurriedSince = clock.getAsLong();
    }
    unhurried.addLast(work);
  }

  /** {@return whether unhurried work waits and is due: no window is open, or it has waited long enough} */
  boolean unhurriedWorkDue() {
    return !unhurried.isEmpty() && (!spinning() || clock.getAsLong() - unhurriedSince >= UNHURRIED_NANOS);
  }

  /**
   * Runs the unhurried work waiting, in order. Work that throws is logged and dropped: thrown on,
   * it would reach Netty's loop, which sleeps a second after an exception.
   */
  void runUnhurriedWork() {
    for (int waiting = unhurried.size(); waiting > 0; waiting--) {
      Runnable work = unhurried.pollFirst();
      try {
        work.run();
      } catch (RuntimeException e) {
        LOG.warn("unhurried work of the event loop failed, and is dropped", e);
      }
    }
    unhurriedSince = clock.getAsLong();
  }
}
