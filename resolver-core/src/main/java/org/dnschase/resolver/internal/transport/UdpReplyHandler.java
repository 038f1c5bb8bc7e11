package org.dnschase.resolver.internal.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

/**
 * Reads the datagrams of a one-exchange UDP channel: only those from the server's address and port
 * reach the exchange (RFC 5452 §9.1); the rest are dropped and the exchange keeps waiting.
 */
final class UdpReplyHandler extends SimpleChannelInboundHandler<DatagramPacket> {

  private final PendingExchange pending;

  UdpReplyHandler(PendingExchange pending) {
    this.pending = pending;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
    if (pending.server().equals(packet.sender())) {
      pending.offer(packet.content());
    }
  }
}
