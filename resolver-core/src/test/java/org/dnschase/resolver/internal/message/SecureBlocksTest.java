package org.dnschase.resolver.internal.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Query IDs and 0x20's case come from a secure source (RFC 5452 §4.3), a block of its octets at a
 * time: each octet it gives is handed out once, in its order, and the source is asked once per
 * block, not once per draw.
 */
class SecureBlocksTest {

  /** A source whose octets count up from 0 across its draws, and that counts the draws. */
  private static final class CountingSource extends SecureRandom {
    int draws;
    private int next;

    @Override
    public void nextBytes(byte[] bytes) {
      draws++;
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) next++;
      }
    }
  }

  private final CountingSource source = new CountingSource();
  private final SecureBlocks blocks = new SecureBlocks(source);

  private byte[] draw(int octets) {
    byte[] drawn = new byte[octets];
    blocks.engineNextBytes(drawn);
    return drawn;
  }

  @Test
  @DisplayName("draws are the source's octets in order, each handed out once")
  void handsOutTheSourcesOctetsInOrder() {
    assertThat(draw(3)).containsExactly(0, 1, 2);
    assertThat(draw(2)).containsExactly(3, 4);
  }

  @Test
  @DisplayName("the first block is drawn when the blocks are made, so the source seeds itself then, not at the first"
      + " query's draw")
  void drawsTheFirstBlockWhenMade() {
    assertThat(source.draws).isEqualTo(1);
    draw(2);
    assertThat(source.draws).isEqualTo(1);
  }

  @Test
  @DisplayName("the source is asked once per block: the IDs and case bits of some 700 queries take one call")
  void asksTheSourceOncePerBlock() {
    for (int query = 0; query < SecureBlocks.BLOCK / 6; query++) {
      draw(2); // its ID
      draw(4); // its name's case bits
    }
    assertThat(source.draws).isEqualTo(1);
  }

  @Test
  @DisplayName("a draw across a block's end continues with the next block's first octets")
  void continuesAcrossBlocks() {
    draw(SecureBlocks.BLOCK - 1);
    assertThat(draw(3)).containsExactly((byte) (SecureBlocks.BLOCK - 1), (byte) SecureBlocks.BLOCK,
        (byte) (SecureBlocks.BLOCK + 1));
    assertThat(source.draws).isEqualTo(2);
  }
}
