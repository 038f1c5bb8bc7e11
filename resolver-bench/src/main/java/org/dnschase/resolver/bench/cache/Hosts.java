package org.dnschase.resolver.bench.cache;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.TextParseException;

/** The typical entry measured here: one A record at {@code host<i>.example.com.}. */
final class Hosts {

  private Hosts() {}

  static RRset aRRset(int i, long ttl) {
    try {
      Name name = Name.fromString("host" + i + ".example.com.");
      byte[] address = {10, (byte) (i >>> 16), (byte) (i >>> 8), (byte) i};
      return new RRset(new ARecord(name, DClass.IN, ttl, InetAddress.getByAddress(address)));
    } catch (TextParseException | UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
