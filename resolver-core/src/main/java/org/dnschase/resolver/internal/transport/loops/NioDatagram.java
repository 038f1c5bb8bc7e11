package org.dnschase.resolver.internal.transport.loops;

import io.netty.channel.IoEvent;
import io.netty.channel.IoOps;
import io.netty.channel.IoRegistration;
import io.netty.channel.nio.NioIoEvent;
import io.netty.channel.nio.NioIoHandle;
import io.netty.channel.nio.NioIoOps;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;

/** A {@link LoopDatagram} on a NIO loop: a JDK datagram channel. */
final class NioDatagram extends LoopDatagram implements NioIoHandle {

  private final DatagramChannel channel;

  private NioDatagram(DatagramChannel channel) {
    this.channel = channel;
  }

  static NioDatagram open(ProtocolFamily family) throws IOException {
    DatagramChannel channel = DatagramChannel.open(family);
    try {
      channel.configureBlocking(false);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return new NioDatagram(channel);
  }

  @Override
  public void handle(IoRegistration registration, IoEvent event) {
    NioIoOps ops = ((NioIoEvent) event).ops();
    ready(ops.contains(NioIoOps.READ), ops.contains(NioIoOps.WRITE));
  }

  @Override
  public void connect(InetSocketAddress server) throws IOException {
    channel.connect(server);
  }

  @Override
  public void bind(InetSocketAddress address, boolean reusePort) throws IOException {
    if (reusePort) {
      channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
    }
    channel.bind(address);
  }

  @Override
  public void sharePort() throws IOException {
    channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
  }

  @Override
  public int read(ByteBuffer buffer) throws IOException {
    return Math.max(0, channel.read(buffer));
  }

  @Override
  public int write(ByteBuffer buffer) throws IOException {
    return channel.write(buffer);
  }

  @Override
  public InetSocketAddress receive(ByteBuffer buffer) throws IOException {
    return (InetSocketAddress) channel.receive(buffer);
  }

  @Override
  public int send(ByteBuffer buffer, InetSocketAddress to) throws IOException {
    return channel.send(buffer, to);
  }

  @Override
  public InetSocketAddress localAddress() throws IOException {
    return channel.getLocalAddress() instanceof InetSocketAddress local ? local : new InetSocketAddress(0);
  }

  @Override
  public SelectableChannel selectableChannel() {
    return channel;
  }

  @Override
  IoOps readOps() {
    return NioIoOps.READ;
  }

  @Override
  IoOps readAndWriteOps() {
    return NioIoOps.READ_AND_WRITE;
  }

  @Override
  void closeSocket() throws IOException {
    channel.close();
  }
}
