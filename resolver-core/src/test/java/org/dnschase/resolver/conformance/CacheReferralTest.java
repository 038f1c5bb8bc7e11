package org.dnschase.resolver.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.TrustRank;
import org.dnschase.resolver.cache.ValidationStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** {@link CacheReferral}: Unbound's referral from the cache for an RD=0 question, as a client gets it. */
class CacheReferralTest {

  private static final Name ZONE = Name.fromConstantString("example.com.");
  private static final Name SERVER = Name.fromConstantString("ns.example.com.");

  @Test
  @DisplayName("RFC 4035 §3.2.1: a DO client's referral carries the cached RRSIGs of the NS set and addresses; another's does not")
  void referral_carriesSignaturesForADnssecOkClient() throws Exception {
    RRsetCache cache = RRsetCache.builder().build();
    cache.put(signed(new NSRecord(ZONE, DClass.IN, 3600, SERVER)), TrustRank.AUTHORITY_DATA);
    cache.put(signed(new ARecord(SERVER, DClass.IN, 3600, InetAddress.getByName("192.0.2.4"))), TrustRank.GLUE);

    Message withDo = CacheReferral.fromCache(query(true), cache);
    Message withoutDo = CacheReferral.fromCache(query(false), cache);

    assertThat(withDo.getSection(Section.AUTHORITY)).extracting(Record::getType).containsExactly(Type.NS, Type.RRSIG);
    assertThat(withDo.getSection(Section.ADDITIONAL)).extracting(Record::getType)
        .containsExactlyInAnyOrder(Type.A, Type.RRSIG, Type.OPT);
    assertThat(withoutDo.getSection(Section.AUTHORITY)).extracting(Record::getType).containsExactly(Type.NS);
    assertThat(withoutDo.getSection(Section.ADDITIONAL)).extracting(Record::getType).containsExactlyInAnyOrder(Type.A, Type.OPT);
  }

  @Test
  @DisplayName("RFC 6840 §5.8: a referral whose NS set the resolver validated is AD for a DO client, with only the addresses found secure too")
  void validatedReferral_isAuthenticWithSecureAddressesOnly() throws Exception {
    Name unsignedServer = Name.fromConstantString("ns.example.net.");
    RRsetCache cache = RRsetCache.builder().build();
    cache.put(signed(new NSRecord(ZONE, DClass.IN, 3600, SERVER), new NSRecord(ZONE, DClass.IN, 3600, unsignedServer)),
        TrustRank.AUTHORITY_DATA, ValidationStatus.SECURE);
    cache.put(signed(new ARecord(SERVER, DClass.IN, 3600, InetAddress.getByName("192.0.2.4"))), TrustRank.GLUE,
        ValidationStatus.SECURE);
    cache.put(new RRset(new ARecord(unsignedServer, DClass.IN, 3600, InetAddress.getByName("192.0.2.5"))),
        TrustRank.GLUE);

    Message referral = CacheReferral.fromCache(query(true), cache);

    assertThat(referral.getHeader().getFlag(Flags.AD)).isTrue();
    assertThat(referral.getSection(Section.ADDITIONAL)).extracting(Record::getName)
        .containsOnly(SERVER, Name.root);
    assertThat(CacheReferral.fromCache(query(false), cache).getHeader().getFlag(Flags.AD)).isFalse();
  }

  @Test
  @DisplayName("A referral whose NS set was not validated is not AD, and carries every cached address")
  void unvalidatedReferral_isNotAuthentic() throws Exception {
    Name unsignedServer = Name.fromConstantString("ns.example.net.");
    RRsetCache cache = RRsetCache.builder().build();
    cache.put(new RRset(new NSRecord(ZONE, DClass.IN, 3600, unsignedServer)), TrustRank.REFERRAL_NS);
    cache.put(new RRset(new ARecord(unsignedServer, DClass.IN, 3600, InetAddress.getByName("192.0.2.5"))),
        TrustRank.GLUE);

    Message referral = CacheReferral.fromCache(query(true), cache);

    assertThat(referral.getHeader().getFlag(Flags.AD)).isFalse();
    assertThat(referral.getSection(Section.ADDITIONAL)).extracting(Record::getName).contains(unsignedServer);
  }

  private static RRset signed(Record... records) {
    RRset rrset = new RRset();
    for (Record record : records) {
      rrset.addRR(record);
    }
    Record record = records[0];
    rrset.addRR(new RRSIGRecord(record.getName(), DClass.IN, 3600, record.getType(), 8, 3600,
        Instant.parse("2033-05-18T03:33:20Z"), Instant.parse("2001-09-09T01:46:40Z"), 12345, ZONE, new byte[] {1}));
    return rrset;
  }

  private static Message query(boolean dnssecOk) {
    Message query = Message.newQuery(Record.newRecord(Name.fromConstantString("www.example.com."), Type.A, DClass.IN));
    query.getHeader().unsetFlag(Flags.RD);
    query.addRecord(new OPTRecord(4096, 0, 0, dnssecOk ? ExtendedFlags.DO : 0), Section.ADDITIONAL);
    return query;
  }
}
