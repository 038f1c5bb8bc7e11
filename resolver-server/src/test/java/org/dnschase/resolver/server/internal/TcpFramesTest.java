package org.dnschase.resolver.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** RFC 1035 §4.2.2: requests behind their two-octet length, the long ones kept cut, however the octets arrive. */
class TcpFramesTest {

  private static final int KEEP = 4;

  /** A request of {@code length} octets, each the octet {@code fill}, behind its length. */
  private static byte[] framed(int length, int fill) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(length >>> 8);
    out.write(length);
    for (int i = 0; i < length; i++) {
      out.write(fill);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** The requests read from {@code octets} arriving {@code chunk} octets at a time. */
  private static List<String> read(byte[] octets, int chunk) {
    EmbeddedChannel channel = new EmbeddedChannel(new TcpFrames(KEEP));
    List<String> requests = new ArrayList<>();
    for (int at = 0; at < octets.length; at += chunk) {
      channel.writeInbound(Unpooled.wrappedBuffer(octets, at, Math.min(chunk, octets.length - at)));
      for (ByteBuf request = channel.readInbound(); request != null; request = channel.readInbound()) {
        requests.add(ByteBufUtil.hexDump(request));
        request.release();
      }
    }
    channel.finishAndReleaseAll();
    return requests;
  }

  @Test
  @DisplayName("a request longer than kept arrives cut, its rest skipped, and the requests around it whole, however"
      + " the octets are split")
  void longRequest_cut_othersWhole_atEveryChunkSize() {
    byte[] octets = concat(framed(3, 0x11), framed(10, 0x22), framed(0, 0), framed(4, 0x33));
    for (int chunk = 1; chunk <= octets.length; chunk++) {
      assertThat(read(octets, chunk)).as("%d octets at a time", chunk)
          .containsExactly("111111", "22222222", "", "33333333");
    }
  }

  @Test
  @DisplayName("a long request whose rest has not all come yet is not handed on: a length then silence holds nothing")
  void longRequest_notWhole_notHandedOn() {
    byte[] octets = framed(65_535, 0x44);

    assertThat(read(Arrays.copyOf(octets, 100), 7)).isEmpty();
  }
}
