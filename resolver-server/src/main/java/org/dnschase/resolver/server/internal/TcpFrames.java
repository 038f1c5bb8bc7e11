package org.dnschase.resolver.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits a TCP connection's octets into requests, each behind its two-octet length (RFC 1035
 * §4.2.2, RFC 7766 §8). A request longer than {@code keep} octets is read to its end but only its
 * first {@code keep} octets are kept: it goes on cut there, as a datagram that long arrives cut
 * over UDP, and is answered as one is (FORMERR, echoing its ID and its question), and the
 * connection goes on to the next request. So a connection holds no more than {@code keep} octets of
 * a request, however long its length says it is, and a well-formed message of any length a TCP
 * frame can carry gets an answer rather than a closed connection (Unbound, BIND and Knot Resolver
 * read queries of up to 65,535 octets; an EDNS option may be that long, RFC 6891 §6.1.2).
 */
final class TcpFrames extends ByteToMessageDecoder {

  private static final int LENGTH = 2;

  private final int keep;
  /** The kept octets of a request longer than {@link #keep}, while the rest of it is skipped; else null. */
  private byte[] cut;
  /** The octets of that request still to skip. */
  private int skip;

  /**
   * A decoder that keeps at most {@code keep} octets of a request.
   *
   * @param keep the longest request kept whole
   */
  TcpFrames(int keep) {
    this.keep = keep;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (cut != null) {
      skipRest(in, out);
      return;
    }
    if (in.readableBytes() < LENGTH) {
      return;
    }
    int length = in.getUnsignedShort(in.readerIndex());
    if (in.readableBytes() < LENGTH + Math.min(length, keep)) {
      return;
    }
    in.skipBytes(LENGTH);
    if (length <= keep) {
      out.add(in.readRetainedSlice(length));
      return;
    }
    cut = new byte[keep];
    in.readBytes(cut);
    skip = length - keep;
    skipRest(in, out);
  }

  /** Drops what has come of the rest of a long request; once it has all come, hands on its kept octets. */
  private void skipRest(ByteBuf in, List<Object> out) {
    int skipped = Math.min(skip, in.readableBytes());
    in.skipBytes(skipped);
    skip -= skipped;
    if (skip == 0) {
      out.add(Unpooled.wrappedBuffer(cut));
      cut = null;
    }
  }
}
