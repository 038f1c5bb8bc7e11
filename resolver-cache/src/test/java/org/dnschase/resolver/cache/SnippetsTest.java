package org.dnschase.resolver.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;

/** The javadoc's sample does what its text says. */
class SnippetsTest {

  private static final Name WWW = Name.fromConstantString("www.example.");

  @Test
  void cacheSample_usesWhatWasCachedAndGoesUpstreamForTheRest() throws Exception {
    RRset rrset = new RRset(new ARecord(WWW, DClass.IN, 300, InetAddress.getByName("192.0.2.1")));

    assertThat(Snippets.cacheAndLookUp(rrset, WWW)).startsWith("use ").contains("192.0.2.1");
    assertThat(Snippets.cacheAndLookUp(rrset, Name.fromConstantString("other.example."))).isEqualTo("go upstream");
  }
}
