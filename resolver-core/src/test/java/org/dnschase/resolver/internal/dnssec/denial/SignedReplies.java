package org.dnschase.resolver.internal.dnssec.denial;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.dnschase.resolver.testkit.Signing;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A signed testkit hierarchy whose servers are asked in memory, through their zone dispatchers:
 * the denial proofs come from the testkit's signer, not from these tests. example.test. holds a
 * name, a CNAME, a wildcard, an empty non-terminal, a signed child (sub.) and an unsigned one
 * (insecure.).
 */
final class SignedReplies implements AutoCloseable {
  static final Name ZONE = name("example.test.");

  private static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root.test.", "127.53.0.1")
      .zone("test.", tld -> tld.server("ns.nic", "127.53.0.2").ttl(3600).negativeTtl(900))
      .zone("example.test.", zone -> zone.server("ns1", "127.53.0.3").ttl(300).negativeTtl(60)
          .records("""
              www        A     127.0.0.80
              alias      CNAME www
              *.wild     A     127.0.0.90
              a.b.ent    TXT   "deep"
              """))
      .zone("sub.example.test.", zone -> zone.server("ns1", "127.53.0.5").records("www A 127.0.0.83"))
      .zone("insecure.example.test.", zone -> zone.server("ns1", "127.53.0.4").records("www A 127.0.0.1"))
      .build();

  private final TestHierarchy dns;

  private SignedReplies(TestHierarchy dns) {
    this.dns = dns;
  }

  /** The tree signed with {@code signing}, insecure.example.test. left unsigned. */
  static SignedReplies signed(Signing signing) {
    return new SignedReplies(TestHierarchy.builder().zones(TREE).signed(signing)
        .unsigned("insecure.example.test.").build());
  }

  /** What example.test.'s server answers to {@code name}/{@code type} with DO set. */
  Message ask(String name, int type) {
    Message query = Message.newQuery(Record.newRecord(name(name), type, 1));
    query.addRecord(new OPTRecord(1232, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
    AuthServer server = dns.serversFor(ZONE).get(0);
    RecordedQuery received = new RecordedQuery(server.address(),
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 5300), name(name), type,
        RecordedQuery.Transport.TCP, Instant.now(), query);
    return server.zoneDispatcher().dispatch(received);
  }

  /** The NSEC and NSEC3 records of a reply's authority section, as example.test. signed them. */
  static DenialRecords proof(Message reply) {
    return DenialRecords.of(ZONE, reply.getSection(Section.AUTHORITY));
  }

  /** The RRSIG over the answer's RRset of {@code type}. */
  static RRSIGRecord answerSignature(Message reply, int type) {
    List<Record> answer = reply.getSection(Section.ANSWER);
    return answer.stream().filter(r -> r instanceof RRSIGRecord sig && sig.getTypeCovered() == type)
        .map(RRSIGRecord.class::cast).findFirst().orElseThrow(() -> new AssertionError("no RRSIG "
            + Type.string(type) + " in " + reply));
  }

  /** A copy of {@code nsec3} with another owner, hash algorithm and flags, as no signer made it. */
  static NSEC3Record altered(NSEC3Record nsec3, Name owner, int algorithm, int flags) {
    return new NSEC3Record(owner, nsec3.getDClass(), nsec3.getTTL(), algorithm, flags, nsec3.getIterations(),
        nsec3.getSalt(), nsec3.getNext(), nsec3.getTypes());
  }

  static Name name(String text) {
    return Name.fromConstantString(text);
  }

  @Override
  public void close() {
    dns.close();
  }
}
