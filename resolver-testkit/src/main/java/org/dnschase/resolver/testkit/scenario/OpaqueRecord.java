package org.dnschase.resolver.testkit.scenario;

import java.util.HexFormat;
import org.xbill.DNS.Compression;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.DNSOutput;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Tokenizer;

/**
 * A record whose RDATA are octets sent as they are, for what a broken server sends and dnsjava's
 * typed records refuse to hold: an A record of three octets, an RRSIG without its signature. It
 * exists only to go out on the wire; the receiving side reads it as whatever its type makes it.
 */
final class OpaqueRecord extends Record {

  private byte[] rdata;

  OpaqueRecord() {}

  OpaqueRecord(Name name, int type, int dclass, long ttl, byte[] rdata) {
    super(name, type, dclass, ttl);
    this.rdata = rdata.clone();
  }

  @Override
  protected void rrFromWire(DNSInput in) {
    rdata = in.readByteArray();
  }

  @Override
  protected String rrToString() {
    return "\\# " + rdata.length + " " + HexFormat.of().formatHex(rdata);
  }

  @Override
  protected void rdataFromString(Tokenizer st, Name origin) {
    throw new UnsupportedOperationException("opaque RDATA are given as octets");
  }

  @Override
  protected void rrToWire(DNSOutput out, Compression c, boolean canonical) {
    out.writeByteArray(rdata);
  }
}
