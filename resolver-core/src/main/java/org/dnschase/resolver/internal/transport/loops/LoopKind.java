package org.dnschase.resolver.internal.transport.loops;

import io.netty.channel.IoEventLoop;
import io.netty.channel.DefaultSelectStrategyFactory;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.SelectStrategyFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandle;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.net.ProtocolFamily;
import java.nio.channels.spi.SelectorProvider;
import org.dnschase.resolver.spi.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the resolver's and the server's event loops are made of, and with them every socket
 * registered on them: the JDK's NIO, or Netty's native epoll transport where it loads (Linux) and
 * is asked for. Epoll is there for the upstream UDP exchange: its {@code connect} is the bare
 * system call, where the JDK's binds the socket and reads its address back before connecting,
 * reads it again after and then empties the socket (7 system calls, about 11 µs more of the
 * serving thread per exchange, 70-180 µs per cold chain), and a server's listener reads and answers
 * a batch of datagrams per system call on it ({@link MultipleMessages}: a cached answer costs about
 * 28% less CPU than on NIO; a datagram per call, where those calls are out of reach, 18% more: the
 * sender's address built through JNI for each datagram read, where the JDK reuses its last). But a
 * fresh process loads the library (some 40 ms before its first answer), and an application that
 * embeds the resolver sees the JDK's warning for its native access unless it allows it: so NIO
 * unless the system property {@value #PROPERTY} is {@code epoll}, as {@code bin/serve} sets it.
 * Chosen once per process ({@link #CHOSEN}).
 */
public enum LoopKind {
  /** The JDK's selector and channels: everywhere. */
  NIO {
    @Override
    public IoHandlerFactory handlerFactory() {
      return NioIoHandler.newFactory(SelectorProvider.provider(), selectStrategy());
    }

    @Override
    public Class<? extends SocketChannel> socketChannel() {
      return NioSocketChannel.class;
    }

    @Override
    public Class<? extends ServerSocketChannel> serverSocketChannel() {
      return NioServerSocketChannel.class;
    }

    @Override
    public LoopDatagram openDatagram(ProtocolFamily family) throws IOException {
      return NioDatagram.open(family);
    }

    @Override
    boolean runs(IoEventLoop loop) {
      return loop.isCompatible(NioIoHandle.class);
    }
  },
  /** Netty's native epoll transport: Linux, where its library loads. */
  EPOLL {
    @Override
    public IoHandlerFactory handlerFactory() {
      return EpollIoHandler.newFactory(0, selectStrategy());
    }

    @Override
    public Class<? extends SocketChannel> socketChannel() {
      return EpollSocketChannel.class;
    }

    @Override
    public Class<? extends ServerSocketChannel> serverSocketChannel() {
      return EpollServerSocketChannel.class;
    }

    @Override
    public LoopDatagram openDatagram(ProtocolFamily family) throws IOException {
      return EpollDatagram.open(family);
    }

    @Override
    boolean runs(IoEventLoop loop) {
      return loop.isCompatible(EpollIoHandle.class);
    }
  };

  /** The system property that, set to {@code epoll}, puts the event loops on epoll where it loads. */
  public static final String PROPERTY = "dnschase.eventLoops";

  /** Declared before {@link #CHOSEN}, whose choice may warn. */
  private static final Logger LOG = LoggerFactory.getLogger(LoopKind.class);

  /** Epoll where {@value #PROPERTY} asks for it and its native library loads; NIO elsewhere. */
  public static final LoopKind CHOSEN = chosen(System.getProperty(PROPERTY));

  /**
   * The kind {@code asked} (the property's value, null when unset) gives: epoll where asked for and
   * its library loads, else NIO. A value that is neither kind's name, and epoll asked for where it
   * does not load, are said in a warning with the reason, so a mistyped option is not taken
   * silently for the default.
   */
  static LoopKind chosen(String asked) {
    if (asked == null || asked.equals("nio")) {
      return NIO;
    }
    if (!asked.equals("epoll")) {
      LOG.warn("-D{}={} is neither nio nor epoll: the event loops are NIO's", PROPERTY, LogText.escaped(asked));
      return NIO;
    }
    if (!Epoll.isAvailable()) {
      LOG.warn("-D{}=epoll, but Netty's native epoll transport does not load here ({}): the event loops are NIO's",
          PROPERTY, String.valueOf(Epoll.unavailabilityCause()));
      return NIO;
    }
    return EPOLL;
  }

  /**
   * {@return what makes an event loop of this kind, for a Netty group}: one that spins while its
   * upstream exchanges' windows are open ({@link SpinWindows}), or Netty's own where spinning is off.
   */
  public abstract IoHandlerFactory handlerFactory();

  private static SelectStrategyFactory selectStrategy() {
    return SpinWindows.CAP_NANOS > 0 ? SpinningSelect.FACTORY : DefaultSelectStrategyFactory.INSTANCE;
  }

  /** {@return the Netty channel of a TCP connection on a loop of this kind} */
  public abstract Class<? extends SocketChannel> socketChannel();

  /** {@return the Netty channel of a TCP listener on a loop of this kind} */
  public abstract Class<? extends ServerSocketChannel> serverSocketChannel();

  /**
   * A datagram socket of {@code family} for a loop of this kind: non-blocking, neither bound nor
   * connected nor registered yet.
   *
   * @param family the address family of the addresses it is to bind or connect to
   * @return the socket
   * @throws IOException if the system gave no socket
   */
  public abstract LoopDatagram openDatagram(ProtocolFamily family) throws IOException;

  abstract boolean runs(IoEventLoop loop);

  /**
   * The kind of {@code loop}, a loop of any Netty group (a caller's); null when it is neither.
   *
   * @param loop an event loop
   * @return its kind, or null
   */
  public static LoopKind of(IoEventLoop loop) {
    for (LoopKind kind : values()) {
      if (kind.runs(loop)) {
        return kind;
      }
    }
    return null;
  }
}
