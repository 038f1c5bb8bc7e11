package org.dnschase.resolver.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** A reply read off the wire: address records that cannot be addresses are left out, the rest kept. */
class RepliesTest {

  private static final Name WWW = Name.fromConstantString("www.example.");

  /** A reply whose last answer record is {@code last}, sent with its RDATA cut to {@code length} octets. */
  private static byte[] withLastRecordCut(Record kept, Record last, int length) throws IOException {
    Message reply = new Message(7);
    reply.getHeader().setFlag(Flags.QR);
    reply.getHeader().setFlag(Flags.AA);
    reply.addRecord(Record.newRecord(WWW, last.getType(), DClass.IN), Section.QUESTION);
    reply.addRecord(kept, Section.ANSWER);
    reply.addRecord(last, Section.ANSWER);
    byte[] wire = reply.toWire();
    int rdlength = wire.length - last.rdataToWireCanonical().length - 2;
    wire[rdlength] = (byte) (length >>> 8);
    wire[rdlength + 1] = (byte) length;
    return Arrays.copyOf(wire, rdlength + 2 + length);
  }

  @Test
  @DisplayName("RFC 1035 §3.4.1: an A record whose RDATA is not 4 octets is left out, the rest of the reply kept")
  void aRecordOfThreeOctets_isLeftOut() throws Exception {
    ARecord good = new ARecord(WWW, DClass.IN, 300, InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1}));
    ARecord cut = new ARecord(WWW, DClass.IN, 300, InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 2}));
    byte[] wire = withLastRecordCut(good, cut, 3);

    assertThatThrownBy(() -> new Message(wire)).isInstanceOf(IOException.class);
    Message read = Replies.read(ByteBuffer.wrap(wire));
    assertThat(read.getSection(Section.ANSWER)).containsExactly(good);
    assertThat(read.getHeader().getID()).isEqualTo(7);
  }

  @Test
  @DisplayName("RFC 3596 §2.2: an AAAA record whose RDATA is not 16 octets is left out, the rest of the reply kept")
  void aaaaRecordOfFifteenOctets_isLeftOut() throws Exception {
    byte[] address = new byte[16];
    address[15] = 1;
    AAAARecord good = new AAAARecord(WWW, DClass.IN, 300, InetAddress.getByAddress(address));
    address[15] = 2;
    AAAARecord cut = new AAAARecord(WWW, DClass.IN, 300, InetAddress.getByAddress(address));

    assertThat(Replies.read(ByteBuffer.wrap(withLastRecordCut(good, cut, 15))).getSection(Section.ANSWER))
        .containsExactly(good);
  }

  @Test
  @DisplayName("A reply malformed otherwise (cut inside a record of another type) is still refused")
  void otherwiseMalformed_isRefused() throws Exception {
    Record good = Record.fromString(WWW, Type.TXT, DClass.IN, 300, "\"kept\"", Name.root);
    Record cut = Record.fromString(WWW, Type.TXT, DClass.IN, 300, "\"longer text\"", Name.root);
    byte[] wire = withLastRecordCut(good, cut, 3);

    assertThatThrownBy(() -> Replies.read(ByteBuffer.wrap(wire))).isInstanceOf(IOException.class);
  }
}
