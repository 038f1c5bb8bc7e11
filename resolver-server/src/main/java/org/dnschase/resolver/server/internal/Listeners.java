package org.dnschase.resolver.server.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.dnschase.resolver.internal.transport.loops.LoopKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's sockets on one Netty event loop group: a UDP and a TCP listener on each address
 * (the same port for both; port 0 picks one free for both), and the control channel. Where the
 * system has {@code SO_REUSEPORT} (Linux), each address gets one UDP socket per event loop
 * thread, all on the same port, so the kernel spreads clients over the threads (Unbound's
 * {@code so-reuseport}); TCP connections are spread over the threads as they are accepted. The
 * UDP sockets are {@link UdpListener}s, plain datagram sockets on the group's loops; TCP and the
 * control channel are Netty channels.
 *
 * <p>The port is the server's alone when it binds: a port whose UDP another socket holds is not
 * shared. Port 0 picks one outside the range the system gives sockets bound without a port
 * ({@link EphemeralPorts}), so no client socket is given it later. As with Unbound, a program of
 * the same user that binds a socket with {@code SO_REUSEPORT} to the same address and port after
 * the server still joins its sockets (the kernel's rule). A port given inside the range, shared by
 * several UDP sockets, keeps the hazard port 0 avoids: the start warns of it.
 */
public final class Listeners {
  private static final Logger log = LoggerFactory.getLogger(Listeners.class);

  /**
   * The longest request kept, over UDP and TCP alike: a longer one arrives cut there (a datagram by
   * the read, a TCP request by {@link TcpFrames}, which skips the rest of it) and is FORMERR. So a
   * connection holds no more than this of a request that has not arrived whole, whatever length it
   * announces (a padded query, RFC 8467, takes a few hundred octets).
   */
  static final int MAX_REQUEST = 4096;
  /** What a read keeps of a request: one octet more than {@link #MAX_REQUEST}, so that a longer one shows as such. */
  static final int REQUEST_READ = MAX_REQUEST + 1;
  /**
   * The most datagrams read in one wake-up of the event loop: Unbound's worker reads what its
   * socket holds the same way, and the loop still turns to its other sockets and tasks.
   */
  static final int UDP_READ_BATCH = 64;
  /** Attempts at a port free for both UDP and TCP when port 0 is asked for. */
  private static final int PORT_ATTEMPTS = 20;
  /** The longest control command line. */
  static final int MAX_CONTROL_LINE = 1024;

  /** Whether several UDP sockets may share one address and port here. */
  static final boolean REUSE_PORT = reusePortSupported();

  private final LoopKind kind;
  private final EventLoopGroup group;
  private final int udpSocketsPerAddress;
  private final IntSupplier portsForAny;
  private final List<UdpListener> udp = new ArrayList<>();
  private final List<Channel> tcp = new ArrayList<>();
  private Channel control;

  /**
   * An event loop group of {@code threads} daemon threads, with no socket yet: of NIO or, asked
   * for, epoll ({@link LoopKind#CHOSEN}), as the resolver's, whose exchanges run on them.
   *
   * @param threads the event loop threads
   */
  public Listeners(int threads) {
    this(threads, LoopKind.CHOSEN);
  }

  /**
   * An event loop group of {@code threads} daemon threads of {@code kind}, with no socket yet.
   *
   * @param threads the event loop threads
   * @param kind what the loops are made of
   */
  Listeners(int threads, LoopKind kind) {
    this(threads, kind, EphemeralPorts.SYSTEM::portOutside);
  }

  /**
   * An event loop group of {@code threads} daemon threads of {@code kind}, with no socket yet, that
   * tries {@code portsForAny} when asked for port 0.
   *
   * @param threads the event loop threads
   * @param kind what the loops are made of
   * @param portsForAny a port to try at each attempt; 0 takes the system's pick
   */
  Listeners(int threads, LoopKind kind, IntSupplier portsForAny) {
    this.kind = kind;
    this.portsForAny = portsForAny;
    this.group = new MultiThreadIoEventLoopGroup(threads,
        new DefaultThreadFactory("dnschase-server", true), kind.handlerFactory());
    this.udpSocketsPerAddress = REUSE_PORT ? threads : 1;
  }

  /**
   * Binds UDP and TCP at {@code address}.
   *
   * @param address where to listen; port 0 picks a port free for both, outside the system's
   *     ephemeral range where it has one
   * @param queries what answers the requests, over UDP and TCP
   * @param inFlight where answers on their way are tracked
   * @param tcpLimit the bound on TCP connections, shared by every address
   * @param tcpHandlers a new TCP connection handler for each connection
   * @param tcpIdleTimeout how long a TCP connection may stay idle
   * @return the address bound
   * @throws IllegalStateException if the address cannot be bound
   */
  public InetSocketAddress listen(InetSocketAddress address, QueryHandler queries, InFlight inFlight,
      ChannelHandler tcpLimit, Supplier<ChannelHandler> tcpHandlers, Duration tcpIdleTimeout) {
    ServerBootstrap tcpBootstrap = new ServerBootstrap().group(group).channel(kind.serverSocketChannel())
        // a client may close its side after its questions and still read the answers
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(tcpLimit,
                new TcpFrames(REQUEST_READ),
                new LengthFieldPrepender(2),
                new IdleStateHandler(0, 0, tcpIdleTimeout.toMillis(), TimeUnit.MILLISECONDS),
                tcpHandlers.get());
          }
        });
    boolean pick = address.getPort() == 0;
    for (int attempt = 1; ; attempt++) {
      InetSocketAddress tried = pick ? new InetSocketAddress(address.getAddress(), portsForAny.getAsInt()) : address;
      boolean lastAttempt = !pick || attempt == PORT_ATTEMPTS;
      ChannelFuture tcpBinding = tcpBootstrap.bind(tried).awaitUninterruptibly();
      if (!tcpBinding.isSuccess()) {
        if (lastAttempt) {
          throw new IllegalStateException("cannot listen on " + tried + " for TCP: " + tcpBinding.cause(),
              tcpBinding.cause());
        }
        continue;
      }
      Channel tcpChannel = tcpBinding.channel();
      InetSocketAddress bound = (InetSocketAddress) tcpChannel.localAddress();
      try {
        udp.addAll(openUdp(bound, queries, inFlight));
      } catch (IOException e) {
        tcpChannel.close().awaitUninterruptibly();
        if (lastAttempt) {
          throw new IllegalStateException("cannot listen on " + bound + " over UDP: " + e, e);
        }
        continue;
      }
      tcp.add(tcpChannel);
      EphemeralPorts.SYSTEM.sharedPortHazard(bound.getPort(), udpSocketsPerAddress)
          .ifPresent(hazard -> log.warn("listening on {}: {}", bound, hazard));
      return bound;
    }
  }

  /**
   * The UDP sockets of one address, each on the group's next loop. The first binds alone, so no
   * socket of this process or another holds the port already: several sockets of one user that
   * each set {@code SO_REUSEPORT} share a port, and the kernel would spread the requests over ours
   * and one it found there. The others then join it.
   */
  private List<UdpListener> openUdp(InetSocketAddress bound, QueryHandler queries, InFlight inFlight)
      throws IOException {
    List<UdpListener> opened = new ArrayList<>();
    try {
      opened.add(UdpListener.open(kind, nextLoop(), bound, false, queries, inFlight));
      if (udpSocketsPerAddress > 1) {
        opened.get(0).sharePort();
      }
      while (opened.size() < udpSocketsPerAddress) {
        opened.add(UdpListener.open(kind, nextLoop(), bound, true, queries, inFlight));
      }
      return opened;
    } catch (IOException e) {
      opened.forEach(UdpListener::closeOnItsLoop);
      throw e;
    }
  }

  private IoEventLoop nextLoop() {
    return (IoEventLoop) group.next();
  }

  /**
   * Opens the control channel at {@code address}.
   *
   * @param address a loopback address and port
   * @param handler runs each command line
   * @param idleTimeout how long a connection may stay silent before its command line is whole
   * @return the address bound
   * @throws IllegalStateException if the address cannot be bound
   */
  public InetSocketAddress control(InetSocketAddress address, ChannelHandler handler, Duration idleTimeout) {
    ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(kind.serverSocketChannel())
        // a client that ends its command with the end of its input still reads the output
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            // the idle handler after the decoder counts whole lines only, not a line sent an
            // octet at a time
            channel.pipeline().addLast(new ControlLines(),
                new IdleStateHandler(idleTimeout.toMillis(), 0, 0, TimeUnit.MILLISECONDS), handler);
          }
        });
    control = bind(bootstrap.bind(address), "the control channel", address);
    return (InetSocketAddress) control.localAddress();
  }

  private static Channel bind(ChannelFuture binding, String what, InetSocketAddress address) {
    binding.awaitUninterruptibly();
    if (!binding.isSuccess()) {
      throw new IllegalStateException("cannot listen on " + address + " for " + what + ": "
          + binding.cause(), binding.cause());
    }
    return binding.channel();
  }

  /** {@return the UDP sockets bound, over every address} */
  List<UdpListener> udpSockets() {
    return List.copyOf(udp);
  }

  private static boolean reusePortSupported() {
    try (DatagramChannel channel = DatagramChannel.open()) {
      return channel.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops accepting TCP and control connections; UDP stays, for the answers still owed. */
  public void stopAccepting() {
    tcp.forEach(channel -> channel.close().awaitUninterruptibly());
    if (control != null) {
      control.close().awaitUninterruptibly();
    }
  }

  /** Closes every socket and ends the event loop threads, waiting for them. */
  public void close() {
    stopAccepting();
    udp.forEach(UdpListener::closeOnItsLoop);
    group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
