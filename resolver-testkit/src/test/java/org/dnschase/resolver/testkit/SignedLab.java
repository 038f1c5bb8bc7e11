package org.dnschase.resolver.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Section;

/**
 * The tree the signing tests sign: a root, test., a signed example.test. with a wildcard, an
 * empty non-terminal, a CNAME and a DNAME, a signed child sub.example.test., and insecure.test.
 * which the tests leave unsigned.
 */
final class SignedLab {
  static final InetAddress EXAMPLE_SERVER = address("127.53.0.3");
  static final InetAddress TLD_SERVER = address("127.53.0.2");

  static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root.test.", "127.53.0.1")
      .zone("test.", tld -> tld.server("ns.nic", "127.53.0.2").ttl(3600).negativeTtl(900))
      .zone("insecure.test.", zone -> zone.server("ns1", "127.53.0.4").records("www A 127.0.0.1"))
      .zone("example.test.", zone -> zone.server("ns1", "127.53.0.3").ttl(300).negativeTtl(60)
          .records("""
              www        A     127.0.0.80
              www        A     127.0.0.81
              alias      CNAME www
              old        DNAME new.example.test.
              www.new    A     127.0.0.82
              *.wild     A     127.0.0.90
              a.b.ent    TXT   "deep"
              """))
      .zone("sub.example.test.", zone -> zone.server("ns1", "127.53.0.5").records("www A 127.0.0.83"))
      .build();

  private SignedLab() {}

  /** A query as a validating resolver sends it: RD clear, EDNS with DO set. */
  static Message doQuery(String name, int type) {
    Message query = Client.query(name, type);
    query.addRecord(new OPTRecord(1232, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
    return query;
  }

  static Message ask(TestHierarchy dns, InetAddress server, String name, int type) throws IOException {
    return Client.tcp(dns.server(server), doQuery(name, type));
  }

  static Name name(String text) {
    return Name.fromConstantString(text);
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
