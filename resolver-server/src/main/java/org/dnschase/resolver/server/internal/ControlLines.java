package org.dnschase.resolver.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.util.List;

/**
 * A control connection's command lines, each ended by a line feed or, for the last, by the end of
 * the client's input ({@code printf stats | nc}), which a line decoder alone would drop unread, the
 * client then getting neither output nor error. A line longer than {@link
 * Listeners#MAX_CONTROL_LINE} fails at once, before its end arrives.
 */
final class ControlLines extends LineBasedFrameDecoder {

  ControlLines() {
    super(Listeners.MAX_CONTROL_LINE, true, true);
  }

  @Override
  protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
    super.decodeLast(ctx, in, out);
    if (in.isReadable()) {
      out.add(in.readRetainedSlice(in.readableBytes()));
    }
  }
}
